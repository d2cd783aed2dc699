// The README's screenshots, taken from a running studio with its demo projects (BASE, default
// http://127.0.0.1:3000) in Debian's Chromium: the chapter page auditioning a segment with a
// pronunciation applied, the planner, and the pronunciation concordance. Writes screenshots/*.png.
import { chromium } from '@playwright/test';

const base = process.env.BASE ?? 'http://127.0.0.1:3000';

async function call(name, args) {
  const response = await fetch(`${base}/api/${name}`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args),
  });
  if (!response.ok) throw new Error(`${name}: ${response.status} ${await response.text()}`);
  return response.json();
}

const projects = await call('list_projects', {});
const hound = projects.find((p) => p.name === 'The Hound of the Baskervilles (demo)');
const plan = await call('load_plan', { chapter: hound.first_chapter });
const line = plan.segments.find((s) => s.voice === 'holmes' && s.text.includes('Mortimer'))
  ?? plan.segments.find((s) => s.text.includes('Mortimer'));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.goto(`${base}/projects/${hound.id}/chapters/${hound.first_chapter}?at=${line.start_idx}`);
await page.waitForFunction(() => window.__studioHydrated === true, null, { timeout: 120_000 });
await page.locator('body').press('a');
await page.locator('.audition mark').first().waitFor({ timeout: 30_000 });
await page.screenshot({ path: 'screenshots/chapter-page.png' });

await page.goto(`${base}/projects/${hound.id}`);
await page.locator('table.planner-table').waitFor();
await page.locator('section.planner').screenshot({ path: 'screenshots/planner.png' });

await page.goto(`${base}/projects/${hound.id}/pronunciations`);
await page.waitForFunction(() => window.__studioHydrated === true, null, { timeout: 120_000 });
await page.locator('table.concordance-table').waitFor({ timeout: 30_000 });
await page.locator('section.concordance').screenshot({ path: 'screenshots/concordance.png' });
await browser.close();
console.log('screenshots written');
