// The whole path in Spanish: import a manuscript, confirm the proposed cast, plan the chapter,
// assign speakers and fix one from the dropdown, take a flag through its life, and sign off.
import { test, expect } from '@playwright/test';
import { hydrated, chooseSpeaker, speakerOf } from './support/studio';

test.use({ locale: 'es-ES' });

test('un capítulo de principio a fin, en español', async ({ page, request }) => {
  const project = await (await request.post('/api/create_project', { data: { name: 'Misericordia', language: 'es' } })).json();
  await page.goto(`/projects/${project}`);
  await hydrated(page);

  // Import: the preview, then the chapter.
  const book = 'CAPÍTULO I\n\n—Buenos días —dijo Benina.\n\n—Hola, Benina —dijo Almudena.\n\nLlovía sobre Madrid.\n';
  await page.getByLabel(/Archivo del manuscrito/).setInputFiles({ name: 'libro.txt', mimeType: 'text/plain', buffer: Buffer.from(book) });
  await expect(page.getByRole('table', { name: 'Capítulos encontrados' })).toBeVisible();
  await page.getByRole('button', { name: 'Añadir 1 capítulo', exact: true }).click();
  await expect(page.getByText('1 capítulo añadido, 0 sustituidos')).toBeVisible();

  // Cast: the speakers found in the text, confirmed and saved.
  await page.goto(`/projects/${project}/cast`);
  await hydrated(page);
  await page.getByRole('button', { name: 'Buscar personajes en los capítulos' }).click();
  const found = page.getByRole('region', { name: 'Personajes hallados en el texto' });
  await expect(found.getByLabel('Nombre (Benina)')).toBeVisible();
  await expect(found.getByLabel('Nombre (Almudena)')).toBeVisible();
  await found.getByRole('button', { name: 'Añadir los personajes marcados' }).click();
  await page.getByRole('button', { name: 'Guardar reparto' }).click();
  await expect(page.getByRole('status')).toHaveText('Reparto guardado');

  // The plan, speakers by the rule engine, one fixed from the dropdown.
  const chapters = await (await request.post('/api/list_chapters', { data: { project } })).json();
  await page.goto(`/projects/${project}/chapters/${chapters[0].id}`);
  await hydrated(page);
  await page.getByRole('button', { name: 'Generar plan' }).click();
  await expect(page.getByRole('table', { name: 'Segmentos' })).toBeVisible();
  await page.getByRole('button', { name: 'Asignar hablantes' }).click();
  const speaker = (id: number) => speakerOf(page, id);
  await expect(speaker(1)).toHaveAttribute('data-speaker', 'benina');
  await chooseSpeaker(page, 1, '');
  await expect(page.getByText('el segmento 1 no tiene hablante')).toBeVisible();
  await chooseSpeaker(page, 1, 'benina');
  await expect(page.getByText('el segmento 1 no tiene hablante')).toHaveCount(0);

  // A flag: raised, fixed, verified.
  await page.locator('#seg-1').click();
  const review = page.getByRole('region', { name: 'Revisión' });
  await review.getByLabel('Nota').fill('Lee «días» con más pausa');
  await review.getByRole('button', { name: 'Marcar para revisión' }).click();
  await expect(review).toContainText('abierta');
  await expect(page.getByText('el segmento 1 está marcado para revisión')).toBeVisible();
  const complete = page.getByRole('button', { name: 'Marcar capítulo como terminado' });
  await expect(complete).toBeDisabled();
  await review.getByRole('button', { name: 'Marcar corregida' }).click();
  await expect(review).toContainText('corregida, por verificar');
  await review.getByRole('button', { name: 'Verificar' }).click();
  await expect(review).toContainText('Abierta por Demo producer; verificada por Demo producer');

  // Sign-off.
  await expect(page.getByRole('status', { name: 'Estado del guardado' })).toHaveText('Todos los cambios guardados', { timeout: 15_000 });
  await complete.click();
  await expect(page.getByRole('button', { name: 'Reabrir capítulo' })).toBeVisible();
  await page.goto(`/projects/${project}`);
  await expect(page.getByText('Planificación terminada: todos los capítulos están cerrados.')).toBeVisible();
});
