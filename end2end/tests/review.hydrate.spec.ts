// Review flags: raise a ticket on a segment, discuss it, then fix and verify it; an open one
// blocks sign-off. Each step is signed with the signed-in user's name.
import { test, expect } from '@playwright/test';
import { newProject, addChapter, generatePlan, rows, expectSaved, hydrated } from './support/studio';

test('a flag is raised, blocks sign-off while open, and is fixed and verified', async ({ page, request }) => {
  const project = await newProject(request, 'Review spec', 'en');
  const { chapter, path } = await addChapter(request, project, 'The moor was dark.\n\nBaskerville Hall stood alone.', 'Review');
  await generatePlan(request, chapter);
  await page.goto(path);
  await hydrated(page);
  await page.getByRole('button', { name: 'Assign speakers' }).click();

  await rows(page).nth(1).click();
  const review = page.getByRole('region', { name: 'Review' });
  await expect(review.getByLabel('Reviewer')).toHaveCount(0);
  await review.getByLabel('Kind').selectOption('mispronunciation');
  await review.getByLabel('Note').fill('Stress BAS-ker-ville');
  await review.getByRole('button', { name: 'Flag for revision' }).click();
  await expect(review).toContainText('mispronunciation · open · Stress BAS-ker-ville');
  await expect(review).toContainText('Raised by Demo producer');
  await expect(page.getByText('Open flags: 1')).toBeVisible();
  await expect(page.getByText('segment 2 is flagged for revision')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark chapter complete' })).toBeDisabled();
  await expect(rows(page).nth(1).getByRole('button', { name: 'Needs revision: segment 2' })).toHaveAttribute('aria-pressed', 'true');

  await review.getByRole('textbox', { name: 'Comment' }).fill('Listen at 0:04');
  await review.getByRole('button', { name: 'Add comment' }).click();
  await expect(review.getByRole('list', { name: 'Comments' })).toContainText('Demo producer');
  await expect(review.getByRole('list', { name: 'Comments' })).toContainText('Listen at 0:04');
  await review.getByRole('button', { name: 'Mark fixed' }).click();
  await expect(review).toContainText('fixed, to verify');
  await expect(page.getByText('Open flags: 1')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Mark chapter complete' })).toBeEnabled();
  await review.getByRole('button', { name: 'Verify' }).click();
  await expect(review).toContainText('verified');
  await expect(rows(page).nth(1).getByRole('button', { name: 'Needs revision: segment 2' })).toHaveAttribute('aria-pressed', 'false');

  await expectSaved(page);
  await page.reload();
  await hydrated(page);
  await rows(page).nth(1).click();
  await expect(page.getByRole('region', { name: 'Review' })).toContainText('mispronunciation · verified');
  await expect(page.getByRole('region', { name: 'Review' })).toContainText('Raised by Demo producer; verified by Demo producer');
  await expect(page.getByRole('region', { name: 'Review' }).getByRole('list', { name: 'Comments' })).toContainText('Listen at 0:04');
});
