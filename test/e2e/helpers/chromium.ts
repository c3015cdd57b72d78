import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium package (.ci/run installs it when missing). */
export const CHROMIUM = '/usr/bin/chromium';

/** Playwright adds --headless itself (headless: true) and --user-data-dir (launchPersistentContext). */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];

export interface RunningBrowser {
  context: BrowserContext;
  page: Page;
  /** Requests to anything but this machine, refused: the Playground must work offline. */
  blocked: string[];
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile; only localhost is reachable. */
export async function launchChromium(origin: string): Promise<RunningBrowser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`no browser at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium), as .ci/run does`);
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  // The Custom activity dialog's editor is filled through the clipboard.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const blocked: string[] = [];
  await context.route(/^https?:\/\/(?!(localhost|127\.0\.0\.1)[:/])/, (route) => {
    blocked.push(route.request().url());
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    blocked,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
