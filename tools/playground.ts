/**
 * `npm run playground`: the database (bot/db/embedded.ts chooser: MONGODB_URI, else embedded),
 * the demo data, the bot and the Microsoft 365 Agents Playground, then the URL to open.
 * Ctrl-C (or SIGTERM) stops the Playground, the bot and the database. Needs no network.
 *   PORT (bot, default 3978), PLAYGROUND_PORT (default 56150), MONGODB_URI, EMBEDDED_DB, DATA_DIR.
 */
import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { acquireDatabase, DatabaseUnavailableError, type AcquiredDatabase } from '../bot/db/embedded';
import { startStack, type RunningStack } from './playground-stack';

const say = (line: string) => process.stderr.write(`[playground] ${line}\n`);

async function main(): Promise<number> {
  loadDotenv({ quiet: true });
  const dataDir = process.env.DATA_DIR || '.data';
  let signalled = false;
  // A signal during start-up lets the current step finish (a child that got the same Ctrl-C
  // ends it sooner), then everything started so far stops.
  const stopped = new Promise<void>((resolve) => {
    const onSignal = () => {
      signalled = true;
      resolve();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
  let database: AcquiredDatabase | undefined;
  let stack: RunningStack | undefined;
  try {
    database = await acquireDatabase({
      mongodbUri: process.env.MONGODB_URI || undefined,
      embedded: parseEmbedded(process.env.EMBEDDED_DB),
      purpose: 'serve',
      dataDir,
      ferretPostgresUrl: process.env.FERRETDB_POSTGRESQL_URL || 'postgres://postgres@127.0.0.1:5432/voucherbot',
      say,
    });
    say(`database: ${database.description}`);
    if (signalled) return 0;
    stack = await startStack({
      mongodbUri: database.uri,
      dbName: process.env.MONGODB_DB_NAME || 'voucherbot',
      botPort: Number(process.env.PORT) || 3978,
      playgroundPort: Number(process.env.PLAYGROUND_PORT) || 56150,
      logDir: path.resolve(dataDir, 'playground'),
      say,
    });
    if (!signalled) printWelcome(stack);
    await stopped;
    return 0;
  } finally {
    say('stopping the Playground, the bot and the database');
    await stack?.stop();
    await database?.stop();
  }
}

function printWelcome(stack: RunningStack): void {
  process.stdout.write(
    [
      '',
      `  Microsoft 365 Agents Playground:  ${stack.playgroundUrl}`,
      '',
      '  You are Alex Wilber, admin, staff and manager of the demo partner Contoso Consulting.',
      '  Try "help", "vouchers", "voucher DEMO-0001" in Personal Chat.',
      '  To paste a voucher email with its line breaks, use Mock an Activity > Custom activity',
      '  (the Playground\'s message box joins pasted lines into one), as README "Try it in two commands" shows.',
      `  Bot: ${stack.botUrl}   Logs: ${stack.logDir}`,
      '  Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}

function parseEmbedded(value: string | undefined): 'auto' | 'mongod' | 'ferretdb' {
  return value === 'mongod' || value === 'ferretdb' ? value : 'auto';
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof DatabaseUnavailableError ? error.message : `playground: ${error instanceof Error ? error.message : String(error)}`}\n`,
    );
    process.exit(1);
  },
);
