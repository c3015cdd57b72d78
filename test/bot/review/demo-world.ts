import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { fixedClock } from '../../../domain/clock';
import { startTestBot, type TestBot } from '../../helpers/bot-harness';
import type { TestDatabase } from '../../helpers/db';
import { turnDriver, type Speaker, type TurnDriver } from '../../helpers/turn-driver';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../..');

/** The demo partner of tools/seed.ts (README "Demo data"): its tenant and people. */
export const DEMO_TENANT = '00000000-0000-0000-0000-0000000000001';
export const DEMO = {
  adele: 'c0a70001-0000-4000-8000-000000000001',
  lee: 'c0a70001-0000-4000-8000-000000000002',
  megan: 'c0a70001-0000-4000-8000-000000000003',
  nestor: 'c0a70001-0000-4000-8000-000000000004',
} as const;

export interface DemoWorld {
  bot: TestBot;
  drive: TurnDriver;
  /** A demo person in Teams with a client locale (undefined: the client sent none). */
  as(who: keyof typeof DEMO, locale?: string | null): Speaker;
  /** The bot's log line for a turn (command and outcome). */
  turnLine(activityId: string): Record<string, unknown> | undefined;
}

/** `npm run seed -- --demo` on the file's database (the real script), then the bot on it with today's clock. */
export function useDemoWorld(db: TestDatabase): () => DemoWorld {
  let world: DemoWorld | undefined;
  before(async function () {
    this.timeout(180_000);
    const uri = `${db.uri.replace(/\/+$/, '')}/${db.dbName}`;
    await run(process.execPath, ['--import', 'tsx', 'tools/seed.ts', '--demo', '--uri', uri], {
      cwd: ROOT,
      env: { ...process.env, MONGODB_DB_NAME: db.dbName },
    });
    const bot = await startTestBot(db.connection, fixedClock(new Date()));
    world = {
      bot,
      drive: turnDriver(bot.url),
      as: (who, locale = 'en-US') => ({ aadObjectId: DEMO[who], tenantId: DEMO_TENANT, ...(locale === null ? {} : { locale }), name: who }),
      turnLine: (id) => bot.log.lines().find((l) => l.msg === 'turn' && l.activityId === id),
    };
  });
  after(async () => {
    await world?.bot.stop();
  });
  return () => {
    if (!world) throw new Error('the demo world is used before its before hook ran');
    return world;
  };
}
