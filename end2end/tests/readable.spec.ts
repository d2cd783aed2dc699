// Every page that reads shows its stored content in the server-rendered HTML: run hydrated and with
// JavaScript disabled, on the Hound demo project (its cast, pronunciations, planned chapter 1 and
// review flags are seeded by server/src/demo). Form fields must hold the stored values as HTML
// (value, checked, selected), not only as properties set by the wasm bundle.
import { test, expect, APIRequestContext } from '@playwright/test';
import { rows, speakerOf } from './support/studio';

type Project = { id: number; name: string; first_chapter: number };
type Segment = { segment_id: number; start_idx: number; text: string; voice: string | null };

async function hound(request: APIRequestContext): Promise<Project> {
  const projects: Project[] = await (await request.post('/api/list_projects', { data: {} })).json();
  const project = projects.find((p) => p.name === 'The Hound of the Baskervilles (demo)');
  expect(project, 'the Hound demo project').toBeDefined();
  return project!;
}

test('the project page shows its chapters, the planner and the links to its other pages', async ({ page, request }) => {
  const project = await hound(request);
  await page.goto(`/projects/${project.id}`);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Hound of the Baskervilles (demo)');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('The Hound of the Baskervilles (demo)');
  const chapters = page.getByRole('navigation', { name: 'Chapters' });
  for (const title of ['Chapter 1. Mr. Sherlock Holmes', 'Chapter 2. The Curse of the Baskervilles', 'Chapter 3. The Problem']) {
    await expect(chapters.getByRole('link', { name: title })).toBeVisible();
  }
  await expect(chapters.getByRole('link', { name: 'Chapter 1. Mr. Sherlock Holmes (planned)' }))
    .toHaveAttribute('href', `/projects/${project.id}/chapters/${project.first_chapter}`);

  const planner = page.getByRole('region', { name: 'Planner' });
  const first = planner.getByRole('row', { name: /Chapter 1\. Mr\. Sherlock Holmes/ });
  await expect(first.getByRole('cell').nth(0)).toHaveText('espeak-ng');
  await expect(first.getByRole('cell').nth(1)).toHaveText(/^\d+(\.\d+)?$/);
  await expect(first.getByRole('cell').nth(2)).toHaveText(/^[1-9][\d,]*$/);
  await expect(planner.getByRole('row', { name: /Chapter 2\. The Curse of the Baskervilles/ })).toContainText('not planned yet');
  await expect(planner.getByRole('row', { name: /Chapter 3\. The Problem/ })).toContainText('not planned yet');
  await expect(planner.getByRole('row', { name: /Whole book/ })).toContainText(/\d+ of \d+/);

  await expect(page.getByRole('link', { name: 'Cast (4 voices)', exact: true })).toHaveAttribute('href', `/projects/${project.id}/cast`);
  await expect(page.getByRole('link', { name: 'Pronunciations', exact: true })).toHaveAttribute('href', `/projects/${project.id}/pronunciations`);
  await expect(page.getByRole('link', { name: 'Delivery', exact: true })).toHaveAttribute('href', `/projects/${project.id}/delivery`);
});

test('the cast page shows every character as stored', async ({ page, request }) => {
  const project = await hound(request);
  await page.goto(`/projects/${project.id}/cast`);

  await expect(page.getByRole('group', { name: 'Sherlock Holmes' })).toBeVisible();
  await expect(page.getByLabel('Name (holmes)', { exact: true })).toHaveValue('Sherlock Holmes');
  await expect(page.getByLabel('Aliases (holmes)', { exact: true })).toHaveValue(/Mr\. Holmes/);
  await expect(page.getByLabel('Gender (holmes)', { exact: true })).toHaveValue('male');
  await expect(page.getByLabel('Age (holmes)', { exact: true })).toHaveValue('adult');
  await expect(page.getByLabel('Engine (holmes)', { exact: true })).toHaveValue('espeak');
  await expect(page.getByLabel('Voice (holmes)', { exact: true })).toHaveValue('en-gb-x-rp+m3');
  await expect(page.getByLabel('Rate % (holmes)', { exact: true })).toHaveValue('10');
  await expect(page.getByLabel('Pitch % (holmes)', { exact: true })).toHaveValue('5');
  await expect(page.getByLabel('Notes (holmes)', { exact: true })).toHaveValue('Quick, dry, amused; clipped consonants.');
  await expect(page.getByRole('checkbox', { name: /\(holmes\)$/ })).not.toBeChecked();

  await expect(page.getByLabel('Name (watson)', { exact: true })).toHaveValue('Dr. John Watson');
  await expect(page.getByRole('checkbox', { name: /\(watson\)$/ })).toBeChecked();
  await expect(page.getByLabel('Voice (narrator)', { exact: true })).toHaveValue('en-gb-x-rp');
  await expect(page.getByRole('button', { name: 'Save cast' })).toBeVisible();
});

