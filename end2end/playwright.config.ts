// Playwright: starts the built studio server on a fresh SQLite file and drives Debian's Chromium
// (never a downloaded browser). Specs run hydrated; specs not named *.hydrate.spec.ts also run with
// JavaScript disabled, against the server-rendered page.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.STUDIO_E2E_PORT ?? 3100);
const server = process.env.STUDIO_SERVER_BIN ?? '../target/debug/server';
const database = process.env.STUDIO_E2E_DB ?? '/tmp/studio-e2e.db';

export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'hydrated', use: { javaScriptEnabled: true } },
    { name: 'ssr', use: { javaScriptEnabled: false }, testIgnore: /\.hydrate\.spec\.ts$/ },
  ],
  webServer: {
    command: `rm -f ${database}* && exec ${server}`,
    url: `http://127.0.0.1:${port}/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      STUDIO_ADDR: `127.0.0.1:${port}`,
      DATABASE_URL: `sqlite://${database}?mode=rwc`,
      STUDIO_SITE_ROOT: process.env.STUDIO_SITE_ROOT ?? '../target/site',
      RUST_LOG: 'warn',
    },
  },
});
