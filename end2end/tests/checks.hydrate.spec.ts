// Checks before sign-off: a speaker that a speech tag contradicts blocks completion until it is
// kept by hand; several rows get a speaker at once; rows are marked reviewed and the share shows.
import { test, expect } from '@playwright/test';
import { newProject, addChapter, generatePlan, savePlan, rows, expectSaved, hydrated, chooseSpeaker, speakerOf } from './support/studio';

const TEXT = [
  '“Come in, Watson,” said Holmes.',
  '“Thank you,” said Watson.',
  'The fire was warm.',
].join('\n\n');

test('a contradicted speaker blocks sign-off until kept by hand', async ({ page, request }) => {
  const project = await newProject(request, 'Checks spec', 'en', ['Holmes', 'Watson']);
  const { chapter, path } = await addChapter(request, project, TEXT, 'Tags');
  const plan = await generatePlan(request, chapter);
  // A colleague's run put Watson on Holmes's line.
  const segments = plan.segments.map((s: any) => ({ ...s, voice: 'narrator' }));
  segments[0].voice = 'watson';
  segments[2].voice = 'watson';
  await savePlan(request, chapter, plan.version, segments);

  await page.goto(path);
  await hydrated(page);
  const complete = page.getByRole('button', { name: 'Mark chapter complete' });
  await expect(page.getByText('a speech tag contradicts the speaker of segment 1')).toBeVisible();
  await expect(complete).toBeDisabled();
  const first = rows(page).nth(0);
  await expect(first.locator('.contradiction')).toContainText('Holmes');
  // The doubtful filter shows it.
  await page.getByLabel('Only unassigned or doubtful').check();
  await expect(rows(page)).toHaveCount(1);
  await page.getByLabel('Only unassigned or doubtful').uncheck();

  // Fixing the speaker clears it; undo brings it back; keeping it by hand confirms it.
  await chooseSpeaker(page, 1, 'holmes');
  await expect(first.locator('.contradiction')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(first.locator('.contradiction')).toContainText('Holmes');
  await first.getByRole('button', { name: 'Keep' }).click();
  await expect(first.locator('.contradiction')).toHaveCount(0);
  await expect(speakerOf(page, 1)).toHaveAttribute('data-speaker', 'watson');
  await expect(complete).toBeEnabled();
  await expectSaved(page);
  await complete.click();
  await expect(page.getByRole('button', { name: 'Reopen chapter' })).toBeVisible();
});

test('several rows get a speaker at once and rows are marked reviewed', async ({ page, request }) => {
  const project = await newProject(request, 'Bulk spec', 'en', ['Holmes', 'Watson']);
  const { chapter, path } = await addChapter(request, project, TEXT, 'Bulk');
  await generatePlan(request, chapter);
  await page.goto(path);
  await hydrated(page);
  await expect(rows(page)).toHaveCount(5);
  const speaker = (id: number) => speakerOf(page, id);

  // Mark rows 2, 4 and 5: a checkbox, then Shift+click for a range.
  await page.getByLabel('Select segment 2 for a group action').check();
  await rows(page).nth(3).click();
  await rows(page).nth(4).click({ modifiers: ['Shift'] });
  await expect(page.getByLabel('Select segment 5 for a group action')).toBeChecked();
  await expect(page.getByText('3 segments selected')).toBeVisible();
  const bar = page.getByRole('toolbar', { name: 'Selected segments' });
  await bar.getByLabel('Speaker').selectOption('narrator');
  await bar.getByRole('button', { name: 'Set speaker' }).click();
  await expect(speaker(2)).toHaveAttribute('data-speaker', 'narrator');
  await expect(speaker(4)).toHaveAttribute('data-speaker', 'narrator');
  await expect(speaker(5)).toHaveAttribute('data-speaker', 'narrator');
  await expect(speaker(1)).toHaveAttribute('data-speaker', '');
  // One undo takes the group change back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(speaker(2)).toHaveAttribute('data-speaker', '');
  await expect(speaker(5)).toHaveAttribute('data-speaker', '');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(speaker(4)).toHaveAttribute('data-speaker', 'narrator');

  await bar.getByRole('button', { name: 'Mark reviewed' }).click();
  await expect(page.getByText('Reviewed 60 % (3 of 5)')).toBeVisible();
  await bar.getByRole('button', { name: 'Clear selection' }).click();
  await expect(bar).toHaveCount(0);

  // From the keyboard: R marks the selected row reviewed and moves on.
  await rows(page).nth(0).click();
  await page.keyboard.press('r');
  await expect(page.getByText('Reviewed 80 % (4 of 5)')).toBeVisible();
  await expect(rows(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  // Space and Shift+Down mark rows from the keyboard; Escape clears them.
  await page.keyboard.press(' ');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(page.getByText('2 segments selected')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(bar).toHaveCount(0);

  await expectSaved(page);
  await page.reload();
  await hydrated(page);
  await expect(page.getByText('Reviewed 80 % (4 of 5)')).toBeVisible();
  await expect(speaker(5)).toHaveAttribute('data-speaker', 'narrator');
});

test('after a run, speakers that tags name but the cast lacks are pointed out', async ({ page, request }) => {
  const project = await newProject(request, 'Missing spec', 'en', ['Holmes']);
  const { chapter, path } = await addChapter(request, project, TEXT, 'Missing');
  await generatePlan(request, chapter);
  await page.goto(path);
  await hydrated(page);
  await page.getByRole('button', { name: 'Assign speakers' }).click();
  await expect(page.getByText('Speech tags name people who are not in the cast: Watson.')).toBeVisible();
  // Watson's line stays unresolved rather than going to someone else.
  await expect(speakerOf(page, 3)).toHaveAttribute('data-speaker', '');
  await page.getByRole('link', { name: 'Add them to the cast' }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${project}/cast$`));
});
