// Browser benchmark: first contentful paint of one page served as it is and as rewritten by each
// variant of a module (VARIANTS, default ./variants/chapter.mjs), loads interleaved, each in a fresh
// Debian Chromium context, against a running studio (BASE). A variant rewrites the page's HTML
// and/or its stylesheet, so a change is measured before it is built; every load, the unchanged one
// included, goes through Playwright's routing, which slows them alike. PAGE is the path to load,
// RUNS (default 11) the loads per variant. Not a test: numbers go to BENCHMARKS.md.
import { base, get, launch, quantile, signedInContext } from './studio.mjs';

const runs = Number(process.env.RUNS ?? 11);
const path = process.env.PAGE;
if (!path) throw new Error('PAGE=/projects/…/chapters/… is required');
const html = await (await get(path)).text();
const cssPath = html.match(/\/pkg\/studio\.[0-9a-f]+\.css/)[0];
const css = await (await fetch(base + cssPath)).text();
const variants = (await import(process.env.VARIANTS ?? './variants/chapter.mjs')).default;

const browser = await launch();
const paints = new Map(variants.map((v) => [v.name, []]));
for (let run = 0; run < runs; run++) {
  for (const variant of variants) {
    const context = await signedInContext(browser);
    const page = await context.newPage();
    const body = variant.html ? variant.html(html) : html;
    const sheet = variant.css ? variant.css(css) : css;
    await page.route(base + path, (r) => r.fulfill({ body, contentType: 'text/html; charset=utf-8' }));
    await page.route(base + cssPath, (r) => r.fulfill({ body: sheet, contentType: 'text/css' }));
    await page.goto(base + path);
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    paints.get(variant.name).push(await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0].startTime));
    await context.close();
  }
}
await browser.close();
for (const [name, values] of paints) {
  const at = (q) => quantile(values, q).toFixed(0);
  console.log(`${name.padEnd(16)} first paint median ${at(0.5)} ms, p25 ${at(0.25)}, p75 ${at(0.75)}`);
}
