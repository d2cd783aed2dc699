// Two languages: the page follows the browser's language on first visit, and the switch
// remembers the producer's choice.
import { test, expect } from '@playwright/test';
import { newChapter, generatePlan, hydrated } from './support/studio';

test.use({ locale: 'es-ES' });

test('a Spanish browser gets the studio in Spanish, and the switch changes it for good', async ({ page, request }) => {
  const { chapter, path } = await newChapter(request, '—Hola —dijo Augusto.\n\nLlovía.', 'Capítulo de prueba');
  await generatePlan(request, chapter);

  await page.goto(path);
  await hydrated(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('button', { name: 'Regenerar plan' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Segmentos' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Hablante' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Dividir en el cursor' })).toBeVisible();
  await expect(page.getByText('Antes de marcar este capítulo como terminado:')).toBeVisible();
  await expect(page.getByText(/segmentos no tienen hablante/)).toBeVisible();

  await page.goto('/');
  await hydrated(page);
  await expect(page.getByRole('heading', { name: 'Proyectos' })).toBeVisible();
  await page.getByLabel('Idioma').first().selectOption('en');
  await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible();

  await page.goto(path);
  await hydrated(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Regenerate plan' })).toBeVisible();
});

test('refusals from the domain and the server read in Spanish', async ({ page, request }) => {
  const { chapter, path } = await newChapter(request, 'Llovía sin parar.', 'Un solo segmento');
  await generatePlan(request, chapter);
  await page.goto(path);
  await hydrated(page);
  // The last segment cannot be deleted: the shared rule's message, in Spanish.
  await page.getByRole('button', { name: 'Eliminar' }).click();
  await expect(page.getByRole('alert')).toHaveText('no se puede borrar el último segmento');
  // A cast the server refuses, with the reason in Spanish; nothing is stored.
  const created = await request.post('/api/create_project', { data: { name: 'Reparto', language: 'es' } });
  const project = await created.json();
  await page.goto(`/projects/${project}/cast`);
  await hydrated(page);
  await page.getByLabel('Nuevo personaje').fill('Pablo');
  await page.getByRole('button', { name: 'Añadir personaje' }).click();
  await page.getByLabel('Intensidad del estilo (pablo)').fill('5');
  await page.getByLabel('Intensidad del estilo (pablo)').blur();
  await page.getByRole('button', { name: 'Guardar reparto' }).click();
  await expect(page.getByRole('status')).toHaveText('la intensidad de estilo 5 está fuera de 0,01–2');
});