test('the pronunciations page shows every entry as stored', async ({ page, request }) => {
  const project = await hound(request);
  await page.goto(`/projects/${project.id}/pronunciations`);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pronunciations');
  await expect(page.getByLabel('Written form of entry 1', { exact: true })).toHaveValue('Baskerville');
  await expect(page.getByLabel('IPA of entry 1', { exact: true })).toHaveValue('ˈbæskəvɪl');
  await expect(page.getByLabel('Respelling of entry 1', { exact: true })).toHaveValue('BASK-er-vil');
  await expect(page.getByLabel('Case-sensitive of entry 1', { exact: true })).toBeChecked();
  await expect(page.getByLabel('Status of entry 1', { exact: true })).toHaveValue('approved');
  await expect(page.getByLabel('Written form of entry 3', { exact: true })).toHaveValue('Grimpen');
  await expect(page.getByRole('button', { name: 'Save pronunciations' })).toBeVisible();
});

test('the chapter page shows the script, its speakers, its review flags and the selected segment', async ({ page, request }) => {
  const project = await hound(request);
  const plan = await (await request.post('/api/load_plan', { data: { chapter: project.first_chapter } })).json();
  const segments: Segment[] = plan.segments;
  const line = (words: string) => segments.find((s) => s.text.includes(words))!;
  const open = line('how can you possibly be so sure of that?');
  const verified = line('Grimpen, Dartmoor, Devon.');
  const watson = segments.find((s) => s.voice === 'watson' && s.segment_id !== open.segment_id);
  expect(watson, 'a line the demo gives to Watson').toBeDefined();

  // Opened on the segment with the open flag, as the concordance links do.
  await page.goto(`/projects/${project.id}/chapters/${project.first_chapter}?at=${open.start_idx}`);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chapter 1. Mr. Sherlock Holmes');
  await expect(rows(page)).toHaveCount(segments.length);
  await expect(rows(page).first()).toContainText(segments[0].text);
  await expect(speakerOf(page, watson!.segment_id)).toHaveAttribute('data-speaker', 'watson');
  // Read like a script: each line's speaker by name; only the selected line holds the menu.
  await expect(page.getByRole('button', { name: `Speaker of segment ${watson!.segment_id}: Dr. John Watson`, exact: true }))
    .toHaveText('Dr. John Watson');
  await expect(page.getByRole('combobox', { name: /^Speaker of segment/ })).toHaveCount(1);
  await expect(page.getByLabel(`Speaker of segment ${open.segment_id}`, { exact: true })).toBeVisible();

  await expect(page.getByText('Open flags: 1')).toBeVisible();
  await expect(page.getByRole('button', { name: `Needs revision: segment ${open.segment_id}`, exact: true }))
    .toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: `Needs revision: segment ${verified.segment_id}`, exact: true }))
    .toHaveAttribute('aria-pressed', 'false');
  const review = page.getByRole('region', { name: 'Review' });
  await expect(review).toContainText('wrong voice · open · Holmes or Watson? It reads as Watson');
  await expect(page.getByLabel('Segment text')).toHaveValue(open.text);
});

test('the delivery page shows the book settings as stored', async ({ page, request }) => {
  const project = await hound(request);
  const delivery = await (await request.post('/api/load_delivery', { data: { project: project.id } })).json();
  await page.goto(`/projects/${project.id}/delivery`);

  await expect(page.getByLabel('Between sentences')).toHaveValue(String(delivery.settings.pauses.sentenceMs));
  await expect(page.getByLabel('Room tone after the last line')).toHaveValue(String(delivery.settings.pauses.tailMs));
  await expect(page.getByLabel('Author', { exact: true })).toHaveValue(delivery.settings.author);
});
