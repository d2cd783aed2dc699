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
