import type { TurnContext } from 'botbuilder';
import type { Connection } from 'mongoose';
import type { Clock } from '../../domain/clock';
import { createDomain } from '../../domain/domain';
import { loadConfig } from '../../bot/config';
import type { Logger } from '../../bot/log';
import { ROUTER } from '../../bot/router';
import { createResponder } from '../../bot/routing/dispatch';
import { createBotServer } from '../../bot/server';
import { processedActivityStore } from '../../bot/store/processed-activity.store';
import { createMessagesHandler } from '../../bot/teams/adapter';
import { createTurnLogic } from '../../bot/teams/turn';
import { capturedLogger } from './log-capture';

/**
 * The bot as `npm start` wires it (restify, CloudAdapter, the turn, the router, the domain and
 * the processed-activity store) on a test database with an injected clock. Tests post real
 * activities to its /api/messages.
 */
export async function startTestBot(connection: Connection, clock: Clock) {
  const capture = capturedLogger();
  const domain = createDomain({ connection, clock });
  const once = processedActivityStore(connection, capture.log);
  const logic = createTurnLogic(capture.log, createResponder(domain, ROUTER), once);
  const { url, stop } = await listenTestBot(capture.log, logic);
  return { url, log: capture, domain, stop };
}

/** The restify server and the real CloudAdapter around a turn, listening on a free local port. */
export async function listenTestBot(log: Logger, logic: (context: TurnContext) => Promise<void>) {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1' });
  const server = createBotServer({
    log,
    maxBodyBytes: config.MAX_BODY_BYTES,
    handleMessages: createMessagesHandler(config, log, logic),
    pingDatabase: async () => true,
  });
  const address = await server.listen(0, '127.0.0.1');
  return { url: `http://127.0.0.1:${address.port}/api/messages`, stop: () => server.drain(2_000) };
}
export type TestBot = Awaited<ReturnType<typeof startTestBot>>;
