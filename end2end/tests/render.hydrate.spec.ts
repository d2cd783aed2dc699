// Render: a chapter becomes audio on the server (espeak-ng, ffmpeg), its progress and ACX report
// show in the page, the MP3 downloads, and after an edit a second render sends one clip only.
import { test, expect } from '@playwright/test';
import { newProject, addChapter, generatePlan, rows, hydrated, expectSaved, segmentText } from './support/studio';

test('a chapter is rendered, checked against ACX and downloaded; an edit renders one clip again', async ({ page, request }) => {
  test.setTimeout(120_000);
  const project = await newProject(request, 'Render spec', 'en', ['Holmes']);
  const { chapter, path } = await addChapter(
    request, project,
    'The fog lay thick over the street.\n\n“Come, Watson,” said Holmes.\n\n* * *\n\nThe cab rolled on.',
    'The Cab');
  await generatePlan(request, chapter);
  await page.goto(path);
  await hydrated(page);
  const audio = page.getByRole('region', { name: 'Audio' });
  await expect(audio).toContainText('Not rendered yet.');

  await page.getByRole('button', { name: 'Assign speakers' }).click();
  await expectSaved(page);
  await audio.getByRole('button', { name: 'Render chapter' }).click();

  await expect(audio.getByRole('heading', { name: 'ACX check' })).toBeVisible({ timeout: 60_000 });
  await expect(audio).toContainText('rendered by an engine, 0 from the cache');
  await expect(audio.locator('.acx-verdict')).toHaveText('Meets every ACX audio rule.');
  await expect(audio.getByRole('row', { name: /Loudness \(RMS\)/ })).toContainText('passes');
  const download = audio.getByRole('link', { name: 'Download MP3' });
  const mp3 = await request.get((await download.getAttribute('href'))!);
  expect(mp3.status()).toBe(200);
  expect(mp3.headers()['content-type']).toBe('audio/mpeg');
  expect(mp3.headers()['content-disposition']).toContain('The Cab.mp3');

  // An edit makes the render stale; rendering again sends only the edited segment.
  await rows(page).last().click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await segmentText(page).fill('The cab rolled on through the rain.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expectSaved(page);
  await page.reload();
  await hydrated(page);
  await expect(audio.getByRole('note')).toContainText('changed since');
  await audio.getByRole('button', { name: 'Render again' }).click();
  await expect(audio).toContainText('1 clip rendered by an engine', { timeout: 60_000 });
});

test('a segment without a speaker is refused by row before anything is rendered', async ({ page, request }) => {
  const project = await newProject(request, 'Render refusal spec', 'en');
  const { chapter, path } = await addChapter(request, project, 'The fog lay thick.', 'Refused');
  await generatePlan(request, chapter);
  await page.goto(path);
  await hydrated(page);
  const audio = page.getByRole('region', { name: 'Audio' });

  await audio.getByRole('button', { name: 'Render chapter' }).click();

  await expect(audio.locator('.notice')).toContainText('segment 1 cannot be rendered: it has no speaker');
  await expect(audio).toContainText('Not rendered yet.');
});
