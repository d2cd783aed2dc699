// Browser benchmark: keypress (Alt+S) to updated segment table for a split on a 2,000-segment
// chapter, in Debian's Chromium against a running studio (BASE, default http://127.0.0.1:3000).
// Prints the median and the 90th percentile over RUNS splits. Not a test: numbers go to BENCHMARKS.md.
import { base, call, launch, quantile, signedInContext } from './studio.mjs';

const runs = Number(process.env.RUNS ?? 30);
const paragraphs = Array.from({ length: 2000 }, (_, i) =>
  `Paragraph ${i + 1} tells of the moor, the hound and the old family curse once more.`);

const projects = await call('list_projects', {});
const project = projects[0].id;
const chapter = await call('add_chapter', { project, title: 'Benchmark: 2,000 segments', text: paragraphs.join('\n\n') });
const plan = await call('generate_plan', { chapter, version: 0 });

const browser = await launch();
const context = await signedInContext(browser);
const page = await context.newPage();
page.on('pageerror', (e) => console.error('page error:', e.message.slice(0, 300)));
page.on('crash', () => console.error('page crashed'));
const loadStart = Date.now();
await page.goto(`${base}/projects/${project}/chapters/${chapter}`);
await page.waitForFunction(() => window.__studioHydrated === true, null, { timeout: 120_000 });
const loadMs = Date.now() - loadStart;
// EXTRA_CSS='…' adds a style sheet after hydration: measures a layout change without a rebuild.
if (process.env.EXTRA_CSS) await page.addStyleTag({ content: process.env.EXTRA_CSS });

// PROFILE=out.json records a CPU profile of each timed split only (not of the scrolling between
// them): a JSON array of DevTools profiles. A site built without wasm-opt keeps wasm function names.
const profile = process.env.PROFILE;
const cdp = profile ? await page.context().newCDPSession(page) : null;
if (cdp) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
}
const profiles = [];

const timings = [];
for (let i = 0; i < runs; i++) {
  // The table renders only the rows in view: scroll 40 rows further each time, then pick a row.
  await page.evaluate((n) => {
    const pane = document.querySelector('.table-pane');
    const row = pane.querySelector('tbody tr[id]');
    pane.scrollTop = n * 40 * row.offsetHeight;
  }, i);
  await page.waitForTimeout(50);
  await page.locator('table.segments tbody tr[id]').nth(25).click();
  if (cdp) {
    await page.waitForTimeout(50);
    await cdp.send('Profiler.start');
  }
  timings.push(await page.evaluate(() => new Promise((resolve) => {
    const tbody = document.querySelector('table.segments tbody');
    const area = document.getElementById('segment-text');
    area.focus();
    area.setSelectionRange(20, 20);
    const observer = new MutationObserver(() => {
      observer.disconnect();
      void tbody.offsetHeight; // include style and layout of the updated table
      resolve(performance.now() - start);
    });
    observer.observe(tbody, { childList: true });
    const start = performance.now();
    area.dispatchEvent(new KeyboardEvent('keydown', { key: 's', altKey: true, bubbles: true }));
  })));
  if (cdp) profiles.push((await cdp.send('Profiler.stop')).profile);
}
if (cdp) (await import('node:fs')).writeFileSync(profile, JSON.stringify(profiles));
await browser.close();

const pick = (q) => quantile(timings, q);
console.log(`segments: ${plan.segments.length}, page load to hydrated: ${loadMs} ms`);
console.log(`split keypress -> table updated: median ${pick(0.5).toFixed(2)} ms, p90 ${pick(0.9).toFixed(2)} ms over ${runs} splits`);
