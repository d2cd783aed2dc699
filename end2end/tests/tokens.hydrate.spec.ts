// Personal API tokens: made on the Team page (the secret shown once), used by a script as a
// bearer token against the REST API, and revoked there.
import { test, expect, request as http } from '@playwright/test';
import { hydrated } from './support/studio';

test('a token made in the page drives the REST API until it is revoked', async ({ page, baseURL }) => {
  await page.goto('/members');
  await hydrated(page);
  const tokens = page.getByRole('region', { name: 'API tokens' });
  await tokens.getByLabel('What it is for').fill('Spec script');
  await tokens.getByRole('button', { name: 'Create a token' }).click();
  const secret = await tokens.getByLabel('Copy it now: it is shown only once.').inputValue();
  expect(secret).toMatch(/^studio_[0-9a-f]{64}$/);
  await expect(tokens.getByRole('listitem').filter({ hasText: 'Spec script' })).toContainText('never used');

  // A script with no cookie, only the token.
  const script = await http.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const headers = { Authorization: `Bearer ${secret}` };
  const projects = await script.get('/api/projects', { headers });
  expect(projects.status()).toBe(200);
  const [first] = await projects.json();
  const plan = await script.get(`/api/projects/${first.id}/chapters/${first.first_chapter}/plan`, { headers });
  expect(plan.status()).toBe(200);
  expect(plan.headers()['etag']).toMatch(/^"\d+"$/);

  await page.reload();
  await hydrated(page);
  const row = tokens.getByRole('listitem').filter({ hasText: 'Spec script' });
  await expect(row).toContainText('last used');
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(row).toHaveCount(0);
  const refused = await script.get('/api/projects', { headers });
  expect(refused.status()).toBe(401);
  expect(refused.headers()['content-type']).toBe('application/problem+json');
  await script.dispose();
});
