import type { Connection } from 'mongoose';
import type { Clock } from '../../domain/clock';
import { createDomain } from '../../domain/domain';
import { loadConfig } from '../../bot/config';
import { createProactive, type ProactiveOptions } from '../../bot/proactive/proactive.wiring';
import { ROUTER } from '../../bot/router';
import { createResponder } from '../../bot/routing/dispatch';
import { createBotServer } from '../../bot/server';
import { processedActivityStore } from '../../bot/store/processed-activity.store';
import { createMessagesHandler } from '../../bot/teams/adapter';
import { createTurnLogic } from '../../bot/teams/turn';
import { capturedLogger } from './log-capture';

/**
 * The bot as bot/app.ts wires it, proactive messages included (conversation references captured
 * from every turn, the outbox and its sending loop through the real botbuilder sender), on a test
 * database with an injected clock for the domain. `start: false` leaves the sending loop off.
 */
export async function startProactiveBot(connection: Connection, clock: Clock, options: ProactiveOptions & { start?: boolean } = {}) {
  const capture = capturedLogger();
  const domain = createDomain({ connection, clock });
  const proactive = createProactive(
    { connection, domain, credentials: { MicrosoftAppType: 'MultiTenant' }, log: capture.log },
    { pollMs: 50, choresEveryMs: 200, ...options },
  );
  await proactive.ensureIndexes();
  const logic = proactive.capture(
    createTurnLogic(capture.log, createResponder(domain, ROUTER), processedActivityStore(connection, capture.log)),
  );
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1' });
  const server = createBotServer({
    log: capture.log,
    maxBodyBytes: config.MAX_BODY_BYTES,
    handleMessages: createMessagesHandler(config, capture.log, logic),
    pingDatabase: async () => true,
  });
  const address = await server.listen(0, '127.0.0.1');
  if (options.start !== false) proactive.worker.start();
  return {
    url: `http://127.0.0.1:${address.port}/api/messages`,
    log: capture,
    domain,
    proactive,
    stop: async () => {
      await server.drain(2_000);
      await proactive.worker.stop();
    },
  };
}
export type ProactiveBot = Awaited<ReturnType<typeof startProactiveBot>>;
