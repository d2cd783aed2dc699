// Accounts, with and without JavaScript: an anonymous visitor is sent to the sign-in page, which
// offers the demo account; signing up makes a studio of one's own (with the demo books) that no
// one else sees; signing out ends the session for good; a request from another site is refused.
import { test, expect } from '@playwright/test';
import { DEMO } from '../support/sign-in';

test.use({ storageState: { cookies: [], origins: [] } });

const PASSWORD = 'correct horse battery';

test('an anonymous visitor signs in with the demo account and lands where they were going', async ({ page }) => {
  await page.goto('/projects/1');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fprojects%2F1$/);
  await expect(page.getByTestId('demo-hint')).toContainText(DEMO.email);
  await page.getByLabel('Email').fill(DEMO.email);
  await page.getByLabel('Password').fill(DEMO.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/projects\/1$/);
  await expect(page.getByTestId('account-bar')).toContainText('Demo producer · Demo studio (owner)');
});

test('a new account gets its own studio, and signing out ends the session', async ({ page, browser }) => {
  const email = `new-${Date.now()}-${test.info().project.name}@studio.test`;
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill('Ada Producer');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create an account' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('account-bar')).toContainText('Ada Producer · Ada Producer’s studio (owner)');
  await expect(page.getByRole('link', { name: 'The Hound of the Baskervilles (demo)' })).toBeVisible();
  const session = (await page.context().cookies()).find((c) => c.name === 'studio_session');
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe('Lax');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  // The old cookie, replayed by someone who kept it, opens nothing.
  const replay = await browser.newContext({ storageState: { cookies: [session!], origins: [] } });
  const answer = await replay.request.post('/api/list_projects', { data: {} });
  expect(answer.status()).toBe(401);
  await replay.close();
});

test('a state-changing request from another site is refused and changes nothing', async ({ playwright, baseURL }) => {
  const context = await playwright.request.newContext({ baseURL });
  const signIn = await context.post('/api/sign_in', { form: DEMO, maxRedirects: 0 });
  expect([200, 302]).toContain(signIn.status());
  const before = await (await context.post('/api/list_projects', { data: {} })).json();

  const forged = await context.post('/api/create_project', {
    data: { name: 'Forged', language: 'en' },
    headers: { Origin: 'https://evil.example' },
  });
  expect(forged.status()).toBe(403);

  const after = await (await context.post('/api/list_projects', { data: {} })).json();
  expect(after).toEqual(before);
  await context.dispose();
});
