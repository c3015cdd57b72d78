import type { Connection } from 'mongoose';
import type { Clock } from '../../domain/clock';
import { createDomain } from '../../domain/domain';
import { conversationRefStore } from '../../bot/proactive/conversation-ref.store';
import { outboxStore } from '../../bot/proactive/outbox';
import { createOutboxWorker } from '../../bot/proactive/outbox-worker';
import { ROUTER } from '../../bot/router';
import { createResponder } from '../../bot/routing/dispatch';
import { processedActivityStore } from '../../bot/store/processed-activity.store';
import { withConversationRefs } from '../../bot/teams/conversation-capture';
import { customerChannels } from '../../bot/teams/customer-channels';
import { createProactiveSender } from '../../bot/teams/proactive';
import { createTurnLogic } from '../../bot/teams/turn';
import { listenTestBot } from './bot-harness';
import { capturedLogger } from './log-capture';

/**
 * The bot with customers by email and files wired as bot/app.ts wires them (bot/teams/customer-channels.ts):
 * the Teams turn, the email turn, the file turn, the outbox store and worker with its proactive
 * sender, on a test database. The outbox
 * worker is not started: tests run `outboxTick()` to send what is due.
 */
export async function startEmailBot(connection: Connection, clock: Clock, options: { repliesPerHour?: number } = {}) {
  const capture = capturedLogger();
  const domain = createDomain({ connection, clock });
  const once = processedActivityStore(connection, capture.log);
  const refs = conversationRefStore(connection, { clock });
  const outbox = outboxStore(connection, { clock });
  await outbox.ensureIndexes();
  await refs.ensureIndexes();
  const customers = customerChannels({ connection, domain, log: capture.log, once, repliesPerHour: options.repliesPerHour ?? 5 });
  const linked = customers.link({ enqueue: (m) => outbox.enqueue(m), remember: (seen) => refs.remember(seen) });
  await linked.ensureIndexes();
  const teams = createTurnLogic(capture.log, createResponder(domain, ROUTER), once);
  const sender = createProactiveSender({ MicrosoftAppType: 'MultiTenant' }, capture.log);
  const worker = createOutboxWorker({ outbox, refs, sender, handlers: customers.handlers, log: capture.log });
  const { url, stop } = await listenTestBot(capture.log, withConversationRefs(linked.wrap(teams), refs, capture.log));
  return {
    url,
    log: capture,
    domain,
    email: linked.email,
    files: { jobs: customers.jobs, runner: linked.runner },
    outbox,
    refs,
    outboxTick: () => worker.tick(),
    stop,
  };
}
export type EmailBot = Awaited<ReturnType<typeof startEmailBot>>;
