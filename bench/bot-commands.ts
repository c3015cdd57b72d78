import { randomBytes } from 'node:crypto';
import type { CommandStartedEvent } from 'mongodb';
import { startBot } from '../bot/app';
import { loadConfig } from '../bot/config';
import { createLogger } from '../bot/log';
import { benchNumber, dropDatabase, prepare, reserveClick, say } from './bot-bench-data';
import { post } from './bot-bench-support';

/**
 * `npm run bench:bot-commands`: the database commands one turn of `npm run bench:bot` sends, listed
 * through the driver's command monitoring (the bot started in this process as bot/app.ts wires it).
 * Each scenario runs twice and the second turn is listed: the first pays for one-time work.
 */
const IGNORED = new Set(['hello', 'ismaster', 'isMaster', 'ping', 'endSessions', 'buildInfo', 'saslStart', 'saslContinue']);

function describe(e: CommandStartedEvent): string {
  const c = e.command as Record<string, unknown>;
  const collection = typeof c[e.commandName] === 'string' ? String(c[e.commandName]) : '';
  const shape = JSON.stringify(
    c.filter ??
      c.q ??
      (Array.isArray(c.updates) ? (c.updates[0] as { q?: unknown }).q : undefined) ??
      (Array.isArray(c.deletes) ? (c.deletes[0] as { q?: unknown }).q : undefined) ??
      c.pipeline ??
      '',
  );
  return `${e.commandName} ${collection} ${shape.length > 110 ? `${shape.slice(0, 110)}...` : shape}`;
}

async function main(): Promise<void> {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set: run `npm run bench:bot-commands`, which provides a database');
  const dbName = `bench_cmds_${randomBytes(4).toString('hex')}`;
  const ids = await prepare(uri, dbName, 10);
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', MONGODB_DB_NAME: dbName, LOG_LEVEL: 'warn' });
  const monitored = `${uri}${uri.includes('?') ? '&' : '?'}monitorCommands=true`;
  const bot = await startBot(config, createLogger({ level: 'warn', secrets: [] }), monitored);
  const seen: CommandStartedEvent[] = [];
  bot.connection.getClient().on('commandStarted', (e) => {
    // The outbox loop polls on its own timer, whatever the turns do.
    const poll = e.commandName === 'find' && (e.command as { find?: unknown }).find === 'outbox';
    if (!IGNORED.has(e.commandName) && !poll) seen.push(e);
  });
  const url = `http://127.0.0.1:${bot.address.port}/api/messages`;
  const scenarios: [string, (i: number) => unknown][] = [
    ['voucher <number>', (i) => say(`voucher ${benchNumber(i)}`)],
    ['reserve click', (i) => reserveClick(ids[i] ?? '')],
  ];
  try {
    for (const [name, make] of scenarios) {
      await post(url, make(0));
      seen.length = 0;
      const r = await post(url, make(1));
      const mine = [...seen];
      process.stdout.write(`${name}: HTTP ${r.status}, ${mine.length} database commands\n`);
      for (const e of mine) process.stdout.write(`  ${describe(e)}\n`);
    }
  } finally {
    await bot.shutdown(2_000);
    await dropDatabase(uri, dbName);
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`bench:bot-commands failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
