// Re-import: a manuscript section whose title matches a chapter replaces that chapter's text; its
// plan is kept but marked stale, listing what no longer matches, until it is carried over.
import { test, expect } from '@playwright/test';
import { newProject, addChapter, generatePlan, savePlan, rows, expectSaved, hydrated, speakerOf } from './support/studio';

test('a changed chapter re-imported marks its plan stale; carrying it over keeps what still matches', async ({ page, request }) => {
  const project = await newProject(request, 'Reimport spec', 'en', ['Holmes']);
  const { chapter, path } = await addChapter(request, project, '“Who is there?” said Holmes.\n\nNobody answered.', 'CHAPTER I');
  const plan = await generatePlan(request, chapter);
  const segments = plan.segments.map((s: any) => ({ ...s, voice: 'narrator' }));
  segments[0].voice = 'holmes';
  await savePlan(request, chapter, plan.version, segments);

  await page.goto(`/projects/${project}`);
  await hydrated(page);
  const book = 'CHAPTER I\n\nIt was late.\n\n“Who is there?” said Holmes.\n\nNobody answered at all.\n';
  await page.getByLabel(/Manuscript file/).setInputFiles({ name: 'book.txt', mimeType: 'text/plain', buffer: Buffer.from(book) });
  // The section with the chapter's title replaces its text unless the producer says otherwise.
  await expect(page.getByLabel('Into (CHAPTER I)')).toHaveValue(String(chapter));
  await page.getByRole('button', { name: 'Add 1 chapter', exact: true }).click();
  await expect(page.getByText('0 chapters added, 1 replaced; 1 plan needs carrying over to its new text.')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Chapters' }).getByRole('link')).toHaveCount(1);

  await page.goto(path);
  await hydrated(page);
  const stale = page.getByRole('region', { name: /text changed since this plan was made/ });
  await expect(stale).toContainText('3 segments no longer match it');
  await expect(page.getByText('the chapter text changed: 3 segments no longer match it (first: 1)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark chapter complete' })).toBeDisabled();

  page.once('dialog', (dialog) => dialog.accept());
  await stale.getByRole('button', { name: 'Carry the plan over' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Kept 2 segments; 2 new ones cover new text. No longer in the text: 3 “Nobody answered.”.');
  await expect(stale).toHaveCount(0);
  await expect(rows(page)).toHaveCount(4);
  // The kept line keeps its speaker; the new text has none yet.
  await expect(speakerOf(page, 1)).toHaveAttribute('data-speaker', 'holmes');
  await expect(speakerOf(page, 4)).toHaveAttribute('data-speaker', '');
  await expectSaved(page);
  await page.reload();
  await hydrated(page);
  await expect(page.getByRole('region', { name: /text changed/ })).toHaveCount(0);
  await expect(rows(page)).toHaveCount(4);
});
