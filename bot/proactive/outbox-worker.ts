import type { Logger } from '../log';
import type { Reply } from '../routing/types';
import { SendFailure, type ProactiveSender } from '../teams/proactive';
import type { ConversationRef } from './conversation-ref.model';
import type { ConversationRefStore } from './conversation-ref.store';
import type { OutboxRecord } from './outbox.model';
import type { OutboxStore } from './outbox';
import { retryDecision } from './retry.rules';
import { DAY_MS } from '../../domain/calendar';

/** What a payload kind sends: rendered at send time from the database, so it shows the state of that moment. */
export interface PayloadHandler {
  /** The message to post, or to put in place of `updateOf`; null when there is nothing to send any more. */
  render(
    data: Record<string, unknown>,
    to: ConversationRef,
  ): Promise<{ reply: Reply; updateOf?: string; reference?: Record<string, unknown> } | null>;
  /** After a post: remember where the message is (an approval keeps the id of every copy). */
  sent?(data: Record<string, unknown>, to: ConversationRef, activityId: string): Promise<void>;
}

export interface WorkerOptions {
  pollMs?: number;
  batch?: number;
  /** Work that finds messages to enqueue (expired approvals), run every `choresEveryMs` (default a minute). */
  chores?: ReadonlyArray<() => Promise<unknown>>;
  choresEveryMs?: number;
}

/** Finished records are kept a week (what was sent, what failed and why), then removed. */
const KEEP_DONE_MS = 7 * DAY_MS;
const PURGE_EVERY_MS = 10 * 60_000;

type Outcome = 'sent' | 'retry' | 'postponed' | 'undeliverable' | 'failed' | 'lost';

/**
 * The outbox's sending loop, one per instance (started by bot/app.ts, stopped at shutdown). Each
 * tick leases due records (only one instance gets each), sends them and records what happened.
 * Nothing here is shown to anyone: a failure is logged once and recorded on its record.
 */
export function createOutboxWorker(
  deps: {
    outbox: OutboxStore;
    refs: ConversationRefStore;
    sender: ProactiveSender;
    handlers: Readonly<Record<string, PayloadHandler>>;
    log: Logger;
  },
  options: WorkerOptions = {},
) {
  const pollMs = options.pollMs ?? 1_000;
  const batch = options.batch ?? 20;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = true;
  // Only when this instance last purged: any instance may purge, and purging twice is harmless.
  let lastPurge = 0;
  let lastChores = 0;

  const resolveTarget = (r: OutboxRecord): Promise<ConversationRef | null> =>
    r.target.kind === 'person'
      ? deps.refs.person(r.target.tenantId, r.target.aadObjectId)
      : deps.refs.conversation(r.target.conversationId);

  async function deliver(r: OutboxRecord): Promise<Outcome> {
    const to = await resolveTarget(r);
    if (!to)
      return (await deps.outbox.giveUp(r, 'undeliverable', 'no conversation reference: the bot is not installed there'))
        ? 'undeliverable'
        : 'lost';
    const handler = deps.handlers[r.payload.kind];
    if (!handler) return (await deps.outbox.giveUp(r, 'failed', `no handler for ${r.payload.kind}`)) ? 'failed' : 'lost';
    const data = JSON.parse(r.payload.data) as Record<string, unknown>;
    const message = await handler.render(data, to);
    if (!message) return (await deps.outbox.sent(r, null)) ? 'sent' : 'lost';
    const waitMs = await deps.outbox.takeSendSlot(to.conversationId);
    if (waitMs > 0) return (await deps.outbox.postpone(r, waitMs)) ? 'postponed' : 'lost';
    // A payload may carry its own reference (a late answer goes to the thread its turn came from).
    const reference = message.reference ?? (JSON.parse(to.reference) as Record<string, unknown>);
    const activityId = message.updateOf ?? (await deps.sender.send(reference, message.reply));
    if (message.updateOf) await deps.sender.update(reference, message.updateOf, message.reply);
    if (!(await deps.outbox.sent(r, activityId))) return 'lost';
    if (!message.updateOf && activityId) await handler.sent?.(data, to, activityId);
    return 'sent';
  }

  async function failed(r: OutboxRecord, error: unknown): Promise<Outcome> {
    const f = error instanceof SendFailure ? error : null;
    const d = retryDecision(f ? f.status : null, f?.retryAfterMs ?? null, r.attempts + 1, Math.random());
    const what = f
      ? `${f.status ?? 'no answer'} ${f.code}`
      : error instanceof Error
        ? `${error.name}: ${error.message}`.slice(0, 300)
        : 'unknown error';
    const log = { outboxId: String(r._id), kind: r.payload.kind, attempts: r.attempts + 1, status: f?.status ?? null, decision: d.kind };
    if (d.kind === 'retry') {
      deps.log.warn({ ...log, delayMs: d.delayMs }, 'proactive send failed; retrying later');
      return (await deps.outbox.retry(r, d.delayMs, what)) ? 'retry' : 'lost';
    }
    // 403: the bot is no longer in that conversation; its reference goes, so a requester is told the truth next time.
    if (f?.status === 403) await deps.refs.forget((await resolveTarget(r))?.conversationId ?? '');
    deps.log.warn({ ...log, err: f ? undefined : error }, `proactive message ${d.kind}`);
    return (await deps.outbox.giveUp(r, d.kind, what)) ? d.kind : 'lost';
  }

  /** One pass: leases what is due and sends it; returns how many records it handled. */
  async function tick(): Promise<number> {
    if (Date.now() - lastPurge > PURGE_EVERY_MS) {
      lastPurge = Date.now();
      await deps.outbox.purge(KEEP_DONE_MS);
    }
    if (Date.now() - lastChores > (options.choresEveryMs ?? 60_000)) {
      lastChores = Date.now();
      for (const chore of options.chores ?? []) await chore();
    }
    const records = await deps.outbox.lease(batch);
    await Promise.all(records.map((r) => deliver(r).catch((e: unknown) => failed(r, e))));
    return records.length;
  }

  function schedule(delayMs: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick()
        .catch((e: unknown) => {
          deps.log.error({ err: e }, 'outbox pass failed; the next pass tries again');
          return 0;
        })
        .then((n) => schedule(n >= batch ? 0 : pollMs))
        .finally(() => (running = null));
    }, delayMs);
  }

  return {
    tick,
    start(): void {
      if (!stopped) return;
      stopped = false;
      schedule(0);
    },
    /** No new pass starts; the one under way finishes (its records are recorded, or leased until their lease ends). */
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
