// Audition benchmark against a running studio (BASE, default http://127.0.0.1:3000), espeak-ng.
// 1. Over HTTP: RUNS auditions of a different 500-character segment each (cold: rendered by
//    espeak-ng and cached), the same request again (from the cache), and the clip's GET.
// 2. In Debian's Chromium: *Listen from here* through a chapter of short segments, timing the gap
//    from one clip's `ended` to the next one's `playing`.
// Prints median and p95 (p90 for gaps). Not a test: numbers go to BENCHMARKS.md.
import { base, call, get, launch, quantile, signedInContext } from './studio.mjs';

const runs = Number(process.env.RUNS ?? 30);

async function timed(action) {
  const start = performance.now();
  const result = await action();
  return [performance.now() - start, result];
}

function summary(name, values, q = 0.95) {
  const pick = (p) => quantile(values, p);
  console.log(`${name}: median ${pick(0.5).toFixed(1)} ms, p${Math.round(q * 100)} ${pick(q).toFixed(1)} ms over ${values.length}`);
}

const project = await call('create_project', { name: `Audition benchmark ${Date.now()}`, language: 'en' });
const detail = await call('load_project', { project });
const holmes = {
  id: 'holmes', name: 'Sherlock Holmes', aliases: ['Holmes'], gender: 'male', age: 'adult', description: '',
  voice: { engine: 'espeak', voice_id: 'en-gb-x-rp', style: null, style_degree: 1.0, rate: 0, pitch: 0 },
};
await call('save_cast', { project, version: detail.cast_version, cast: [detail.cast[0], holmes] });

const sentence = 'It was a fine, thick piece of wood, bulbous-headed, of the sort which is known as a Penang lawyer. ';
const cold = [], cached = [], clip = [];
for (let i = 0; i < runs; i++) {
  const text = `Take ${i + 1}. ${sentence.repeat(6)}`.slice(0, 500);
  const args = { project, text, speaker: 'holmes' };
  const [first, rendered] = await timed(() => call('audition', args));
  if (rendered.cached) throw new Error('a new text came from the cache');
  const [again, hit] = await timed(() => call('audition', args));
  if (!hit.cached) throw new Error('the same text was rendered twice');
  const [get] = await timed(async () => (await get(hit.url)).arrayBuffer());
  cold.push(first); cached.push(again); clip.push(get);
}
summary('audition, 500 characters, cold (espeak-ng renders)', cold);
summary('audition, the same again (from the cache)', cached);
summary('GET the clip (WAV)', clip);

// Listen from here through short segments: the gap between clips.
const lines = Array.from({ length: 12 }, (_, i) => `Line ${i + 1}: the fog lay thick on the moor.`);
const chapter = await call('add_chapter', { project, title: 'Listen benchmark', text: lines.join('\n\n') });
await call('generate_plan', { chapter, version: 0 });
const browser = await launch(['--autoplay-policy=no-user-gesture-required']);
const page = await (await signedInContext(browser)).newPage();
await page.goto(`${base}/projects/${project}/chapters/${chapter}`);
await page.waitForFunction(() => window.__studioHydrated === true, null, { timeout: 120_000 });
await page.evaluate(() => {
  window.__events = [];
  for (const type of ['ended', 'playing']) {
    document.addEventListener(type, () => window.__events.push([type, performance.now()]), true);
  }
});
await page.locator('table.segments tbody tr[id]').first().click();
await page.locator('body').press('l');
await page.waitForFunction((n) => window.__events.filter(([t]) => t === 'ended').length >= n,
  lines.length, { timeout: 120_000 });
const events = await page.evaluate(() => window.__events);
await browser.close();
const gaps = [];
for (let i = 0; i + 1 < events.length; i++) {
  if (events[i][0] === 'ended' && events[i + 1][0] === 'playing') gaps.push(events[i + 1][1] - events[i][1]);
}
summary('listen from here: ended -> next playing', gaps, 0.9);
