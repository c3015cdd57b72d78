/**
 * Runs a command with MONGODB_URI pointing at the database the chooser picked (bot/db/embedded.ts),
 * then stops that database. `npm test` is `tsx tools/with-db.ts -- mocha`.
 *   tsx tools/with-db.ts [--serve] -- <command> [args...]
 *   tsx tools/with-db.ts --prepare      (download mongod or build FerretDB ahead of time, then exit)
 *   tsx tools/with-db.ts --serve        (`npm run db:start`: keep a database with kept data up until Ctrl-C)
 */
import { spawn } from 'node:child_process';
import { config as loadDotenv } from 'dotenv';
import { acquireDatabase, DatabaseUnavailableError } from '../bot/db/embedded';

async function main(): Promise<number> {
  loadDotenv({ quiet: true });
  const argv = process.argv.slice(2);
  const separator = argv.indexOf('--');
  const flags = separator === -1 ? argv : argv.slice(0, separator);
  const command = separator === -1 ? [] : argv.slice(separator + 1);
  const say = (line: string) => process.stderr.write(`[db] ${line}\n`);
  // A signal while the database starts is kept, so what started is stopped instead of orphaned.
  const signalled = new Promise<NodeJS.Signals>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => resolve(signal));
  });
  let stopRequested = false;
  void signalled.then(() => (stopRequested = true));

  const database = await acquireDatabase({
    mongodbUri: process.env.MONGODB_URI || undefined,
    embedded: parseEmbedded(process.env.EMBEDDED_DB),
    purpose: flags.includes('--serve') ? 'serve' : 'test',
    dataDir: process.env.DATA_DIR || '.data',
    ferretPostgresUrl: process.env.FERRETDB_POSTGRESQL_URL || 'postgres://postgres@127.0.0.1:5432/voucherbot',
    say,
  });
  say(`using ${database.kind}: ${database.description}`);
  try {
    if (flags.includes('--prepare') || stopRequested) return 0;
    if (command.length === 0) return await serveUntilSignal(database.uri, say, signalled);
    return await run(command, { ...process.env, MONGODB_URI: database.uri, VOUCHERBOT_DB_KIND: database.kind });
  } finally {
    await database.stop();
  }
}

/** `npm run db:start`: keep the database up for other tools until Ctrl-C. */
async function serveUntilSignal(uri: string, say: (line: string) => void, signalled: Promise<NodeJS.Signals>): Promise<number> {
  say(`MONGODB_URI=${uri}  (Ctrl-C to stop)`);
  await signalled;
  return 0;
}

function parseEmbedded(value: string | undefined): 'auto' | 'mongod' | 'ferretdb' {
  return value === 'mongod' || value === 'ferretdb' ? value : 'auto';
}

function run(command: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [program, ...args] = command;
  if (!program) return Promise.resolve(0);
  return new Promise((resolve) => {
    const child = spawn(program, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, forward);
    child.once('error', (error) => {
      process.stderr.write(`[db] cannot run ${program}: ${error.message}\n`);
      resolve(127);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof DatabaseUnavailableError ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
