// Audition: hear the selected segment in its speaker's voice with a pronunciation applied, then
// listen through the chapter from the keyboard, flagging a segment as it plays.
import { test, expect, APIRequestContext } from '@playwright/test';
import { newProject, addChapter, generatePlan, rows, hydrated } from './support/studio';

async function sayAs(request: APIRequestContext, project: number, grapheme: string, espeak: string) {
  const response = await request.post('/api/save_pronunciations', {
    data: {
      project, version: 0,
      entries: [{ grapheme, ipa: 'ˈʃɜːlɒk', espeak, respelling: null, locale: 'en', case_sensitive: false, status: 'approved' }],
    },
  });
  expect(response.ok(), await response.text()).toBeTruthy();
}

test('a segment is auditioned with its pronunciation, then the chapter is heard from the keyboard', async ({ page, request }) => {
  const project = await newProject(request, 'Audition spec', 'en', ['Holmes']);
  await sayAs(request, project, 'Sherlock', "tS'3:lQk");
  const { chapter, path } = await addChapter(
    request, project,
    'Sherlock looked up.\n\n“Come, Watson,” said Holmes.\n\nThe fog was thick.', 'Audition');
  await generatePlan(request, chapter);
  await page.goto(path);
  await hydrated(page);

  const audition = page.getByRole('region', { name: 'Audition' });
  await rows(page).first().click();
  await page.locator('body').press('a');
  await expect(audition.locator('mark', { hasText: 'Sherlock' })).toBeVisible();
  await expect(audition.locator('mark')).toHaveAttribute('title', /pronunciation map/);
  await expect(audition).toContainText(/\d,?\.?\d s · rendered now/);

  // The clip plays to its end, from the page's memory; the same words again come from the cache.
  await expect(audition.locator('audio')).toHaveAttribute('src', /^blob:/);
  const play = audition.getByRole('button', { name: 'Audition', exact: true });
  await expect(play).toBeVisible({ timeout: 15_000 });
  await play.click();
  await expect(audition).toContainText('from the audio cache');
  await expect(play).toBeVisible({ timeout: 15_000 });

  // Listen from the first segment on: the selection follows the audio; F flags as it plays.
  await rows(page).first().click();
  await page.locator('body').press('l');
  await expect(audition.getByRole('button', { name: 'Stop listening' })).toBeVisible();
  await expect(rows(page).nth(1)).toHaveAttribute('aria-selected', 'true', { timeout: 15_000 });
  await page.locator('body').press('f');
  await expect(rows(page).nth(1).getByRole('button', { name: 'Needs revision: segment 2' })).toHaveAttribute('aria-pressed', 'true');
  await expect(rows(page).nth(2)).toHaveAttribute('aria-selected', 'true', { timeout: 15_000 });
  await expect(audition.getByRole('button', { name: 'Listen from here' })).toBeVisible({ timeout: 15_000 });
});

test('an audition that cannot be rendered says why in the page', async ({ page, request }) => {
  const project = await newProject(request, 'Audition refusal spec', 'en', ['Holmes']);
  const { chapter, path } = await addChapter(request, project, 'The fog was thick.', 'Refusal');
  await generatePlan(request, chapter);
  const detail = await (await request.post('/api/load_project', { data: { project } })).json();
  detail.cast[0].voice.voice_id = 'xx-nosuch';
  await request.post('/api/save_cast', { data: { project, version: detail.cast_version, cast: detail.cast } });
  await page.goto(path);
  await hydrated(page);
  await rows(page).first().click();
  await page.getByRole('region', { name: 'Audition' }).getByRole('button', { name: 'Audition' }).click();
  await expect(page.getByRole('region', { name: 'Audition' })).toContainText('espeak-ng has no voice “xx-nosuch”');
});

test('the cast page tries a voice as the form holds it, before saving', async ({ page, request }) => {
  const project = await newProject(request, 'Try voice spec', 'en', ['Holmes']);
  await page.goto(`/projects/${project}/cast`);
  await hydrated(page);

  await page.getByLabel('Rate % (holmes)').fill('40');
  await page.getByRole('button', { name: 'Try voice – holmes' }).click();

  const state = page.locator('.try-voice').filter({ has: page.getByRole('button', { name: 'Try voice – holmes' }) }).locator('.try-voice-state');
  await expect(state).toContainText(/\d\.\d s · rendered now/, { timeout: 15_000 });
});

test('the concordance finds an entry, opens its segment, and prices a change before it is saved', async ({ page, request }) => {
  const project = await newProject(request, 'Concordance spec', 'en');
  const { chapter } = await addChapter(
    request, project,
    'The fog was thick.\n\nSir Henry Baskerville arrived.\n\nThe moor was still.\n\nBaskerville Hall stood alone.', 'Moor');
  await generatePlan(request, chapter);
  const saved = await request.post('/api/save_pronunciations', {
    data: {
      project, version: 0,
      entries: [{ grapheme: 'Baskerville', ipa: 'ˈbæskəvɪl', espeak: "b'askEvIl", respelling: null, locale: 'en', case_sensitive: true, status: 'approved' }],
    },
  });
  expect(saved.ok()).toBeTruthy();
  await page.goto(`/projects/${project}/pronunciations`);
  await hydrated(page);

  const concordance = page.getByRole('region', { name: 'Where the entries occur' });
  const row = concordance.getByRole('row', { name: /^Baskerville/ });
  await expect(row.getByRole('cell').nth(1)).toHaveText('2');
  await expect(concordance.getByRole('note')).toHaveText('Saving the map as it is now would change no planned segment.');

  // A changed entry, not saved yet: what saving it would change.
  await page.getByLabel('espeak-ng phonemes of entry 1').fill("b'a:skEvIl");
  await concordance.getByRole('button', { name: 'Count again and estimate the changes' }).click();
  await expect(concordance.getByRole('note')).toContainText('espeak-ng: 2 planned segments (0 cached clips no longer used');

  // A place opens the chapter on the segment that holds it.
  await row.getByRole('link', { name: 'Moor' }).nth(1).click();
  await expect(rows(page).nth(3)).toHaveAttribute('aria-selected', 'true');
});
