// Review flags: raise a ticket on a segment, then fix and verify it; an open one blocks sign-off.
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
  // Until there are accounts, the reviewer types their name once; the browser remembers it.
  await review.getByLabel('Reviewer').fill('Ana');
  await review.getByLabel('Reviewer').blur();
  await review.getByLabel('Kind').selectOption('mispronunciation');
  await review.getByLabel('Note').fill('Stress BAS-ker-ville');
  await review.getByRole('button', { name: 'Flag for revision' }).click();
  await expect(review).toContainText('mispronunciation · open · Stress BAS-ker-ville');
  await expect(review).toContainText('Raised by Ana');
  await expect(page.getByText('Open flags: 1')).toBeVisible();
  await expect(page.getByText('segment 2 is flagged for revision')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark chapter complete' })).toBeDisabled();
  await expect(rows(page).nth(1).getByRole('button', { name: 'Needs revision: segment 2' })).toHaveAttribute('aria-pressed', 'true');

  await review.getByRole('button', { name: 'Mark fixed' }).click();
  await expect(review).toContainText('fixed, to verify');
  await expect(page.getByText('Open flags: 1')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Mark chapter complete' })).toBeEnabled();
  await review.getByLabel('Reviewer').fill('Luis');
  await review.getByLabel('Reviewer').blur();
  await review.getByRole('button', { name: 'Verify' }).click();
  await expect(review).toContainText('verified');
  await expect(rows(page).nth(1).getByRole('button', { name: 'Needs revision: segment 2' })).toHaveAttribute('aria-pressed', 'false');

  await expectSaved(page);
  await page.reload();
  await hydrated(page);
  await rows(page).nth(1).click();
  await expect(page.getByRole('region', { name: 'Review' })).toContainText('mispronunciation · verified');
  await expect(page.getByRole('region', { name: 'Review' })).toContainText('Raised by Ana; verified by Luis');
  await expect(page.getByRole('region', { name: 'Review' }).getByLabel('Reviewer')).toHaveValue('Luis');
});
