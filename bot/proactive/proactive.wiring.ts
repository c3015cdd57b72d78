import type { Connection } from 'mongoose';
import type { Domain } from '../../domain/domain';
import type { Logger } from '../log';
import { withConversationRefs } from '../teams/conversation-capture';
import { createProactiveSender, type ProactiveCredentials, type ProactiveSender } from '../teams/proactive';
import { announceExpiredApprovals } from './approval-expiry';
import { approvalHandlers } from './approval-messages';
import { lateAnswerHandlers } from './late-answer';
import { conversationRefStore } from './conversation-ref.store';
import { outboxStore } from './outbox';
import { createOutboxWorker, type PayloadHandler, type WorkerOptions } from './outbox-worker';

export interface ProactiveOptions extends WorkerOptions {
  leaseMs?: number;
  /** More payload kinds (customer emails, staff notices) beside the approval flow's. */
  handlers?: Readonly<Record<string, PayloadHandler>>;
  /** Tests may pass their own sender; the bot sends through botbuilder. */
  sender?: ProactiveSender;
}

/**
 * Proactive messages for one instance (issue 10): conversation references captured from every
 * turn, the outbox in MongoDB and its sending loop. bot/app.ts wraps the turn with `capture`,
 * starts the loop after the server listens and stops it at shutdown.
 */
export function createProactive(
  deps: { connection: Connection; domain: Domain; credentials: ProactiveCredentials; log: Logger },
  options: ProactiveOptions = {},
) {
  const store = deps.domain.deps.store;
  const refs = conversationRefStore(deps.connection, { store });
  const outbox = outboxStore(deps.connection, { store, leaseMs: options.leaseMs });
  const sender = options.sender ?? createProactiveSender(deps.credentials, deps.log);
  const handlers = { ...approvalHandlers(deps.domain, outbox), ...lateAnswerHandlers(outbox), ...options.handlers };
  const chores = [() => announceExpiredApprovals(deps.domain, outbox), ...(options.chores ?? [])];
  const worker = createOutboxWorker({ outbox, refs, sender, handlers, log: deps.log }, { ...options, chores });
  return {
    refs,
    outbox,
    worker,
    ensureIndexes: async () => {
      await refs.ensureIndexes();
      await outbox.ensureIndexes();
    },
    capture: (logic: Parameters<typeof withConversationRefs>[0]) => withConversationRefs(logic, refs, deps.log),
  };
}
export type Proactive = ReturnType<typeof createProactive>;
