// Browser benchmark: the chapter page of a SEGMENTS-segment chapter (default 500) opened RUNS times
// (default 15) in a fresh Debian Chromium context each time, against a running studio (BASE,
// default http://127.0.0.1:3000). Prints the median and 90th percentile of: the server's answer
// (navigation responseStart), first contentful paint, and the time until the wasm bundle has
// hydrated the page (window.__studioHydrated), all from the start of navigation; and the bytes
// transferred for the page and its assets. Not a test: numbers go to BENCHMARKS.md.
import { chromium } from '@playwright/test';

const base = process.env.BASE ?? 'http://127.0.0.1:3000';
const runs = Number(process.env.RUNS ?? 15);
const count = Number(process.env.SEGMENTS ?? 500);
// Each paragraph is a tagged line of dialogue: three segments (the words, the tag, the words).
const paragraphs = Array.from({ length: Math.ceil(count / 3) }, (_, i) =>
  `“Paragraph ${i + 1},” said ${i % 2 ? 'Watson' : 'Holmes'}, “tells of the moor, the hound and the old family curse.”`);

const signIn = await fetch(`${base}/api/sign_in`, {
  method: 'POST', redirect: 'manual',
  body: new URLSearchParams({
    email: process.env.DEMO_EMAIL ?? 'demo@studio.test',
    password: process.env.DEMO_PASSWORD ?? 'listen-to-the-hound',
  }),
});
const session = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.includes('='));
if (!session) throw new Error(`signing in: ${signIn.status} ${await signIn.text()}`);

async function call(name, args) {
  const response = await fetch(`${base}/api/${name}`, {
    method: 'POST', headers: { 'content-type': 'application/json', cookie: session },
    body: JSON.stringify(args),
  });
  if (!response.ok) throw new Error(`${name}: ${response.status} ${await response.text()}`);
  return response.json();
}

const projects = await call('list_projects', {});
const project = projects[0].id;
const chapter = await call('add_chapter', { project, title: `Benchmark: ${count} segments`, text: paragraphs.join('\n\n') });
const plan = await call('generate_plan', { chapter, version: 0 });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const [cookieName, ...cookieValue] = session.split('=');
const samples = { answer: [], paint: [], hydrated: [], bytes: [] };
for (let run = 0; run < runs; run++) {
  // A fresh context: nothing cached, as on a first visit.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addCookies([{ name: cookieName, value: cookieValue.join('='), url: base }]);
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

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
console.log(`${plan.segments.length} segments, ${runs} loads in fresh contexts`);
for (const [name, values] of Object.entries(samples)) {
  const unit = name === 'bytes' ? ' bytes' : ' ms';
  console.log(`${name}: median ${quantile(values, 0.5).toFixed(0)}${unit}, p90 ${quantile(values, 0.9).toFixed(0)}${unit}`);
}
