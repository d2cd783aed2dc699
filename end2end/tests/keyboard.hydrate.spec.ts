// The whole path with the keyboard alone: import a manuscript, confirm the cast the text suggests,
// plan a chapter, assign speakers and change one from its menu, move through the rows, flag one and
// take the flag to verified, mark a row reviewed and sign the chapter off. After the first
// page.goto nothing is clicked or filled: Tab and Shift+Tab reach each control (and the spec checks
// it has the focus), Enter, Space, the arrow keys and typing work it, and the workspace's own keys
// (↑ ↓ F R) act on the rows. After each step the focus is where the next one starts from.
import { test, expect, Locator, Page } from '@playwright/test';
import { hydrated, rows, expectSaved, speakerOf } from './support/studio';

/** Presses Tab (Shift+Tab when `back`) until `target` has the focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, { back = false, max = 60 } = {}) {
  // Only a control that is there and enabled can take the focus.
  await expect(target).toBeEnabled();
  for (let presses = 0; presses < max; presses++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target, `reached with ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`).toBeFocused({ timeout: 1 });
}

const MANUSCRIPT = [
  'Chapter 1',
  '"Good morning," said Holmes.',
  '"Good morning to you," said Watson.',
  'The fog lay thick on Baker Street.',
  '"Shall we go?"',
  'Chapter 2',
  '"Where to?" said Watson.',
  '"To the moor," said Holmes.',
].join('\n\n');

test('the whole path, from import to sign-off, with the keyboard alone', async ({ page, request }) => {
  test.setTimeout(90_000);
  const project = await (await request.post('/api/create_project', { data: { name: 'A Study in Keys', language: 'en' } })).json();
  await page.goto(`/projects/${project}`);
  await hydrated(page);

  // 1. Import. Tab reaches the file input; the file itself is chosen in the operating system's
  // picker, which no key in the page can drive, so the spec hands it over with setInputFiles.
  const file = page.getByLabel(/Manuscript file/);
  await tabTo(page, file);
  await file.setInputFiles({ name: 'study.txt', mimeType: 'text/plain', buffer: Buffer.from(MANUSCRIPT) });
  const preview = page.getByRole('table', { name: 'Chapters found' });
  await expect(preview).toBeVisible();
  await expect(file).toBeFocused();
  // Space unticks a chapter and ticks it again.
  const second = preview.getByRole('checkbox', { name: 'Include Chapter 2' });
  await tabTo(page, second);
  await page.keyboard.press('Space');
  await expect(second).not.toBeChecked();
  await expect(page.getByRole('button', { name: 'Add 1 chapter', exact: true })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(second).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Add 2 chapters', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^2 chapters added, 0 replaced/)).toBeVisible();
  await expect(file).toBeFocused();
  await expect(page.getByRole('link', { name: 'Chapter 2 (text only)' })).toBeVisible();

  // 2. The cast: the speakers found in the chapters, confirmed, then saved.
  await tabTo(page, page.getByRole('link', { name: /^Cast \(/ }), { back: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Cast', exact: true })).toBeVisible();
  const find = page.getByRole('button', { name: 'Find characters in the chapters' });
  await tabTo(page, find);
  await page.keyboard.press('Enter');
  const found = page.getByRole('region', { name: 'Characters found in the text' });
  await expect(found.getByLabel('Name (Holmes)')).toHaveValue('Holmes');
  await expect(found.getByLabel('Name (Watson)')).toHaveValue('Watson');
  await expect(find).toBeFocused();
  await expect(found.getByRole('checkbox', { name: 'Add (Holmes)' })).toBeChecked();
  await expect(found.getByRole('checkbox', { name: 'Add (Watson)' })).toBeChecked();
  // A menu answers to the first letter of an option.
  const gender = found.getByLabel('Gender (Watson)');
  await tabTo(page, gender);
  await page.keyboard.press('m');
  await expect(gender).toHaveValue('male');
  await tabTo(page, found.getByRole('button', { name: 'Add the ticked characters' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('2 characters added or merged: save the cast to keep them.');
  await expect(find).toBeFocused();
  await expect(page.getByRole('group', { name: 'Watson' })).toBeVisible();
  await expect(page.getByLabel('Gender (watson)')).toHaveValue('male');
  const save = page.getByRole('button', { name: 'Save cast' });
  await tabTo(page, save);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Cast saved');
  await expect(save).toBeFocused();

  // 3. The chapter: back to the project, then its first chapter, by their links.
  await tabTo(page, page.getByRole('link', { name: '← Project', exact: true }), { back: true, max: 120 });
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('link', { name: 'Chapter 1 (text only)' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Chapter 1', exact: true })).toBeVisible();

  // The plan, then the speakers from the rules.
  await tabTo(page, page.getByRole('button', { name: 'Generate plan' }));
  await page.keyboard.press('Enter');
  await expect(rows(page)).toHaveCount(6);
  await expect(page.getByRole('button', { name: 'Regenerate plan' })).toBeFocused();
  const assign = page.getByRole('button', { name: 'Assign speakers' });
  await tabTo(page, assign);
  await page.keyboard.press('Enter');
  const speaker = (id: number) => speakerOf(page, id);
  await expect(speaker(1)).toHaveAttribute('data-speaker', 'holmes');
  await expect(speaker(3)).toHaveAttribute('data-speaker', 'watson');
  await expect(speaker(6)).toHaveAttribute('data-speaker', 'watson');
  await expect(assign).toBeFocused();

  // The untagged "Shall we go?" is Holmes's, not Watson's: Enter on the speaker's name selects
  // the row and gives the focus to its menu, the arrow keys step through the menu (it keeps the
  // focus while its row is drawn again), and the choice is pinned as by hand.
  const name = page.getByRole('button', { name: 'Speaker of segment 6: Watson', exact: true });
  await tabTo(page, name);
  await page.keyboard.press('Enter');
  const menu = page.getByLabel('Speaker of segment 6', { exact: true });
  await expect(menu).toBeFocused();
  await expect(rows(page).nth(5)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(speaker(6)).toHaveAttribute('data-speaker', 'holmes');
  await expect(menu).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(speaker(6)).toHaveAttribute('data-speaker', 'narrator');
  await expect(menu).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(speaker(6)).toHaveAttribute('data-speaker', 'holmes');
  await expect(menu).toBeFocused();
  await expect(rows(page).nth(5).getByRole('img', { name: 'chosen by hand' })).toBeVisible();

  // Out of the menu, onto a button, the arrow keys move the selected row.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Needs revision: segment 6' })).toBeFocused();
  await expect(rows(page).nth(5)).toHaveAttribute('aria-selected', 'true');
  for (const key of ['ArrowUp', 'ArrowUp', 'ArrowUp', 'ArrowUp', 'ArrowDown']) await page.keyboard.press(key);
  await expect(rows(page).nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect(rows(page).nth(5)).toHaveAttribute('aria-selected', 'false');
  // S takes the selected row's speaker menu; Tab goes on to the row's flag.
  await page.keyboard.press('s');
  await expect(page.getByLabel('Speaker of segment 3', { exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Needs revision: segment 3' })).toBeFocused();

  // F flags the selected row, which keeps the chapter from sign-off.
  await page.keyboard.press('f');
  const flag3 = page.getByRole('button', { name: 'Needs revision: segment 3' });
  await expect(flag3).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('segment 3 is flagged for revision')).toBeVisible();
  const complete = page.getByRole('button', { name: 'Mark chapter complete' });
  await expect(complete).toBeDisabled();

  // The flag's review: its kind and note, then fixed and verified; each step's answer from the
  // server leaves the focus on the next step's button.
  const review = page.getByRole('region', { name: 'Review' });
  const kind = review.getByLabel('Kind');
  await tabTo(page, kind);
  await page.keyboard.press('ArrowDown');
  await expect(kind).toHaveValue('mispronunciation');
  await page.keyboard.press('Tab');
  await expect(review.getByLabel('Note')).toBeFocused();
  await page.keyboard.type('Read "fog" slower');
  await page.keyboard.press('Enter');
  await expect(review).toContainText('mispronunciation · open · Read "fog" slower');
  await expect(review).toContainText('Raised by Demo producer');
  await expect(review.getByRole('button', { name: 'Mark fixed' })).toBeFocused();
  // A comment, and the focus back in its field for the next one.
  const comment = review.getByRole('textbox', { name: 'Comment' });
  await tabTo(page, comment, { back: true });
  await page.keyboard.type('Listen at 0:04');
  await page.keyboard.press('Enter');
  await expect(review.getByRole('list', { name: 'Comments' })).toContainText('Listen at 0:04');
  await expect(comment).toBeFocused();
  await tabTo(page, review.getByRole('button', { name: 'Mark fixed' }));
  await page.keyboard.press('Enter');
  await expect(review).toContainText('fixed, to verify');
  await expect(review.getByRole('button', { name: 'Verify' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(review).toContainText('Raised by Demo producer; verified by Demo producer');
  await expect(review.getByRole('button', { name: 'Reopen flag' })).toBeFocused();
  await expect(flag3).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByText('segment 3 is flagged for revision')).toHaveCount(0);

  // R marks the row reviewed and moves on; the focus stays in the review panel, on no field,
  // so the next key still acts on the rows.
  await page.keyboard.press('r');
  await expect(rows(page).nth(2).getByRole('img', { name: 'Reviewed' })).toBeVisible();
  await expect(rows(page).nth(3)).toHaveAttribute('aria-selected', 'true');
  await expect(review).toBeFocused();
  await page.keyboard.press('r');
  await expect(rows(page).nth(3).getByRole('img', { name: 'Reviewed' })).toBeVisible();
  await expect(page.getByText('Reviewed 33 % (2 of 6)')).toBeVisible();

  // Sign-off, once every change is stored.
  await expectSaved(page);
  await tabTo(page, complete, { back: true });
  await page.keyboard.press('Enter');
  const reopen = page.getByRole('button', { name: 'Reopen chapter' });
  await expect(reopen).toBeVisible();
  await expect(reopen).toBeFocused();
  await expect(page.getByRole('link', { name: 'Chapter 1 (complete)' })).toBeVisible();

  // 4. All of it stored.
  await page.reload();
  await hydrated(page);
  await expect(page.getByRole('button', { name: 'Reopen chapter' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Chapter 1 (complete)' })).toBeVisible();
  await expect(speaker(1)).toHaveAttribute('data-speaker', 'holmes');
  await expect(speaker(3)).toHaveAttribute('data-speaker', 'watson');
  await expect(speaker(6)).toHaveAttribute('data-speaker', 'holmes');
  await expect(rows(page).nth(5).getByRole('img', { name: 'chosen by hand' })).toBeVisible();
  await expect(rows(page).nth(2).getByRole('img', { name: 'Reviewed' })).toBeVisible();
  await expect(page.getByText('Reviewed 33 % (2 of 6)')).toBeVisible();
  // The rows still answer to the arrow keys on a signed-off chapter: down to the flagged one.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(rows(page).nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect(review).toContainText('mispronunciation · verified · Read "fog" slower');
  await expect(review.getByRole('list', { name: 'Comments' })).toContainText('Listen at 0:04');
  const chapters = await (await request.post('/api/list_chapters', { data: { project } })).json();
  expect(chapters.map((c: { title: string; status: string }) => [c.title, c.status])).toEqual([
    ['Chapter 1', 'complete'],
    ['Chapter 2', 'text_only'],
  ]);
  const cast = await (await request.post('/api/load_project', { data: { project } })).json();
  expect(cast.cast.map((c: { name: string }) => c.name)).toEqual(['Narrator', 'Holmes', 'Watson']);
});
