// Books as people have them: a whole book in one EPUB file comes in as the chapters its table of
// contents lists; a PDF manuscript as its chapters; a scanned PDF is refused in the page's
// language, and nothing is stored.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { hydrated } from './support/studio';

const books = join(__dirname, '..', '..', 'server', 'tests', 'books');
const file = (name: string) => ({ name, mimeType: 'application/octet-stream', buffer: readFileSync(join(books, name)) });

test('a one-file EPUB comes in as the chapters of its table of contents', async ({ page, request }) => {
  const project = await (await request.post('/api/create_project', { data: { name: "Children's Literature", language: 'en' } })).json();
  await page.goto(`/projects/${project}`);
  await hydrated(page);
  await page.getByLabel(/Manuscript file/).setInputFiles(file('childrens-literature.epub'));
  const found = page.getByRole('table', { name: 'Chapters found' });
  await expect(found.getByRole('row')).toHaveCount(1 + 17);
  await expect(page.getByLabel('Title of 192 THE REAL PRINCESS', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Include BIBLIOGRAPHY', { exact: true })).not.toBeChecked();
  await page.getByRole('button', { name: 'Add 16 chapters' }).click();
  const chapters = page.getByRole('navigation', { name: 'Chapters' });
  await expect(chapters.getByRole('link')).toHaveCount(16);
  await expect(chapters.getByRole('link', { name: /THE UGLY DUCKLING/ })).toBeVisible();
});

test.describe('en español', () => {
  test.use({ locale: 'es-ES' });

  test('un manuscrito en PDF trae sus capítulos; un PDF escaneado se rechaza sin guardar nada', async ({ page, request }) => {
    const project = await (await request.post('/api/create_project', { data: { name: 'Niebla en PDF', language: 'es' } })).json();
    await page.goto(`/projects/${project}`);
    await hydrated(page);

    await page.getByLabel(/Archivo del manuscrito/).setInputFiles(file('scanned.pdf'));
    await expect(page.getByRole('alert').filter({ hasText: 'La página de este PDF no contiene texto' })).toBeVisible();
    const listed = await (await request.post('/api/list_chapters', { data: { project } })).json();
    expect(listed).toHaveLength(0);

    await page.getByLabel(/Archivo del manuscrito/).setInputFiles(file('niebla-1-3.pdf'));
    const found = page.getByRole('table', { name: 'Capítulos encontrados' });
    await expect(found.getByRole('row')).toHaveCount(1 + 3);
    await page.getByRole('button', { name: 'Añadir 3 capítulos', exact: true }).click();
    await expect(page.getByText('3 capítulos añadidos, 0 sustituidos')).toBeVisible();
  });
});
