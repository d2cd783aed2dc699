// What the browser benchmarks share: the studio under test (BASE, default http://127.0.0.1:3000),
// a session of the demo account (DEMO_EMAIL / DEMO_PASSWORD to use another), its API, Debian's
// Chromium, and quantiles.
import { chromium } from '@playwright/test';

export const base = process.env.BASE ?? 'http://127.0.0.1:3000';

const signIn = await fetch(`${base}/api/sign_in`, {
  method: 'POST', redirect: 'manual',
  body: new URLSearchParams({
    email: process.env.DEMO_EMAIL ?? 'demo@studio.test',
    password: process.env.DEMO_PASSWORD ?? 'listen-to-the-hound',
  }),
});
/** The session cookie, `name=value`. */
export const session = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.includes('='));
if (!session) throw new Error(`signing in: ${signIn.status} ${await signIn.text()}`);

/** Calls the server function `name` with `args`, signed in; its JSON answer. */
export async function call(name, args) {
  const response = await fetch(`${base}/api/${name}`, {
    method: 'POST', headers: { 'content-type': 'application/json', cookie: session },
    body: JSON.stringify(args),
  });
  if (!response.ok) throw new Error(`${name}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** GETs `path` signed in. */
export function get(path) {
  return fetch(`${base}${path}`, { headers: { cookie: session } });
}

/** Debian's Chromium, headless. */
export function launch(args = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', ...args],
  });
}

/** A fresh browser context (nothing cached) carrying the session. */
export async function signedInContext(browser) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const [name, ...value] = session.split('=');
  await context.addCookies([{ name, value: value.join('='), url: base }]);
  return context;
}

/** The `q` quantile (0.5: the median) of `values`. */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
