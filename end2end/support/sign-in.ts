// Global setup: signs in to the studio under test with its demo account and keeps the session
// cookie for every spec (playwright.config.ts `storageState`). accounts.hydrate.spec.ts starts
// signed out and makes its own accounts.
import { request, FullConfig } from '@playwright/test';

export const DEMO = { email: 'demo@studio.test', password: 'listen-to-the-hound' };

export default async function signIn(config: FullConfig) {
  const { baseURL, storageState } = config.projects[0].use;
  const context = await request.newContext({ baseURL });
  const response = await context.post('/api/sign_in', { form: DEMO, maxRedirects: 0 });
  // A form post (Accept: text/html) is redirected; a script's post is answered 200. Either way the
  // answer sets the session cookie.
  if (![200, 302].includes(response.status())) {
    throw new Error(`signing in to ${baseURL} as the demo account: ${response.status()} ${await response.text()}`);
  }
  await context.storageState({ path: storageState as string });
  await context.dispose();
}
