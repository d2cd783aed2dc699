// Helpers for the specs: make a chapter of one's own through the API (so specs never share data),
// and find the parts of the page by role and label.
import { APIRequestContext, Page, expect } from '@playwright/test';

async function call(request: APIRequestContext, name: string, args: object) {
  const response = await request.post(`/api/${name}`, { data: args });
  expect(response.ok(), `${name}: ${await response.text()}`).toBeTruthy();
  return response.json();
}

/** Adds a chapter with `text` to the first demo project and returns its page path. */
export async function newChapter(request: APIRequestContext, text: string, title = 'Spec chapter') {
  const projects = await call(request, 'list_projects', {});
  const project = projects[0].id;
  const chapter = await call(request, 'add_chapter', { project, title, text });
  return { project, chapter, path: `/projects/${project}/chapters/${chapter}` };
}

/** Generates the plan of a chapter through the API. */
export async function generatePlan(request: APIRequestContext, chapter: number) {
  return call(request, 'generate_plan', { chapter, version: 0 });
}

/** The segment table's body rows. */
export function rows(page: Page) {
  return page.getByRole('table', { name: 'Segments' }).getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
}

/** The row of segment `id`: its `data-speaker` holds the speaker's id ('' when it has none). */
export function speakerOf(page: Page, id: number) {
  return page.locator(`#seg-${id}`);
}

/** Chooses segment `id`'s speaker as a producer does: presses the name (unless the row is selected
 * already), which selects the row and opens its speaker menu, then picks `speaker` ('' for none). */
export async function chooseSpeaker(page: Page, id: number, speaker: string) {
  const name = page.locator(`#seg-${id}-name`);
  const menu = page.locator(`#seg-${id}-speaker`);
  if (await name.count()) {
    await name.click();
    await expect(menu).toBeFocused();
  }
  await menu.selectOption(speaker);
}

/** The segment text area. */
export function segmentText(page: Page) {
  return page.getByLabel('Segment text');
}

/** Waits until the page says every change is stored. */
export async function expectSaved(page: Page) {
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('All changes saved', { timeout: 15_000 });
}

/** Waits until the wasm bundle has hydrated the page. */
export async function hydrated(page: Page) {
  await page.waitForFunction(() => (window as any).__studioHydrated === true);
}

/** Creates a project through the API, with `characters` (names) added to its cast. */
export async function newProject(request: APIRequestContext, name: string, language: string, characters: string[] = []) {
  const project = await call(request, 'create_project', { name, language });
  const detail = await call(request, 'load_project', { project });
  const cast = [
    ...detail.cast,
    ...characters.map((character) => ({
      id: character.toLowerCase().replace(/[^a-z0-9]+/g, '-'), name: character, aliases: [], gender: 'male', age: 'adult', description: '',
      voice: { engine: 'espeak', voice_id: `${language}+m${characters.indexOf(character) + 1}`, style: null, style_degree: 1, rate: 0, pitch: 0 },
    })),
  ];
  await call(request, 'save_cast', { project, version: detail.cast_version, cast });
  return project as number;
}

/** Adds a chapter with `text` to `project` and returns its page path. */
export async function addChapter(request: APIRequestContext, project: number, text: string, title = 'Spec chapter') {
  const [chapter] = await call(request, 'add_chapters', { project, chapters: [{ title, text }] });
  return { chapter: chapter as number, path: `/projects/${project}/chapters/${chapter}` };
}

/** Saves a plan's segments through the API (as a colleague's save would), from `version`. */
export async function savePlan(request: APIRequestContext, chapter: number, version: number, segments: object[]) {
  return call(request, 'save_plan', { chapter, version, segments }) as Promise<number>;
}

/** Signs `request` and `page` up and in as a new account (owner of a new organisation) on the
 * studio at their baseURL; returns the account's email. */
export async function signUpFresh(page: Page, request: APIRequestContext, password = 'correct horse battery') {
  const email = `spec-${Date.now()}-${Math.floor(Math.random() * 1e6)}@studio.test`;
  const signUp = await request.post('/api/sign_up', { form: { email, name: 'Spec producer', password }, maxRedirects: 0 });
  expect([200, 302], await signUp.text()).toContain(signUp.status());
  const signIn = await page.request.post('/api/sign_in', { form: { email, password }, maxRedirects: 0 });
  expect([200, 302], await signIn.text()).toContain(signIn.status());
  return email;
}
