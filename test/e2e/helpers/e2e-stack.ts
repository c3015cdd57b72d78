import { randomBytes } from 'node:crypto';
import path from 'node:path';
import mongoose from 'mongoose';
import { startStack, type RunningStack } from '../../../tools/playground-stack';
import { launchChromium, type RunningBrowser } from './chromium';
import { PlaygroundPage } from './playground-page';
import { SHOTS_DIR } from './screenshots';

export interface E2eStack {
  stack: RunningStack;
  browser: RunningBrowser;
  playground: PlaygroundPage;
  stop(): Promise<void>;
}

/**
 * The bot with the demo data in a database of its own (on the server MONGODB_URI names, which
 * `npm run test:e2e` gets from tools/with-db.ts), the Agents Playground, and headless Chromium
 * on the Playground's page. stop() leaves no process, port or database behind.
 */
export async function startE2eStack(name: string): Promise<E2eStack> {
  const mongodbUri = process.env.MONGODB_URI;
  if (!mongodbUri) throw new Error('MONGODB_URI is not set: run the browser test with `npm run test:e2e`');
  const dbName = `e2e_${name}_${randomBytes(4).toString('hex')}`;
  let stack: RunningStack | undefined;
  let browser: RunningBrowser | undefined;
  try {
    stack = await startStack({
      mongodbUri,
      dbName,
      botPort: 0,
      playgroundPort: 0,
      logDir: path.join(SHOTS_DIR, 'logs', name),
      // A developer's .env must not reach the bot under test.
      botEnv: { DOTENV_CONFIG_PATH: path.join(SHOTS_DIR, 'no.env'), LOG_LEVEL: 'info' },
      say: () => undefined,
    });
    browser = await launchChromium(new URL(stack.playgroundUrl).origin);
    const playground = new PlaygroundPage(browser.page, stack.playgroundUrl);
    await playground.open();
    const [opened, started] = [browser, stack];
    return { stack: started, browser: opened, playground, stop: () => stopAll(opened, started, mongodbUri, dbName) };
  } catch (error) {
    await stopAll(browser, stack, mongodbUri, dbName);
    throw error;
  }
}

async function stopAll(browser: RunningBrowser | undefined, stack: RunningStack | undefined, uri: string, dbName: string): Promise<void> {
  await browser?.close();
  await stack?.stop();
  const connection = await mongoose.createConnection(uri, { dbName, serverSelectionTimeoutMS: 5_000 }).asPromise();
  try {
    await connection.dropDatabase();
  } finally {
    await connection.close();
  }
}
