// The editing loop in the browser: generate, split at the cursor, merge both ways, delete, edit,
// undo and redo, all without a round trip; then autosave, reload and see the saved state.
import { test, expect } from '@playwright/test';
import { newChapter, generatePlan, rows, segmentText, expectSaved, hydrated } from './support/studio';

const TEXT = [
  'Señor Pérez llegó tarde 😀 aquel día, y nadie dijo nada.',
  'Watson looked at the stick, and Holmes asked what he made of it.',
  'The third paragraph is short.',
  'The fourth one closes the chapter.',
].join('\n\n');

test('generate a plan, edit it in every way, and find it saved after a reload', async ({ page, request }) => {
  const { path } = await newChapter(request, TEXT, 'Editing loop');
  await page.goto(path);
  await hydrated(page);

  await page.getByRole('button', { name: 'Generate plan' }).click();
  await expect(rows(page)).toHaveCount(4);
  await expect(page.getByRole('link', { name: 'Editing loop (planned)' })).toHaveAttribute('aria-current', 'page');

  // Split the first segment right after the emoji: UTF-16 index 26 (the emoji is two units).
  await rows(page).nth(0).click();
  const area = segmentText(page);
  await area.evaluate((el: HTMLTextAreaElement) => { el.focus(); el.setSelectionRange(26, 26); });
  await page.getByRole('button', { name: 'Split at cursor' }).click();
  await expect(rows(page)).toHaveCount(5);
  await expect(area).toHaveValue('Señor Pérez llegó tarde 😀');
  await rows(page).nth(1).click();
  await expect(area).toHaveValue('aquel día, y nadie dijo nada.');

  // Merge with previous gives the paragraph back; merge with next joins two paragraphs.
  await page.getByRole('button', { name: 'Merge with previous' }).click();
  await expect(rows(page)).toHaveCount(4);
  await expect(area).toHaveValue(TEXT.split('\n\n')[0]);
  await rows(page).nth(2).click();
  await page.getByRole('button', { name: 'Merge with next' }).click();
  await expect(rows(page)).toHaveCount(3);
  await expect(area).toHaveValue('The third paragraph is short.\n\nThe fourth one closes the chapter.');

  // Delete, then undo and redo it.
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(rows(page)).toHaveCount(2);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(rows(page)).toHaveCount(3);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(rows(page)).toHaveCount(2);

  // Edit the second segment's text.
  await rows(page).nth(1).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await area.fill('“Well, Watson?” asked Holmes.');
  await expect(page.getByText(/^4 words · 29 characters/)).toBeVisible();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(area).toHaveValue('“Well, Watson?” asked Holmes.');

  await expectSaved(page);
  await page.reload();
  await hydrated(page);
  await expect(rows(page)).toHaveCount(2);
  await rows(page).nth(1).click();
  await expect(segmentText(page)).toHaveValue('“Well, Watson?” asked Holmes.');
  await page.screenshot({ path: 'test-results/chapter-page.png', fullPage: false });
});

test('the keyboard drives selection, editing, undo and redo', async ({ page, request }) => {
  const { path } = await newChapter(request, 'One.\n\nTwo.\n\nThree.');
  await page.goto(path);
  await hydrated(page);
  await page.getByRole('button', { name: 'Generate plan' }).click();
  await expect(rows(page)).toHaveCount(3);
  const area = segmentText(page);
  await rows(page).nth(0).click();

  await page.keyboard.press('ArrowDown');
  await expect(area).toHaveValue('Two.');
  await page.keyboard.press('Enter');
  await expect(area).toBeFocused();
  await area.fill('Two, edited.');
  await page.keyboard.press('Control+Enter');
  await expect(area).toHaveValue('Two, edited.');
  await page.getByRole('heading', { level: 1 }).click();

  await page.keyboard.press('Control+z');
  await expect(area).toHaveValue('Two.');
  await page.keyboard.press('Control+Shift+Z');
  await expect(area).toHaveValue('Two, edited.');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await area.fill('discarded');
  await page.keyboard.press('Escape');
  await expect(area).toHaveValue('Three.');

  // Alt+P merges with the previous segment, Alt+S splits it again at the cursor, Delete deletes.
  await page.keyboard.press('Alt+p');
  await expect(rows(page)).toHaveCount(2);
  await expect(area).toHaveValue('Two, edited.\n\nThree.');
  // Inside the edited words the split has no place in the chapter: refused, with the reason.
  await area.evaluate((el: HTMLTextAreaElement) => { el.focus(); el.setSelectionRange(6, 6); });
  await page.keyboard.press('Alt+s');
  await expect(page.getByRole('alert')).toContainText('cannot be split inside its edited text');
  await expect(rows(page)).toHaveCount(2);
  await area.evaluate((el: HTMLTextAreaElement) => { el.focus(); el.setSelectionRange(14, 14); });
  await page.keyboard.press('Alt+s');
  await expect(rows(page)).toHaveCount(3);
  await expect(area).toHaveValue('Two, edited.');
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Delete');
  await expect(rows(page)).toHaveCount(2);
});

