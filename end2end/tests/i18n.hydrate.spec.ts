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
