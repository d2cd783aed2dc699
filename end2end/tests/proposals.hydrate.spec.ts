// Cast proposal: the cast page finds the speakers the cast lacks; the producer renames one,
// merges another into an existing character, and saves.
import { test, expect } from '@playwright/test';
import { newProject, addChapter, hydrated } from './support/studio';

const TEXT = [
  '“Come in,” said Holmes.',
  '“Thank you,” said Mrs. Hudson.',
  '“Sit down, Watson,” said Holmes.',
  '“Gladly,” said Watson.',
  'Watson sat down by the fire.',
].join('\n\n');

test('found characters are confirmed, renamed or merged, then saved with the cast', async ({ page, request }) => {
  const project = await newProject(request, 'Proposals spec', 'en', ['Holmes', 'John Watson']);
  await addChapter(request, project, TEXT, 'One');
  await page.goto(`/projects/${project}/cast`);
  await hydrated(page);

  await page.getByRole('button', { name: 'Find characters in the chapters' }).click();
  const found = page.getByRole('region', { name: 'Characters found in the text' });
  // Holmes is in the cast already; Watson is only an alias away from John Watson.
  await expect(found.getByLabel('Name (Mrs. Hudson)')).toHaveValue('Mrs. Hudson');
  await expect(found.getByLabel('Name (Watson)')).toHaveValue('Watson');
  await expect(found.getByLabel('Name (Holmes)')).toHaveCount(0);
  await expect(found.getByText('speech tags: 1').first()).toBeVisible();

  await found.getByLabel('Name (Mrs. Hudson)').fill('Martha Hudson');
  await found.getByLabel('Add as (Watson)').selectOption('john-watson');
  await found.getByRole('button', { name: 'Add the ticked characters' }).click();
  await expect(page.getByRole('status')).toHaveText('2 characters added or merged: save the cast to keep them.');
  await expect(page.getByRole('group', { name: 'Martha Hudson' })).toBeVisible();
  await expect(page.getByLabel('Aliases (martha-hudson)')).toHaveValue('Mrs. Hudson');
  await expect(page.getByLabel('Aliases (john-watson)')).toHaveValue('Watson');

  await page.getByRole('button', { name: 'Save cast' }).click();
  await expect(page.getByRole('status')).toHaveText('Cast saved');
  await page.reload();
  await hydrated(page);
  await expect(page.getByRole('group', { name: 'Martha Hudson' })).toBeVisible();
  await page.getByRole('button', { name: 'Find characters in the chapters' }).click();
  await expect(page.getByText('Every speaker found in the chapters is in the cast.')).toBeVisible();
});

const FIRST_PERSON = [
  'I had seen little of Holmes lately. I rang the bell, and Holmes let me in.',
  '“Wedlock suits you,” said Holmes. “I think, Watson, that you have put on seven pounds.”',
  '“Seven!” I answered.',
  '“Indeed, a trifle more, Watson.”',
  'I laughed and sat down, and I told him my news.',
].join('\n\n');

test('the character who tells the story as “I” comes proposed as its narrator, and is saved so', async ({ page, request }) => {
  const project = await newProject(request, 'Narrator spec', 'en');
  await addChapter(request, project, FIRST_PERSON, 'One');
  await page.goto(`/projects/${project}/cast`);
  await hydrated(page);

  await page.getByRole('button', { name: 'Find characters in the chapters' }).click();
  const found = page.getByRole('region', { name: 'Characters found in the text' });
  const narrates = (name: string) => found.getByRole('checkbox', { name: `Tells the story in the first person (their "I" lines are theirs) (${name})` });
  await expect(narrates('Watson')).toBeChecked();
  await expect(narrates('Holmes')).not.toBeChecked();
  await expect(found.getByRole('checkbox', { name: 'Add (Watson)' })).toBeChecked();

  await found.getByRole('button', { name: 'Add the ticked characters' }).click();
  await page.getByRole('button', { name: 'Save cast' }).click();
  await expect(page.getByRole('status')).toHaveText('Cast saved');
  const detail = await (await request.post('/api/load_project', { data: { project } })).json();
  const watson = detail.cast.find((c: { name: string }) => c.name === 'Watson');
  expect(watson.narrates).toBe(true);
  expect(detail.cast.filter((c: { narrates?: boolean }) => c.narrates)).toHaveLength(1);
  const form = (id: string) => page.getByRole('checkbox', { name: `Tells the story in the first person (their "I" lines are theirs) (${id})` });
  await expect(form('watson')).toBeChecked();
  await expect(form('holmes')).not.toBeChecked();
});
