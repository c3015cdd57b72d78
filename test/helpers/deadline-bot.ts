import type { Connection } from 'mongoose';
import type { Clock } from '../../domain/clock';
import { createDomain } from '../../domain/domain';
import { loadConfig } from '../../bot/config';
import { createProactive } from '../../bot/proactive/proactive.wiring';
import { ROUTER } from '../../bot/router';
import { createResponder } from '../../bot/routing/dispatch';
import { createBotServer } from '../../bot/server';
import { processedActivityStore } from '../../bot/store/processed-activity.store';
import { createMessagesHandler } from '../../bot/teams/adapter';
import { customerChannels } from '../../bot/teams/customer-channels';
import { withTurnDeadline } from '../../bot/teams/deadline';
import { createTurnLogic } from '../../bot/teams/turn';
import { capturedLogger } from './log-capture';

/**
 * The bot as bot/app.ts wires it (the deadline from TURN_DEADLINE_MS around conversation capture,
 * the email and file turns and the Teams turn; the applied-once store; the outbox and its sending
 * loop through the real botbuilder sender), on the connection given (the tests give one through a
 * slow relay) and an injected clock for the domain.
 */
export async function startDeadlineBot(connection: Connection, clock: Clock, env: Record<string, string>) {
  const capture = capturedLogger();
  const log = capture.log;
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', ...env });
  const domain = createDomain({ connection, clock });
  const once = processedActivityStore(connection, log);
  await once.ready();
  const customers = customerChannels({ connection, domain, log, once, repliesPerHour: config.EMAIL_REPLIES_PER_HOUR });
  const proactive = createProactive(
    { connection, domain, credentials: { MicrosoftAppType: 'MultiTenant' }, log },
    { pollMs: 50, handlers: customers.handlers },
  );
  await proactive.ensureIndexes();
  const channels = customers.link({ enqueue: (m) => proactive.outbox.enqueue(m), remember: (seen) => proactive.refs.remember(seen) });
  await channels.ensureIndexes();
  const teams = createTurnLogic(log, createResponder(domain, ROUTER), once, proactive.outbox);
  const logic = withTurnDeadline(proactive.capture(channels.wrap(teams)), { ms: config.TURN_DEADLINE_MS, log });
  const server = createBotServer({
    log,
    maxBodyBytes: config.MAX_BODY_BYTES,
    handleMessages: createMessagesHandler(config, log, logic),
    pingDatabase: async () => true,
  });
  const address = await server.listen(0, '127.0.0.1');
  proactive.worker.start();
  return {
    url: `http://127.0.0.1:${address.port}/api/messages`,
    log: capture,
    server,
    /** Turn log lines of one activity. */
    turnLines: (activityId: string) => capture.lines().filter((l) => l.msg === 'turn' && l.activityId === activityId),
    stop: async () => {
      // Turns answered at their deadline are still in flight: they finish first.
      await server.drain(20_000);
      await proactive.worker.stop();
    },
  };
}
export type DeadlineBot = Awaited<ReturnType<typeof startDeadlineBot>>;
