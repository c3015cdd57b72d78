import type { Actor } from '../../domain/domain';
import { createWorld, type World } from '../domain/world';
import type { TestDatabase } from './db';
import { startTestBot, type TestBot } from './bot-harness';
import { turnDriver, type Speaker, type TurnDriver } from './turn-driver';

/**
 * A partner (test/domain/world.ts: admin, staff in Paris and in Seattle, a manager) and the bot
 * on the same database, with a driver posting activities to it. `as(actor, locale)` is that
 * person in Teams; `stranger` is in the tenant but unknown; `elsewhere` is in a tenant no partner owns.
 */
export interface BotWorld {
  w: World;
  bot: TestBot;
  drive: TurnDriver;
  tenantId: string;
  as(actor: Actor, locale?: 'en' | 'fr'): Speaker;
  stranger(locale?: 'en' | 'fr'): Speaker;
  elsewhere(locale?: 'en' | 'fr'): Speaker;
}

const tag = (locale: 'en' | 'fr') => (locale === 'fr' ? 'fr-FR' : 'en-US');

export function useBotWorld(db: TestDatabase, slug: string): () => BotWorld {
  let world: BotWorld | undefined;
  before(async function () {
    this.timeout(60_000);
    const w = await createWorld(db.connection, slug);
    const bot = await startTestBot(db.connection, w.clock);
    const tenantId = `tenant-${slug}`;
    world = {
      w,
      bot,
      drive: turnDriver(bot.url),
      tenantId,
      as: (actor, locale = 'en') => ({ aadObjectId: actor.aadObjectId, tenantId, locale: tag(locale), name: actor.name }),
      stranger: (locale = 'en') => ({ aadObjectId: `${slug}-stranger`, tenantId, locale: tag(locale) }),
      elsewhere: (locale = 'en') => ({ aadObjectId: `${slug}-admin`, tenantId: 'tenant-nobody-owns', locale: tag(locale) }),
    };
  });
  after(async () => {
    await world?.bot.stop();
  });
  return () => {
    if (!world) throw new Error('the bot world is used before its before hook ran');
    return world;
  };
}
