// Projects and the cast: create a project from the home page, rename it, edit its cast with
// validation, and delete it.
import { test, expect } from '@playwright/test';
import { hydrated } from './support/studio';

test('create a Spanish project, build its cast, rename and delete it', async ({ page }) => {
  await page.goto('/');
  await hydrated(page);
  await page.getByLabel('New project').fill('Marianela');
  await page.getByLabel('Book language').selectOption('es');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { name: 'Marianela' })).toBeVisible();
  await expect(page.getByText('Language: es')).toBeVisible();

  await page.getByRole('link', { name: /Cast/ }).click();
  await hydrated(page);
  await expect(page.getByRole('group', { name: 'Narrador' })).toBeVisible();
  // The voice field suggests the Spanish voices espeak-ng has installed.
  await expect(page.locator('datalist#voices-espeak option[value="es"]')).toHaveCount(1);
  await expect(page.locator('datalist#voices-espeak option[value="en-gb"]')).toHaveCount(0);
  await page.getByLabel('New character').fill('Pablo');
  await page.getByRole('button', { name: 'Add character' }).click();
  await page.getByLabel('Aliases (pablo)').fill('Pablillo, el ciego');
  await page.getByLabel('Aliases (pablo)').blur();
  await expect(page.getByText('Narrador and Pablo share the same voice.')).toBeVisible();
  await page.getByLabel('Voice (pablo)').fill('es+m3');
  await expect(page.getByText('share the same voice')).toHaveCount(0);

  // A style degree of 5 is refused with the reason; nothing is stored.
  await page.getByLabel('Style degree (pablo)').fill('5');
  await page.getByLabel('Style degree (pablo)').blur();
  await page.getByRole('button', { name: 'Save cast' }).click();
  await expect(page.getByRole('status')).toHaveText('style degree 5 is outside 0.01–2');
  await page.getByLabel('Style degree (pablo)').fill('1.5');
  await page.getByLabel('Style degree (pablo)').blur();
  await page.getByRole('button', { name: 'Save cast' }).click();
  await expect(page.getByRole('status')).toHaveText('Cast saved');

  await page.reload();
  await hydrated(page);
  await expect(page.getByLabel('Aliases (pablo)')).toHaveValue('Pablillo, el ciego');
  await expect(page.getByLabel('Style degree (pablo)')).toHaveValue('1.5');

  await page.getByRole('link', { name: '← Project' }).click();
  await hydrated(page);
  await page.getByLabel('Name').fill('Marianela (Galdós)');
  await page.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('heading', { name: 'Marianela (Galdós)' })).toBeVisible();
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Delete project' }).click();
  await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Marianela/ })).toHaveCount(0);
});

test('import a manuscript: review the chapters found, drop and rename some, add the rest', async ({ page, request }) => {
  const project = await (await request.post('/api/create_project', { data: { name: 'Import spec', language: 'en' } })).json();
  await page.goto(`/projects/${project}`);
  await hydrated(page);
  const text = 'A Book by Someone.\n\nCHAPTER I\n\nThe first one.\n\nCHAPTER II\n\nThe second one.\n';
  await page.getByLabel(/Manuscript file/).setInputFiles({ name: 'book.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });

  const found = page.getByRole('table', { name: 'Chapters found' });
  // Front matter is found but left out unless the producer includes it.
  await expect(found.getByRole('row')).toHaveCount(4);
  await expect(page.getByLabel('Include Front matter')).not.toBeChecked();
  await expect(page.getByRole('button', { name: 'Add 2 chapters' })).toBeVisible();
  await page.getByLabel('Include CHAPTER II', { exact: true }).uncheck();
  await page.getByLabel('Title of CHAPTER I', { exact: true }).fill('One');
  await page.getByRole('button', { name: 'Add 1 chapter', exact: true }).click();

  const chapters = page.getByRole('navigation', { name: 'Chapters' });
  await expect(chapters.getByRole('link', { name: /One/ })).toBeVisible();
  await expect(chapters.getByRole('link')).toHaveCount(1);
  await expect(page.getByText('0 of 1 chapter complete')).toBeVisible();
  await expect(found).toHaveCount(0);

  // A file that is not what it says is refused with the reason.
  await page.getByLabel(/Manuscript file/).setInputFiles({ name: 'book.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('plain text') });
  await expect(page.getByRole('alert').filter({ hasText: 'not a Word document' })).toBeVisible();
});
