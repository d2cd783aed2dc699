// Every page checked with axe-core (WCAG 2.1 A and AA rules) in the light and the dark theme: no
// serious or critical violation, once hydrated and once as the server rendered it (the bundle is
// not loaded, so the page stays what a browser without JavaScript shows; axe itself needs scripts). The demo project is
// the page under test, as a visitor first meets it: its chapter planned with speakers, its cast and
// pronunciations filled in.
import { test, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { hydrated } from './support/studio';

async function demo(page: Page) {
  const projects = await (await page.request.post('/api/list_projects', { data: {} })).json();
  return projects.find((p: { name: string }) => p.name === 'The Hound of the Baskervilles (demo)');
}

/** The serious and critical violations on the page, each with the elements it names. */
async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

const pages: [string, (p: { id: number; first_chapter: number }) => string, string][] = [
  ['projects', () => '/', 'The Hound of the Baskervilles (demo)'],
  ['project', (p) => `/projects/${p.id}`, 'Planner'],
  ['cast', (p) => `/projects/${p.id}/cast`, 'Sherlock Holmes'],
  // The entries' words are input values (not text) and the concordance is counted in the browser.
  ['pronunciations', (p) => `/projects/${p.id}/pronunciations`, 'Written form'],
  ['chapter', (p) => `/projects/${p.id}/chapters/${p.first_chapter}`, 'Mr. Sherlock Holmes, who was usually very late'],
  ['delivery', (p) => `/projects/${p.id}/delivery`, 'ACX'],
  ['team', () => '/members', 'Demo producer'],
  ['API reference', () => '/api-reference', '/api/projects/{project}/cast'],
];

for (const scheme of ['light', 'dark'] as const) {
  for (const [name, path, shows] of pages) {
    for (const bundle of [true, false]) {
      const how = bundle ? 'hydrated' : 'server-rendered';
      test(`the ${name} page has no serious accessibility violation (${scheme}, ${how})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        if (!bundle) await page.route('**/pkg/studio*.{js,wasm}', (route) => route.abort());
        const project = await demo(page);
        await page.goto(path(project));
        if (bundle) await hydrated(page);
        await expect(page.getByText(shows).first()).toBeVisible();
        expect(await violations(page)).toEqual([]);
      });
    }
  }
}

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });
  for (const path of ['/sign-in', '/sign-up']) {
    test(`${path} has no serious accessibility violation`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });
  }
});

test('the check finds a violation when there is one', async ({ page }) => {
  await page.goto('/');
  await hydrated(page);
  await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<button id="unnamed"></button>'));
  expect((await violations(page)).join('\n')).toContain('button-name (critical)');
});
