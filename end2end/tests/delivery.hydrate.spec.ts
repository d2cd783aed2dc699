// Delivery: the book's details and pauses, each chapter's render state, and the audiobook (M4B)
// built once every planned chapter's render passes ACX.
import { test, expect } from '@playwright/test';
import { newProject, addChapter, generatePlan, hydrated, savePlan } from './support/studio';

test('the book is built as an M4B once its chapter is rendered, after its details are saved', async ({ page, request }) => {
  test.setTimeout(120_000);
  const project = await newProject(request, 'Delivery spec', 'en');
  const { chapter, path } = await addChapter(request, project, 'The moor was silent under the moon.', 'Night');
  const plan = await generatePlan(request, chapter);
  const segments = plan.segments.map((s: any) => ({ ...s, voice: 'narrator' }));
  await savePlan(request, chapter, plan.version, segments);

  await page.goto(`/projects/${project}/delivery`);
  await hydrated(page);
  await expect(page.getByRole('heading', { name: 'Delivery: Delivery spec' })).toBeVisible();
  const chapters = page.getByRole('region', { name: 'Chapters' });
  await expect(chapters.getByRole('row', { name: /Night/ })).toContainText('not rendered');
  const book = page.getByRole('region', { name: 'Audiobook (M4B)' });
  await expect(book.getByRole('button', { name: 'Build audiobook' })).toBeDisabled();

  // A tail pause outside ACX's guidance is not sent (the server refuses it too, by name); a good
  // one is saved.
  const details = page.getByRole('region', { name: 'Book details and pauses' });
  const tail = details.getByLabel('Room tone after the last line');
  await details.getByLabel('Author').fill('A. Writer');
  await tail.fill('200');
  await details.getByRole('button', { name: 'Save details' }).click();
  expect(await tail.evaluate((input: HTMLInputElement) => input.validity.rangeUnderflow)).toBe(true);
  await expect(details.getByRole('status')).toHaveCount(0);
  await tail.fill('2000');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details.getByRole('status')).toContainText('Saved.');

  // Render the chapter from its page, then build the book.
  await page.goto(path);
  await hydrated(page);
  const audio = page.getByRole('region', { name: 'Audio' });
  await audio.getByRole('button', { name: 'Render chapter' }).click();
  await expect(audio.getByRole('heading', { name: 'ACX check' })).toBeVisible({ timeout: 60_000 });
  await page.goto(`/projects/${project}/delivery`);
  await hydrated(page);
  await expect(chapters.getByRole('row', { name: /Night/ })).toContainText('passes ACX');
  await book.getByRole('button', { name: 'Build audiobook' }).click();
  await expect(book).toContainText(/Built: \d+:\d\d long, .* 3 chapter markers/, { timeout: 60_000 });
  const m4b = await request.get((await book.getByRole('link', { name: 'Download M4B' }).getAttribute('href'))!);
  expect(m4b.status()).toBe(200);
  expect(m4b.headers()['content-type']).toBe('audio/mp4');
  expect(m4b.headers()['content-disposition']).toContain('Delivery spec.m4b');
});
