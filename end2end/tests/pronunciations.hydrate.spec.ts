// The pronunciation map: entries added in the page with their IPA checked as it is typed (and
// again by the server), the review filter, and a PLS file exported and imported back; in English
// and in Spanish.
import { test, expect, Page, APIRequestContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { newProject, hydrated } from './support/studio';

/** The body rows of the pronunciation table. */
function entries(page: Page, name = 'Pronunciations') {
  return page.getByRole('table', { name }).locator('tbody').getByRole('row');
}

async function savePronunciations(request: APIRequestContext, project: number, entries: object[]) {
  const response = await request.post('/api/save_pronunciations', { data: { project, version: 0, entries } });
  expect(response.ok(), await response.text()).toBeTruthy();
}

test.describe('in English', () => {
  test('an entry is added, bad IPA is refused with its message, and the map is saved', async ({ page, request }) => {
    const project = await newProject(request, 'Pronunciation spec', 'en');
    await page.goto(`/projects/${project}`);
    await hydrated(page);
    await page.getByRole('link', { name: 'Pronunciations' }).click();
    await expect(page.getByRole('heading', { name: 'Pronunciations' })).toBeVisible();
    await hydrated(page);

    await page.getByLabel('Written form', { exact: true }).fill('Holmes');
    await page.getByLabel('IPA', { exact: true }).fill('h3mz');
    await expect(page.getByRole('alert').filter({ hasText: '“3” at character 2 is not an IPA symbol' })).toBeVisible();
    await page.getByRole('button', { name: 'Add entry' }).click();
    await expect(entries(page)).toHaveCount(0);

    await page.getByLabel('IPA', { exact: true }).fill('ˈhəʊmz');
    await expect(page.getByRole('alert').filter({ hasText: 'IPA symbol' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Add entry' }).click();
    await expect(entries(page)).toHaveCount(1);
    await expect(page.getByLabel('Written form of entry 1')).toHaveValue('Holmes');
    await expect(page.getByLabel('Status of entry 1')).toHaveValue('needs-review');
    await page.getByRole('button', { name: 'Save pronunciations' }).click();
    await expect(page.getByRole('status')).toHaveText('Pronunciations saved');

    // The same validator runs on the server: a bad transcription saved anyway is a 422.
    await page.getByLabel('IPA of entry 1').fill('h$mz');
    await expect(page.getByRole('alert').filter({ hasText: '“$” at character 2 is not an IPA symbol' })).toBeVisible();
    const answer = page.waitForResponse((response) => response.url().endsWith('/api/save_pronunciations'));
    await page.getByRole('button', { name: 'Save pronunciations' }).click();
    expect((await answer).status()).toBe(422);
    await expect(page.getByRole('status')).toHaveText('entry 1 (“Holmes”): “$” (U+0024) at character 2 is not an IPA symbol');

    await page.reload();
    await expect(page.getByLabel('IPA of entry 1')).toHaveValue('ˈhəʊmz');
  });

  test('a PLS export imports back, and the filter shows what needs review', async ({ page, request }) => {
    const project = await newProject(request, 'PLS spec', 'en');
    await savePronunciations(request, project, [
      { grapheme: 'Baskerville', ipa: 'ˈbæskəvɪl', espeak: "b'askEvIl", respelling: 'BASK-er-vil', locale: 'en-GB', case_sensitive: true, status: 'approved' },
      { grapheme: 'Watson', ipa: 'ˈwɒtsən', espeak: null, respelling: null, locale: 'en', case_sensitive: false, status: 'needs_review' },
    ]);
    await page.goto(`/projects/${project}/pronunciations`);
    await hydrated(page);
    await expect(entries(page)).toHaveCount(2);

    await page.getByLabel('Only entries that need review').check();
    await expect(entries(page)).toHaveCount(1);
    await expect(page.getByLabel('Written form of entry 2')).toHaveValue('Watson');
    await page.getByLabel('Only entries that need review').uncheck();
    await expect(entries(page)).toHaveCount(2);

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export PLS' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`pronunciations-${project}.pls`);
    const pls = readFileSync(await download.path(), 'utf8');
    expect(pls).toContain('<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"');
    expect(pls).toContain('<grapheme>Baskerville</grapheme>');

    await page.getByRole('button', { name: 'Remove entry 1' }).click();
    await page.getByRole('button', { name: 'Save pronunciations' }).click();
    await expect(page.getByRole('status')).toHaveText('Pronunciations saved');
    await expect(entries(page)).toHaveCount(1);

    await page.getByLabel('Import PLS file').setInputFiles({
      name: 'pronunciations.pls', mimeType: 'application/pls+xml', buffer: Buffer.from(pls),
    });
    await expect(page.getByRole('status')).toHaveText('PLS file imported: the map has 2 entries');
    await expect(page.getByLabel('Written form of entry 1')).toHaveValue('Watson');
    await expect(page.getByLabel('Written form of entry 2')).toHaveValue('Baskerville');
    await expect(page.getByLabel('IPA of entry 2')).toHaveValue('ˈbæskəvɪl');
    await expect(page.getByLabel('espeak-ng phonemes of entry 2')).toHaveValue("b'askEvIl");
    await expect(page.getByLabel('Respelling of entry 2')).toHaveValue('BASK-er-vil');
    await expect(page.getByLabel('Locale of entry 2')).toHaveValue('en-GB');
    await expect(page.getByLabel('Case-sensitive of entry 2')).toBeChecked();
    await expect(page.getByLabel('Status of entry 2')).toHaveValue('approved');

    await page.getByLabel('Import PLS file').setInputFiles({
      name: 'broken.pls', mimeType: 'application/pls+xml', buffer: Buffer.from(pls.replace('ˈwɒtsən', 'W0tson')),
    });
    await expect(page.getByRole('status')).toContainText('“W” (U+0057) at character 1 is not an IPA symbol');
    await page.reload();
    await expect(entries(page)).toHaveCount(2);
    await expect(page.getByLabel('IPA of entry 1')).toHaveValue('ˈwɒtsən');
  });
});

test.describe('in Spanish', () => {
  test.use({ locale: 'es-ES' });

  test('the page speaks Spanish, including the IPA message', async ({ page, request }) => {
    const project = await newProject(request, 'Niebla pronunciaciones', 'es');
    await page.goto(`/projects/${project}/pronunciations`);
    await hydrated(page);
    await expect(page.getByRole('heading', { name: 'Pronunciaciones' })).toBeVisible();

    await page.getByLabel('Forma escrita', { exact: true }).fill('Augusto');
    await page.getByLabel('AFI', { exact: true }).fill('awˈɣus7o');
    await expect(page.getByRole('alert').filter({ hasText: '«7» en el carácter 7 no es un símbolo del AFI' })).toBeVisible();
    await page.getByRole('button', { name: 'Añadir entrada' }).click();
    await expect(entries(page, 'Pronunciaciones')).toHaveCount(0);

    await page.getByLabel('AFI', { exact: true }).fill('awˈɣusto');
    await page.getByRole('button', { name: 'Añadir entrada' }).click();
    await expect(page.getByLabel('Variante regional de la entrada 1')).toHaveValue('es');
    await page.getByLabel('Estado de la entrada 1').selectOption({ label: 'Aprobada' });
    await page.getByRole('button', { name: 'Guardar pronunciaciones' }).click();
    await expect(page.getByRole('status')).toHaveText('Pronunciaciones guardadas');
    await page.reload();
    await expect(page.getByLabel('Estado de la entrada 1')).toHaveValue('approved');
  });
});
