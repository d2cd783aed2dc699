// A team: an owner invites a colleague by a link to copy, the colleague signs up through it and
// works in the owner's studio; the owner makes them a viewer, who then sees the chapter without
// its edit controls and whose writes are refused.
import { test, expect } from '@playwright/test';
import { hydrated } from './support/studio';

test.use({ storageState: { cookies: [], origins: [] } });

const PASSWORD = 'correct horse battery';

test('an owner invites a colleague, who joins the studio; as a viewer their edits are refused', async ({ page, browser }) => {
  const stamp = `${Date.now()}`;
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill('Olga Owner');
  await page.getByLabel('Email').fill(`olga-${stamp}@studio.test`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create an account' }).click();
  await expect(page.getByTestId('account-bar')).toContainText('(owner)');

  await page.getByRole('link', { name: 'Team' }).click();
  await expect(page.getByRole('table', { name: 'Members' })).toContainText('Olga Owner');
  await page.getByRole('button', { name: 'Create an invitation link' }).click();
  const link = await page.getByLabel('Send them this link').inputValue();
  expect(link).toMatch(/\/sign-up\?invitation=[0-9a-f]{64}$/);

  const colleague = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const them = await colleague.newPage();
  await them.goto(link);
  await them.getByLabel('Your name').fill('Ed Editor');
  await them.getByLabel('Email').fill(`ed-${stamp}@studio.test`);
  await them.getByLabel('Password').fill(PASSWORD);
  await them.getByRole('button', { name: 'Create an account' }).click();
  await expect(them.getByTestId('account-bar')).toContainText('Ed Editor · Olga Owner’s studio (editor)');
  await expect(them.getByRole('link', { name: 'The Hound of the Baskervilles (demo)' })).toBeVisible();

  await page.reload();
  await hydrated(page);
  const row = page.getByRole('row').filter({ hasText: 'Ed Editor' });
  await expect(row).toBeVisible();
  await row.getByRole('combobox', { name: 'Role' }).selectOption('viewer');
  await expect.poll(async () => (await them.request.post('/api/current_account', { data: {} }).then((r) => r.json())).role).toBe('viewer');

  const projects = await (await them.request.post('/api/list_projects', { data: {} })).json();
  const hound = projects.find((p: any) => p.name.startsWith('The Hound'));
  await them.goto(`/projects/${hound.id}/chapters/${hound.first_chapter}`);
  await expect(them.getByRole('note')).toHaveText('As a viewer you read, listen and audition; editors change the plan.');
  await expect(them.getByRole('button', { name: 'Mark chapter complete' })).toHaveCount(0);
  await expect(them.getByRole('button', { name: /generate plan/i })).toHaveCount(0);
  await expect(them.getByRole('button', { name: 'Audition' })).toBeVisible();
  const rename = await them.request.post('/api/rename_project', { data: { project: projects[0].id, name: 'Not allowed' } });
  expect(rename.status()).toBe(403);
  expect((await rename.json()).toString()).toBe('Forbidden');
  await colleague.close();
});
