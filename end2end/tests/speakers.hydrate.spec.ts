// Speakers: the offline rule engine assigns them in the browser, a hand-picked speaker is never
// overwritten, doubtful rows can be filtered, and everything autosaves.
import { test, expect } from '@playwright/test';
import { newProject, addChapter, generatePlan, rows, expectSaved, hydrated, chooseSpeaker, speakerOf } from './support/studio';

const TEXT = [
  '“Come in, Watson,” said Holmes.',
  '“Thank you,” said Watson.',
  'The fire was warm.',
].join('\n\n');

test('assign speakers, fix one by hand, filter the doubtful ones, and find them saved', async ({ page, request }) => {
  const project = await newProject(request, 'Speakers spec', 'en', ['Holmes', 'Watson']);
  const { chapter, path } = await addChapter(request, project, TEXT, 'Dialogue');
  await generatePlan(request, chapter);
  await page.goto(path);
  await hydrated(page);
  // Each quote is its own segment; its tag stays with the narrator.
  await expect(rows(page)).toHaveCount(5);
  const speaker = (id: number) => speakerOf(page, id);

  await page.getByRole('button', { name: 'Assign speakers' }).click();
  await expect(speaker(1)).toHaveAttribute('data-speaker', 'holmes');
  await expect(speaker(2)).toHaveAttribute('data-speaker', 'narrator');
  await expect(speaker(3)).toHaveAttribute('data-speaker', 'watson');
  await expect(speaker(5)).toHaveAttribute('data-speaker', 'narrator');
  await expect(rows(page).nth(0)).toContainText('%');
  // Undo takes the whole run back in one step.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(speaker(1)).toHaveAttribute('data-speaker', '');
  await expect(speaker(3)).toHaveAttribute('data-speaker', '');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(speaker(3)).toHaveAttribute('data-speaker', 'watson');

  // A hand-picked speaker survives another automatic run.
  await chooseSpeaker(page, 5, 'watson');
  await page.getByRole('button', { name: 'Assign speakers' }).click();
  await expect(speaker(5)).toHaveAttribute('data-speaker', 'watson');

  // Clear one speaker: the filter then shows only that row.
  await chooseSpeaker(page, 2, '');
  await page.getByLabel('Only unassigned or doubtful').check();
  await expect(rows(page)).toHaveCount(1);
  await expect(speaker(2)).toHaveAttribute('data-speaker', '');
  await page.getByLabel('Only unassigned or doubtful').uncheck();
  await expect(rows(page)).toHaveCount(5);

  await expectSaved(page);
  await page.reload();
  await hydrated(page);
  await expect(speaker(1)).toHaveAttribute('data-speaker', 'holmes');
  await expect(speaker(2)).toHaveAttribute('data-speaker', '');
  await expect(speaker(5)).toHaveAttribute('data-speaker', 'watson');

  // Sign-off waits until every segment has a speaker.
  const complete = page.getByRole('button', { name: 'Mark chapter complete' });
  await expect(complete).toBeDisabled();
  await expect(page.getByText('segment 2 has no speaker')).toBeVisible();
  await chooseSpeaker(page, 2, 'narrator');
  await expectSaved(page);
  await complete.click();
  await expect(page.getByRole('button', { name: 'Reopen chapter' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Dialogue (complete)' })).toBeVisible();
  await page.goto(`/projects/${project}`);
  await expect(page.getByText('Planning complete: every chapter is signed off.')).toBeVisible();
});
