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
