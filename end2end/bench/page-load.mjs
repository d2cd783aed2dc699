// Browser benchmark: the chapter page of a SEGMENTS-segment chapter (default 500) opened RUNS times
// (default 15) in a fresh Debian Chromium context each time, against a running studio (BASE,
// default http://127.0.0.1:3000). Prints the median and 90th percentile of: the server's answer
// (navigation responseStart), first contentful paint, and the time until the wasm bundle has
// hydrated the page (window.__studioHydrated), all from the start of navigation; and the bytes
// transferred for the page and its assets. Not a test: numbers go to BENCHMARKS.md.
import { base, call, launch, quantile, signedInContext } from './studio.mjs';

const runs = Number(process.env.RUNS ?? 15);
const count = Number(process.env.SEGMENTS ?? 500);
// Each paragraph is a tagged line of dialogue: three segments (the words, the tag, the words).
const paragraphs = Array.from({ length: Math.ceil(count / 3) }, (_, i) =>
  `“Paragraph ${i + 1},” said ${i % 2 ? 'Watson' : 'Holmes'}, “tells of the moor, the hound and the old family curse.”`);

const projects = await call('list_projects', {});
const project = projects[0].id;
const chapter = await call('add_chapter', { project, title: `Benchmark: ${count} segments`, text: paragraphs.join('\n\n') });
const plan = await call('generate_plan', { chapter, version: 0 });

const browser = await launch();
const samples = { answer: [], paint: [], hydrated: [], bytes: [] };
for (let run = 0; run < runs; run++) {
  // A fresh context: nothing cached, as on a first visit.
  const context = await signedInContext(browser);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event) => { bytes += event.encodedDataLength; });
  await page.goto(`${base}/projects/${project}/chapters/${chapter}`);
  await page.waitForFunction(() => window.__studioHydrated === true, null, { timeout: 120_000 });
  const hydratedAt = await page.evaluate(() => performance.now());
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return { answer: nav.responseStart, paint: paint?.startTime ?? NaN };
  });
  samples.answer.push(timing.answer);
  samples.paint.push(timing.paint);
  samples.hydrated.push(hydratedAt);
  samples.bytes.push(bytes);
  await context.close();
}
await browser.close();

console.log(`${plan.segments.length} segments, ${runs} loads in fresh contexts`);
for (const [name, values] of Object.entries(samples)) {
  const unit = name === 'bytes' ? ' bytes' : ' ms';
  console.log(`${name}: median ${quantile(values, 0.5).toFixed(0)}${unit}, p90 ${quantile(values, 0.9).toFixed(0)}${unit}`);
}