test('? shows the keyboard shortcuts; Esc closes them and the keys act again', async ({ page, request }) => {
  const { path } = await newChapter(request, 'One.\n\nTwo.');
  await page.goto(path);
  await hydrated(page);
  await page.getByRole('button', { name: 'Generate plan' }).click();
  await rows(page).nth(0).click();
  const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(overlay).toBeHidden();

  await page.keyboard.press('?');
  await expect(overlay).toBeVisible();
  await expect(overlay.getByRole('row', { name: /Alt \+ S\s+Split at the text cursor/ })).toBeVisible();
  await expect(overlay.getByRole('button', { name: 'Close' })).toBeFocused();
  // While it shows, the workspace's keys rest: Down does not move the selection.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await expect(overlay).toBeHidden();
  await expect(segmentText(page)).toHaveValue('One.');
  await page.keyboard.press('ArrowDown');
  await expect(segmentText(page)).toHaveValue('Two.');

  // The toolbar's button opens it too, and Close closes it.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(overlay).toBeVisible();
  await overlay.getByRole('button', { name: 'Close' }).click();
  await expect(overlay).toBeHidden();
});

test('a refused edit says why and changes nothing', async ({ page, request }) => {
  const { path } = await newChapter(request, 'Only paragraph here.');
  await page.goto(path);
  await hydrated(page);
  await page.getByRole('button', { name: 'Generate plan' }).click();
  await expect(rows(page)).toHaveCount(1);

  await page.getByRole('button', { name: 'Delete' }).click();

  await expect(page.getByRole('alert')).toHaveText('the last segment cannot be deleted');
  await expect(rows(page)).toHaveCount(1);
});

test('a save from an older version keeps a colleague\'s edit of other segments, never overwriting it', async ({ browser, request }) => {
  const { path } = await newChapter(request, 'Alpha beta.\n\nGamma delta.\n\nEpsilon.');
  const first = await browser.newPage();
  await first.goto(path);
  await hydrated(first);
  await first.getByRole('button', { name: 'Generate plan' }).click();
  await expect(rows(first)).toHaveCount(3);
  const second = await browser.newPage();
  await second.goto(path);
  await hydrated(second);

  await rows(first).nth(2).click();
  await first.getByRole('button', { name: 'Delete' }).click();
  await expectSaved(first);
  await rows(second).nth(0).click();
  await second.getByRole('button', { name: 'Merge with next' }).click();

  await expectSaved(second);
  await expect(rows(second)).toHaveCount(1, { timeout: 10_000 });
  await second.reload();
  await hydrated(second);
  await expect(rows(second)).toHaveCount(1);
  await rows(second).nth(0).click();
  await expect(segmentText(second)).toHaveValue('Alpha beta.\n\nGamma delta.');
});

test('a long chapter renders only the rows in view and keeps the selected row in view', async ({ page, request }) => {
  const paragraphs = Array.from({ length: 400 }, (_, i) => `Paragraph ${i + 1} of a long chapter.`);
  const { chapter, path } = await newChapter(request, paragraphs.join('\n\n'), 'Long chapter');
  await generatePlan(request, chapter);
  await page.goto(path);
  await hydrated(page);

  // Once hydrated the table drops the rows out of view; the server rendered all 400.
  await expect.poll(() => rows(page).count()).toBeLessThan(150);
  await rows(page).nth(0).click();
  for (let i = 0; i < 120; i++) await page.keyboard.press('ArrowDown');
  const row = page.locator('#seg-121');
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(row).toBeInViewport();
  await expect(segmentText(page)).toHaveValue('Paragraph 121 of a long chapter.');

  // An edit far down the table works on the rows in view.
  await page.keyboard.press('Delete');
  await expect(page.locator('#seg-121')).toHaveCount(0);
  await expect(segmentText(page)).toHaveValue('Paragraph 122 of a long chapter.');
  await expect(page.locator('#seg-122')).toBeInViewport();
  await expect(page.getByText(/^399 segments · version/)).toBeVisible();
});
