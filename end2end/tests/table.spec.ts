// The server-rendered chapter page: runs hydrated and with JavaScript disabled; the segment table,
// the chapter selector and the editor are readable either way.
import { test, expect } from '@playwright/test';
import { newChapter, generatePlan, rows } from './support/studio';

test('the segment table and chapter status are readable from the server-rendered page', async ({ page, request }) => {
  const title = `Readable ${test.info().project.name}`;
  const { chapter, path } = await newChapter(request, 'First paragraph.\n\nSecond one.\n\nThird.', title);
  const plan = await generatePlan(request, chapter);

  await page.goto(path);

  await expect(rows(page)).toHaveCount(plan.segments.length);
  await expect(page.getByRole('columnheader', { name: 'Text' })).toBeVisible();
  await expect(rows(page).nth(1)).toContainText('Second one.');
  await expect(page.getByRole('link', { name: `${title} (planned)` })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByLabel('Segment text')).toHaveValue('First paragraph.');
});

test('the home page lists both demo projects', async ({ page }) => {
  await page.goto('/');

  await expect(page.getByRole('link', { name: 'The Hound of the Baskervilles (demo)' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Niebla (demo)' })).toBeVisible();
});

test('the demo project page shows the planner: minutes, characters and cost per engine', async ({ page, request }) => {
  const projects = await (await request.post('/api/list_projects', { data: {} })).json();
  const hound = projects.find((p: { name: string }) => p.name === 'The Hound of the Baskervilles (demo)');
  await page.goto(`/projects/${hound.id}`);

  const planner = page.getByRole('region', { name: 'Planner' });
  await expect(planner.getByRole('columnheader', { name: 'Billed characters' })).toBeVisible();
  const chapter = planner.getByRole('row', { name: /Chapter 1\. Mr\. Sherlock Holmes/ });
  await expect(chapter).toContainText('espeak-ng');
  await expect(chapter).toContainText('$0.00');
  await expect(planner.getByRole('row', { name: /Whole book/ })).toContainText(/\d+ of \d+/);
});

test('a long script arrives as its first screenful from the opened segment, and whole on request', async ({ page, request }) => {
  const withScript = test.info().project.name === 'hydrated';
  const paragraphs = Array.from({ length: 200 }, (_, i) => `Paragraph ${i + 1} crosses the moor.`);
  const { chapter, path } = await newChapter(request, paragraphs.join('\n\n'), `Long ${test.info().project.name}`);
  const plan = await generatePlan(request, chapter);
  const count = plan.segments.length;
  expect(count).toBeGreaterThan(150);
  const opened = plan.segments[100];

  await page.goto(`${path}?at=${opened.start_idx}`);

  await expect(page.locator(`#seg-${opened.segment_id}`)).toContainText(opened.text);
  const cut = page.getByText(`Segments 98–127 of ${count}.`);
  if (withScript) {
    // Once the page runs, the rows come by scrolling and the note is gone.
    await page.waitForFunction(() => (window as any).__studioHydrated === true);
    await expect(cut).toHaveCount(0);
    await expect(page.locator(`#seg-${opened.segment_id}`)).toBeInViewport();
  } else {
    await expect(rows(page)).toHaveCount(30);
    await expect(rows(page).first()).toContainText(plan.segments[97].text);
    await expect(cut).toBeVisible();
    await page.getByRole('link', { name: 'Show all segments' }).click();
    await expect(rows(page)).toHaveCount(count);
    // Scrolled to where the reader was.
    await expect(page.locator(`#seg-${opened.segment_id}`)).toBeInViewport();
    await expect(rows(page).last()).toContainText(plan.segments[count - 1].text);
    await expect(cut).toHaveCount(0);
  }
});
