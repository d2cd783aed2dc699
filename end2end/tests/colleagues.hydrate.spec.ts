// Two people on one chapter, each in their own browser: edits of different segments both land
// and each page pulls the other's in without a reload; each sees where the other is; edits of
// the same segment come back side by side and the producer chooses.
import { test, expect, Browser, Page } from '@playwright/test';
import { newChapter, generatePlan, rows, segmentText, expectSaved, hydrated } from './support/studio';

const PASSWORD = 'correct horse battery';

/** A colleague invited by the signed-in `page` as `role`, signed up in a browser of their own. */
async function colleague(page: Page, browser: Browser, name: string, role: string) {
  const link: string = await (await page.request.post('/api/invite_member', { data: { role } })).json();
  const invitation = link.split('invitation=')[1];
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const email = `${name.toLowerCase()}-${Date.now()}@studio.test`;
  const signUp = await context.request.post('/api/sign_up', { form: { email, name, password: PASSWORD, invitation }, maxRedirects: 0 });
  expect([200, 302]).toContain(signUp.status());
  return { context, page: await context.newPage() };
}

async function editText(page: Page, row: number, text: string) {
  await rows(page).nth(row).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await segmentText(page).fill(text);
  await page.getByRole('button', { name: 'Save' }).click();
}

test('two people edit different segments at once and both edits survive a reload', async ({ page, browser, request }) => {
  const { chapter, path } = await newChapter(request, 'One came.\n\nTwo went.\n\nThree stayed.\n\nFour left.');
  await generatePlan(request, chapter);
  const ed = await colleague(page, browser, 'Edna', 'editor');
  await page.goto(path);
  await ed.page.goto(path);
  await Promise.all([hydrated(page), hydrated(ed.page)]);
  await rows(ed.page).nth(2).click();

  await expect(page.getByRole('region', { name: 'Also on this chapter' })).toContainText('Edna, on segment 3');
  await Promise.all([editText(page, 0, 'One came early.'), editText(ed.page, 3, 'Four left late.')]);
  await Promise.all([expectSaved(page), expectSaved(ed.page)]);

  // Each page pulls the other's edit in without a reload.
  await expect(rows(page).nth(3)).toHaveAttribute('id', /seg-/);
  await rows(page).nth(3).click();
  await expect(segmentText(page)).toHaveValue('Four left late.', { timeout: 10_000 });
  await rows(ed.page).nth(0).click();
  await expect(segmentText(ed.page)).toHaveValue('One came early.', { timeout: 10_000 });

  for (const p of [page, ed.page]) {
    await p.reload();
    await hydrated(p);
    await rows(p).nth(0).click();
    await expect(segmentText(p)).toHaveValue('One came early.');
    await rows(p).nth(3).click();
    await expect(segmentText(p)).toHaveValue('Four left late.');
  }
  await ed.context.close();
});

test('edits of the same segment are shown side by side and the producer chooses', async ({ page, browser, request }) => {
  const { chapter, path } = await newChapter(request, 'One came.\n\nTwo went.\n\nThree stayed.');
  await generatePlan(request, chapter);
  const ed = await colleague(page, browser, 'Eli', 'editor');
  await ed.page.goto(path);
  await page.goto(path);
  await Promise.all([hydrated(page), hydrated(ed.page)]);

  await Promise.all([editText(page, 1, 'Two went — mine.'), editText(ed.page, 1, 'Two went — theirs.')]);

  // Whoever saves second is told, with both versions side by side.
  const name = 'You and a colleague changed the same segments';
  const second = await Promise.race([page, ed.page].map((p) => p.getByRole('region', { name }).waitFor({ timeout: 20_000 }).then(() => p)));
  const [mine, theirs] = second === page ? ['Two went — mine.', 'Two went — theirs.'] : ['Two went — theirs.', 'Two went — mine.'];
  const conflicts = second.getByRole('region', { name });
  await expect(conflicts).toContainText(mine);
  await expect(conflicts).toContainText(theirs);
  await conflicts.getByRole('radio', { name: 'Keep theirs' }).check();
  await conflicts.getByRole('button', { name: 'Save my choices' }).click();
  await expect(conflicts).toHaveCount(0);
  await expectSaved(second);

  for (const p of [page, ed.page]) {
    await p.reload();
    await hydrated(p);
    await rows(p).nth(1).click();
    await expect(segmentText(p)).toHaveValue(theirs);
  }
  await ed.context.close();
});

test('a viewer raises and discusses a flag that the producer sees signed with their name', async ({ page, browser, request }) => {
  const { chapter, path } = await newChapter(request, 'The moor was dark.\n\nBaskerville Hall stood alone.');
  await generatePlan(request, chapter);
  const vi = await colleague(page, browser, 'Vera', 'viewer');
  await page.goto(path);
  await vi.page.goto(path);
  await Promise.all([hydrated(page), hydrated(vi.page)]);

  // The viewer may not edit, but may flag and comment.
  await rows(vi.page).nth(1).click();
  const theirs = vi.page.getByRole('region', { name: 'Review' });
  await theirs.getByLabel('Kind').selectOption('mispronunciation');
  await theirs.getByLabel('Note').fill('Stress BAS-ker-ville');
  await theirs.getByRole('button', { name: 'Flag for revision' }).click();
  await expect(theirs).toContainText('Raised by Vera');
  await theirs.getByRole('textbox', { name: 'Comment' }).fill('Twice in this line');
  await theirs.getByRole('button', { name: 'Add comment' }).click();
  await expect(theirs.getByRole('list', { name: 'Comments' })).toContainText('Twice in this line');

  // The producer's page pulls the flag in without a reload, signed with the viewer's name.
  await expect(page.getByText('Open flags: 1')).toBeVisible({ timeout: 10_000 });
  await rows(page).nth(1).click();
  const mine = page.getByRole('region', { name: 'Review' });
  await expect(mine).toContainText('Raised by Vera');
  await expect(mine.getByRole('list', { name: 'Comments' })).toContainText('Vera');
  await mine.getByRole('button', { name: 'Mark fixed' }).click();
  await expect(theirs).toContainText('fixed, to verify', { timeout: 10_000 });

  // The chapter's history names who did each step.
  await page.reload();
  const history = page.getByRole('region', { name: 'History' });
  await expect(history).toContainText('Demo producer marked the flag of segment 2 fixed');
  await expect(history).toContainText('Vera commented on the flag of segment 2');
  await expect(history).toContainText('Vera flagged segment 2: mispronunciation');
  await vi.context.close();
});
