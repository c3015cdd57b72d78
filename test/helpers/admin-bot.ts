import type { Connection } from 'mongoose';
import type { Clock } from '../../domain/clock';
import { createDomain } from '../../domain/domain';
import { loadConfig } from '../../bot/config';
import { routerFor } from '../../bot/router';
import { createResponder } from '../../bot/routing/dispatch';
import { createBotServer } from '../../bot/server';
import { processedActivityStore } from '../../bot/store/processed-activity.store';
import { createMessagesHandler } from '../../bot/teams/adapter';
import { createTurnLogic } from '../../bot/teams/turn';
import { capturedLogger } from './log-capture';

/**
 * The bot as `npm start` wires it (bot/app.ts), with ALLOWED_TENANT_IDS from the environment the
 * test gives, on a test database and an injected clock.
 */
export async function startAdminBot(connection: Connection, clock: Clock, env: Record<string, string> = {}) {
  const capture = capturedLogger();
  const domain = createDomain({ connection, clock });
  await domain.ensureIndexes();
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', ...env });
  const logic = createTurnLogic(
    capture.log,
    createResponder(domain, routerFor({ allowedTenantIds: config.ALLOWED_TENANT_IDS })),
    processedActivityStore(connection, capture.log),
  );
  const server = createBotServer({
    log: capture.log,
    maxBodyBytes: config.MAX_BODY_BYTES,
    handleMessages: createMessagesHandler(config, capture.log, logic),
    pingDatabase: async () => true,
  });
  const address = await server.listen(0, '127.0.0.1');
  return { url: `http://127.0.0.1:${address.port}/api/messages`, log: capture, domain, stop: () => server.drain(2_000) };
}
