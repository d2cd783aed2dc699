// Playwright: starts the built studio server on a fresh SQLite file and drives Debian's Chromium
// (never a downloaded browser). Specs run hydrated; specs not named *.hydrate.spec.ts also run with
// JavaScript disabled, against the server-rendered page. A second studio, configured for the LLM
// speaker engine and pointed at a stub chat-completions server (support/llm-stub.mjs), serves only
// llm.hydrate.spec.ts (its baseURL comes from STUDIO_E2E_LLM_PORT). Every spec starts signed in
// as the demo account (support/sign-in.ts), except where it signs in or up itself.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.STUDIO_E2E_PORT ?? 3100);
const server = process.env.STUDIO_SERVER_BIN ?? '../target/debug/server';
const database = process.env.STUDIO_E2E_DB ?? '/tmp/studio-e2e.db';
const siteRoot = process.env.STUDIO_SITE_ROOT ?? '../target/site';
const llmPort = Number(process.env.STUDIO_E2E_LLM_PORT ?? 3160);
const llmStubPort = Number(process.env.STUDIO_E2E_LLM_STUB_PORT ?? 3161);
const llmDatabase = process.env.STUDIO_E2E_LLM_DB ?? `${database}.llm`;
// The demo account's session, written by support/sign-in.ts before the specs run.
const signedIn = `${database}-signed-in.json`;

export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  workers: 1,
  reporter: [['list']],
  globalSetup: './support/sign-in.ts',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    storageState: signedIn,
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
  // Each server removes only its own database files (the LLM one's name extends the first's).
  webServer: [
    {
      command: `rm -rf ${database} ${database}-* && exec ${server}`,
      url: `http://127.0.0.1:${port}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        STUDIO_ADDR: `127.0.0.1:${port}`,
        DATABASE_URL: `sqlite://${database}?mode=rwc`,
        STUDIO_AUDIO_DIR: `${database}-audio`,
        STUDIO_SITE_ROOT: siteRoot,
        RUST_LOG: 'warn',
      },
    },
    {
      command: 'exec node support/llm-stub.mjs',
      url: `http://127.0.0.1:${llmStubPort}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { STUDIO_E2E_LLM_STUB_PORT: String(llmStubPort) },
    },
    {
      command: `rm -rf ${llmDatabase} ${llmDatabase}-* && exec ${server}`,
      url: `http://127.0.0.1:${llmPort}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        STUDIO_ADDR: `127.0.0.1:${llmPort}`,
        DATABASE_URL: `sqlite://${llmDatabase}?mode=rwc`,
        STUDIO_SITE_ROOT: siteRoot,
        STUDIO_AUDIO_DIR: `${llmDatabase}-audio`,
        STUDIO_DEMO: 'false',
        STUDIO_LLM_PROVIDER: 'local',
        STUDIO_LLM_URL: `http://127.0.0.1:${llmStubPort}/v1`,
        STUDIO_LLM_MODEL: 'stub-model',
        RUST_LOG: 'warn',
      },
    },
  ],
});
