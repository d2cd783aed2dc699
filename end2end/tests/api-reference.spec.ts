// The API reference page, rendered from the server's OpenAPI document: readable with JavaScript
// off, and enough on its own to drive a chapter from generation to sign-off — the test runs the
// page's own curl examples (token, If-Match, body) against the server.
import { test, expect, request as http, type Page } from '@playwright/test';
import { hydrated } from './support/studio';

/** The curl example of the operation `id`, as the page shows it. */
async function example(page: Page, id: string): Promise<string> {
  return (await page.locator(`article#${id} pre`).innerText()).replace(/\\\n\s*/g, ' ');
}

/** Runs a curl line of the page with `vars` substituted; its status, ETag and JSON body. */
async function run(line: string, vars: Record<string, string>, baseURL: string) {
  let text = line;
  for (const [name, value] of Object.entries(vars)) text = text.replaceAll(name, value);
  const method = /-X (\w+)/.exec(text)?.[1] ?? 'GET';
  const headers: Record<string, string> = {};
  for (const match of text.matchAll(/-H (?:"([^"]*)"|'([^']*)')/g)) {
    const [name, ...value] = (match[1] ?? match[2]).split(':');
    headers[name.trim()] = value.join(':').trim();
  }
  const body = /-d '(.*)'\s+"http/s.exec(text)?.[1];
  const url = /"(http[^"]+)"\s*$/.exec(text)?.[1] ?? '';
  expect(url.startsWith(baseURL)).toBeTruthy();
  const script = await http.newContext({ storageState: { cookies: [], origins: [] } });
  const answer = await script.fetch(url, { method, headers, data: body });
  const result = { status: answer.status(), etag: answer.headers()['etag'], json: await answer.json().catch(() => null) };
  await script.dispose();
  return result;
}

test('the reference lists every route with its parameters, answers and an example', async ({ page }) => {
  await page.goto('/api-reference');

  await expect(page.getByRole('heading', { level: 1, name: 'API reference' })).toBeVisible();
  const split = page.locator('article#split');
  await expect(split.getByRole('heading', { level: 3 })).toContainText('/api/projects/{project}/chapters/{chapter}/plan/segments/{segment}/split');
  await expect(split).toContainText('Splits a segment in two.');
  await expect(split.getByRole('row', { name: /If-Match/ })).toContainText('required');
  await expect(split.locator('pre')).toContainText(`-d '{"position":12}'`);
  await split.getByRole('link', { name: 'Edited' }).first().click();
  await expect(page.locator('#schema-Edited').getByRole('row', { name: /segments/ })).toBeVisible();
  const document = await page.request.get('/api/openapi.json');
  expect((await document.json()).openapi).toBe('3.1.0');
});

test('a script drives a chapter from generation to sign-off with the examples of the page alone', async ({ page, baseURL }) => {
  // A token, made on the Team page.
  await page.goto('/members');
  if (test.info().project.name !== 'ssr') await hydrated(page);
  const tokens = page.getByRole('region', { name: 'API tokens' });
  if (test.info().project.name === 'ssr') {
    // The token form needs the page's script; the rest of the page reads without it.
    await expect(tokens.getByRole('link', { name: 'API reference' })).toBeVisible();
    return;
  }
  await tokens.getByLabel('What it is for').fill('Reference walkthrough');
  await tokens.getByRole('button', { name: 'Create a token' }).click();
  const token = await tokens.getByLabel('Copy it now: it is shown only once.').inputValue();
  await tokens.getByRole('link', { name: 'API reference' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API reference' })).toBeVisible();

  const vars: Record<string, string> = { $TOKEN: token, $STUDIO: baseURL ?? '' };
  // A project and a chapter of its own, made through the API too.
  const book = await run(
    (await example(page, 'create_project')).replace(/-d '.*'/, `-d '{"name":"Reference walkthrough","language":"en"}'`),
    vars, vars.$STUDIO);
  expect(book.status).toBe(201);
  vars['{project}'] = String(book.json.id);
  const text = '“Where to?” asked Watson, who had been waiting by the door for a quarter of an hour.\n\nThe cab rattled off into the fog, and neither of them said another word until Baker Street.';
  const added = await run(
    (await example(page, 'add_chapters')).replace(/-d '.*'/, `-d '${JSON.stringify({ chapters: [{ title: 'The cab', text }] })}'`),
    vars, vars.$STUDIO);
  expect(added.status).toBe(201);
  vars['{chapter}'] = String(added.json.chapters[0]);
  const projects = await run(await example(page, 'projects'), vars, vars.$STUDIO);
  expect(projects.json.map((p: { id: number }) => p.id)).toContain(book.json.id);

  const plan = await run(await example(page, 'plan'), vars, vars.$STUDIO);
  expect(plan.status).toBe(200);
  const generated = await run((await example(page, 'generate')).replace('"7"', plan.etag), vars, vars.$STUDIO);
  expect(generated.status).toBe(200);
  const first = generated.json.segments.find((s: { text: string }) => [...s.text].length > 24);
  vars['{segment}'] = String(first.segment_id);
  const split = await run((await example(page, 'split')).replace('"7"', generated.etag), vars, vars.$STUDIO);
  expect(split.status).toBe(200);
  expect(split.json.segments).toHaveLength(2);

  // Every segment read by the narrator, chosen by hand, then the whole plan saved back.
  const current = await run(await example(page, 'plan'), vars, vars.$STUDIO);
  const segments = current.json.segments.map((s: object) => ({ ...s, voice: 'narrator', speakerLocked: true }));
  const put = (await example(page, 'put_plan'))
    .replace('"7"', current.etag)
    .replace(`-d '{"segments":[]}'`, `-d '${JSON.stringify({ segments })}'`);
  const saved = await run(put, vars, vars.$STUDIO);
  expect(saved.status, JSON.stringify(saved.json)).toBe(200);

  const done = await run(await example(page, 'complete'), vars, vars.$STUDIO);
  expect(done.status).toBe(200);
  expect(done.json).toEqual({ complete: true });
  const after = await run(await example(page, 'chapter_status'), vars, vars.$STUDIO);
  expect(after.json.find((c: { id: number }) => String(c.id) === vars['{chapter}']).status).toBe('complete');
});
