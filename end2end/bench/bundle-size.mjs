// Browser bundle: what a first visit to a chapter page costs over the wire, in Debian's Chromium
// against a running studio (BASE, default http://127.0.0.1:3000, e.g. started by .ci/serve), and
// what a second visit costs once the content-hashed bundle is cached. Also prints the raw, gzip and
// brotli sizes of the built files in SITE (default ../target/site, as STUDIO_SITE_ROOT).
// Not a test: numbers go to BENCHMARKS.md ("Browser bundle").
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

const base = process.env.BASE ?? 'http://127.0.0.1:3000';
const site = process.env.SITE ?? process.env.STUDIO_SITE_ROOT ?? '../target/site';
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const hashes = Object.fromEntries(fs.readFileSync(path.join(site, 'hash.txt'), 'utf8')
  .split('\n').filter(Boolean).map((line) => line.split(': ')));
console.log('file                                  raw        gzip      brotli');
for (const [kind, hash] of Object.entries(hashes)) {
  const file = path.join(site, 'pkg', `studio.${hash}.${kind}`);
  const size = (f) => fs.statSync(f).size;
  console.log(`${path.basename(file).padEnd(32)} ${kb(size(file)).padStart(10)} ${kb(size(`${file}.gz`)).padStart(10)} ${kb(size(`${file}.br`)).padStart(10)}`);
}

// Signed in as the demo account (DEMO_EMAIL / DEMO_PASSWORD to use another).
const signIn = await fetch(`${base}/api/sign_in`, {
  method: 'POST', redirect: 'manual',
  body: new URLSearchParams({
    email: process.env.DEMO_EMAIL ?? 'demo@studio.test',
    password: process.env.DEMO_PASSWORD ?? 'listen-to-the-hound',
  }),
});
const session = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.includes('='));
if (!session) throw new Error(`signing in: ${signIn.status} ${await signIn.text()}`);
const call = async (name, args) => (await fetch(`${base}/api/${name}`, {
  method: 'POST', headers: { 'content-type': 'application/json', cookie: session },
  body: JSON.stringify(args),
})).json();
const project = (await call('list_projects', {}))[0].id;
const projectPage = await (await fetch(`${base}/projects/${project}`, { headers: { cookie: session } })).text();
const chapterPath = projectPage.match(/\/projects\/\d+\/chapters\/\d+/)?.[0];
if (!chapterPath) throw new Error('no chapter link on the project page');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
const [cookieName, ...cookieValue] = session.split('=');
await context.addCookies([{ name: cookieName, value: cookieValue.join('='), url: base }]);
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Network.enable');

// One visit: every response of the page, with the bytes that crossed the wire (headers included).
async function visit(label) {
  const responses = new Map();
  const fromCache = new Set();
  const onCache = ({ requestId }) => fromCache.add(requestId);
  const onResponse = ({ requestId, response }) => responses.set(requestId, {
    url: response.url.replace(base, ''), encoding: response.headers['content-encoding'] ?? '-',
    caching: response.headers['cache-control'] ?? '-', cached: response.fromDiskCache || response.fromMemoryCache,
    bytes: 0,
  });
  const onFinished = ({ requestId, encodedDataLength }) => {
    if (responses.has(requestId)) responses.get(requestId).bytes = encodedDataLength;
  };
  cdp.on('Network.responseReceived', onResponse);
  cdp.on('Network.loadingFinished', onFinished);
  cdp.on('Network.requestServedFromCache', onCache);
  await page.goto(`${base}${chapterPath}`);
  await page.waitForFunction(() => window.__studioHydrated === true, null, { timeout: 120_000 });
  await page.waitForLoadState('networkidle');
  cdp.off('Network.responseReceived', onResponse);
  cdp.off('Network.loadingFinished', onFinished);
  cdp.off('Network.requestServedFromCache', onCache);
  let total = 0;
  console.log(`\n${label}: ${chapterPath}`);
  for (const [id, r] of responses) {
    if (fromCache.has(id)) r.cached = true;
    total += r.bytes;
    console.log(`  ${r.url.slice(0, 48).padEnd(48)} ${kb(r.bytes).padStart(9)}  ${r.encoding.padEnd(4)} ${r.cached ? 'cache' : 'network'}  ${r.caching}`);
  }
  console.log(`  total transferred: ${kb(total)} (${total} bytes)`);
  return total;
}

await visit('first visit');
await visit('second visit');
await browser.close();
