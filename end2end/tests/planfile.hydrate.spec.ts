// Desktop compatibility: a chapter's plan exports in the desktop format and imports back; a file
// whose offsets do not match the chapter is refused and changes nothing.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { newProject, addChapter, generatePlan, rows, hydrated, speakerOf } from './support/studio';

test('export a plan, import it back, and refuse a file that does not match', async ({ page, request }) => {
  const project = await newProject(request, 'Plan file spec', 'en', ['Holmes']);
  const { chapter, path } = await addChapter(request, project, '“Come in,” said Holmes.\n\nThe fire was warm.', 'Plan file');
  await generatePlan(request, chapter);
  await page.goto(path);
  await hydrated(page);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export plan' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${chapter}.plan.json`);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(Object.keys(exported[0]).sort()).toEqual(
    ['delimiter', 'end_idx', 'needsRevision', 'originalText', 'segment_id', 'start_idx', 'text', 'voice']);

  // The desktop names the speaker; the studio maps the name to the cast member.
  exported[0].voice = 'Holmes';
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByLabel('Import plan file').setInputFiles({
    name: `${chapter}.plan.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)),
  });
  await expect(speakerOf(page, 1)).toHaveAttribute('data-speaker', 'holmes');
  await expect(rows(page)).toHaveCount(exported.length);
  // The import reloads the page: wait for it to be live again before the next file.
  await hydrated(page);

  exported[1].start_idx += 3;
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByLabel('Import plan file').setInputFiles({
    name: 'broken.plan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)),
  });
  await expect(page.getByRole('alert').filter({ hasText: /segment 2/ })).toBeVisible();
  await expect(speakerOf(page, 1)).toHaveAttribute('data-speaker', 'holmes');
});
