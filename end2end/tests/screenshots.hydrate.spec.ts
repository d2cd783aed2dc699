// The README's screenshots, taken on every test run from the demo as a visitor first meets it: the
// chapter page read as a script (light and dark, on the segment the demo's open flag is about), a
// segment auditioned with a pronunciation applied, the cast, the planner and the pronunciation
// concordance. Written to end2end/screenshots/; each shot first checks that what it shows is there.
import { test, expect, Page } from '@playwright/test';
import { hydrated } from './support/studio';

const shots = 'screenshots';

test.use({ viewport: { width: 1440, height: 900 } });

type Segment = { start_idx: number; text: string; voice: string | null };

async function demo(page: Page) {
  const projects = await (await page.request.post('/api/list_projects', { data: {} })).json();
  const hound = projects.find((p: { name: string }) => p.name === 'The Hound of the Baskervilles (demo)');
  const plan = await (await page.request.post('/api/load_plan', { data: { chapter: hound.first_chapter } })).json();
  return { hound, segments: plan.segments as Segment[] };
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the chapter read as a script (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const { hound, segments } = await demo(page);
    const flagged = segments.find((s) => s.text.includes('how can you possibly be so sure of that?'))!;
    await page.goto(`/projects/${hound.id}/chapters/${hound.first_chapter}?at=${flagged.start_idx}`);
    await hydrated(page);
    await expect(page.getByRole('row', { selected: true })).toContainText('how can you possibly be so sure');
    await expect(page.getByRole('region', { name: 'Review' })).toContainText('open');
    await page.screenshot({ path: `${shots}/chapter-${scheme}.png` });
  });
}

test('a segment auditioned with the pronunciation of “Mortimer” applied', async ({ page }) => {
  const { hound, segments } = await demo(page);
  const line = segments.find((s) => s.voice === 'holmes' && s.text.includes('Mortimer'))
    ?? segments.find((s) => s.text.includes('Mortimer'))!;
  await page.goto(`/projects/${hound.id}/chapters/${hound.first_chapter}?at=${line.start_idx}`);
  await hydrated(page);
  await page.locator('body').press('a');
  await expect(page.locator('.audition mark').first()).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: `${shots}/chapter-page.png` });
});

test('the cast, the planner and the concordance', async ({ page }) => {
  const { hound } = await demo(page);
  await page.goto(`/projects/${hound.id}/cast`);
  await hydrated(page);
  await expect(page.getByLabel('Name (holmes)')).toHaveValue('Sherlock Holmes');
  await page.screenshot({ path: `${shots}/cast.png` });

  await page.goto(`/projects/${hound.id}`);
  const planner = page.getByRole('region', { name: 'Planner' });
  await expect(planner.getByRole('row', { name: /Whole book/ })).toBeVisible();
  await planner.screenshot({ path: `${shots}/planner.png` });

  await page.goto(`/projects/${hound.id}/pronunciations`);
  await hydrated(page);
  const concordance = page.locator('section.concordance');
  await expect(concordance.getByRole('table')).toBeVisible({ timeout: 30_000 });
  await concordance.screenshot({ path: `${shots}/concordance.png` });
});
