// Speakers by the language model: against a second studio configured for the LLM engine and a
// stub chat-completions server (support/llm-stub.mjs), "Assign speakers" runs a job on the server
// whose progress streams into a progress bar; its result is one undoable edit that leaves a
// hand-picked speaker alone and autosaves; a running job can be cancelled.
import { test, expect, Page } from '@playwright/test';
import { newProject, addChapter, generatePlan, expectSaved, hydrated, signUpFresh, chooseSpeaker, speakerOf } from './support/studio';

test.use({ baseURL: `http://127.0.0.1:${process.env.STUDIO_E2E_LLM_PORT ?? 3160}` });

// This studio has no demo account: each test works in an organisation of its own.
test.beforeEach(async ({ page, request }) => {
  await signUpFresh(page, request);
});

/** Paragraphs of about 2,000 characters, each opening with a line of Holmes or Watson: long
 * enough for the engine to send the chapter in several chunks. */
function longChapter(paragraphs: number, extra = '') {
  return Array.from({ length: paragraphs }, (_, i) => {
    let paragraph = `“Line ${i},” said ${i % 2 === 0 ? 'Holmes' : 'Watson'}.${extra}`;
    while (paragraph.length < 2000) paragraph += ' The fog pressed against the windows.';
    return paragraph;
  }).join('\n\n');
}

/** The id of the segment whose text starts with `start`. */
function segmentStarting(plan: any, start: string): number {
  const segment = plan.segments.find((s: any) => s.text.startsWith(start));
  expect(segment, `a segment starting with ${start}`).toBeTruthy();
  return segment.segment_id;
}

/** Records every state of the progress bar, so that a state shown briefly is not missed. */
async function recordProgress(page: Page) {
  await page.evaluate(() => {
    const seen: Array<{ value: number; max: number; text: string }> = [];
    (window as any).__progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('progress');
      if (bar) seen.push({ value: bar.value, max: bar.max, text: bar.parentElement?.textContent ?? '' });
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

test('the model assigns speakers with visible progress, undo takes it back, a hand pick stays', async ({ page, request }) => {
  const project = await newProject(request, 'LLM spec', 'en', ['Holmes', 'Watson']);
  const { chapter, path } = await addChapter(request, project, longChapter(24), 'Fog');
  const plan = await generatePlan(request, chapter);
  const holmesLine = segmentStarting(plan, '“Line 0,”');
  const watsonLine = segmentStarting(plan, '“Line 1,”');
  const handPicked = segmentStarting(plan, '“Line 3,”');
  const speaker = (id: number) => speakerOf(page, id);
  await page.goto(path);
  await hydrated(page);
  const assign = page.getByRole('button', { name: 'Assign speakers' });
  await expect(assign).toHaveAttribute('title', 'Speakers by the language model (stub-model)');
  await chooseSpeaker(page, handPicked, 'holmes');
  await recordProgress(page);

  await assign.click();
  const bar = page.getByRole('progressbar', { name: 'Speaker assignment progress' });
  await expect(bar).toBeVisible();
  await expect(page.getByText(/^chunk \d+ of \d+ · waiting for the model$/)).toBeVisible();
  await expect(assign).toBeDisabled();
  await expect(bar).toBeHidden({ timeout: 30_000 });

  await expect(speaker(holmesLine)).toHaveAttribute('data-speaker', 'holmes');
  await expect(speaker(watsonLine)).toHaveAttribute('data-speaker', 'watson');
  await expect(speaker(handPicked)).toHaveAttribute('data-speaker', 'holmes');
  await expect(speaker(watsonLine)).toContainText('70%');
  const seen: Array<{ value: number; max: number; text: string }> =
    await page.evaluate(() => (window as any).__progressSeen);
  const total = Math.max(...seen.map((s) => s.max));
  expect(total, 'several chunks').toBeGreaterThan(1);
  expect(seen.some((s) => s.value === total && s.text.includes(`chunk ${total} of ${total}`)),
    JSON.stringify(seen)).toBeTruthy();

  // One undo takes the whole run back, and leaves the hand pick.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(speaker(holmesLine)).toHaveAttribute('data-speaker', '');
  await expect(speaker(watsonLine)).toHaveAttribute('data-speaker', '');
  await expect(speaker(handPicked)).toHaveAttribute('data-speaker', 'holmes');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(speaker(watsonLine)).toHaveAttribute('data-speaker', 'watson');

  await expectSaved(page);
  await page.reload();
  await hydrated(page);
  await expect(speaker(holmesLine)).toHaveAttribute('data-speaker', 'holmes');
  await expect(speaker(watsonLine)).toHaveAttribute('data-speaker', 'watson');
  await expect(speaker(handPicked)).toHaveAttribute('data-speaker', 'holmes');
});

test('a running assignment can be cancelled and changes nothing', async ({ page, request }) => {
  const project = await newProject(request, 'LLM cancel spec', 'en', ['Holmes', 'Watson']);
  // The stub never answers a chunk holding this marker.
  const { chapter, path } = await addChapter(request, project, longChapter(2, ' HOLD-THE-ANSWER'), 'Held');
  const plan = await generatePlan(request, chapter);
  const holmesLine = segmentStarting(plan, '“Line 0,”');
  await page.goto(path);
  await hydrated(page);
  const assign = page.getByRole('button', { name: 'Assign speakers' });

  await assign.click();
  await expect(page.getByText('chunk 1 of 1 · waiting for the model')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel assignment' }).click();

  await expect(page.getByRole('alert')).toHaveText('Speaker assignment cancelled; nothing was changed');
  await expect(page.getByRole('progressbar', { name: 'Speaker assignment progress' })).toBeHidden();
  await expect(speakerOf(page, holmesLine)).toHaveAttribute('data-speaker', '');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  // The chapter is free again: a new run starts (and is cancelled in turn).
  await assign.click();
  await expect(page.getByText('chunk 1 of 1 · waiting for the model')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel assignment' }).click();
  await expect(page.getByRole('alert')).toHaveText('Speaker assignment cancelled; nothing was changed');
});
