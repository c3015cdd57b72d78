import { randomUUID } from 'node:crypto';
import { Types, type Connection } from 'mongoose';
import { systemClock, type Clock } from '../../domain/clock';
import { storeHandle, type StoreHandle } from '../../domain/store';
import { updateVersioned, upsertOne, type WriteDeps } from '../../domain/write';
import { outboxModel, sendWindowModel, type OutboxRecord, type OutboxTarget } from './outbox.model';

export interface OutboxOptions {
  clock?: Clock;
  store?: StoreHandle;
  /** How long an instance holds a record it is sending; past that, another instance may take it. */
  leaseMs?: number;
}

/** At most this many sends per conversation in any second (TEAMS.md, Rate limits). */
export const SENDS_PER_SECOND = 7;
/**
 * The window the sends are counted in: a second and a margin. A slot is taken before the POST, and
 * POSTs reach Teams after varying delays (a loaded machine, a slow network); counting 7 per second
 * exactly let two of them arrive closer than their slots were (seen under CI load: 8 in a second).
 */
const WINDOW_MS = 1_300;

export interface NewMessage {
  key: string;
  target: OutboxTarget;
  kind: string;
  data: Record<string, unknown>;
}

const open = (now: Date) => ({
  state: 'pending' as const,
  nextTryAt: { $lte: now },
  $or: [{ leaseUntil: null }, { leaseUntil: { $lte: now } }],
});

/**
 * The one outbox (issue 10): every proactive message is a record in MongoDB. Every change of a
 * record is one conditional update through domain/write.ts, so of two instances reaching for the
 * same record exactly one leases it (FerretDB rewrites whole documents: the write claim settles it).
 */
export function outboxStore(connection: Connection, options: OutboxOptions = {}) {
  const model = outboxModel(connection);
  const windows = sendWindowModel(connection);
  const clock = options.clock ?? systemClock;
  const deps: WriteDeps = { connection, clock, store: options.store ?? storeHandle(connection) };
  const leaseMs = options.leaseMs ?? 60_000;
  const owner = randomUUID();

  /** Changes a record this instance leases; false when the lease was lost meanwhile. */
  async function settle(r: OutboxRecord, set: Partial<OutboxRecord>): Promise<boolean> {
    const filter = { state: 'pending', leaseOwner: owner, leaseUntil: r.leaseUntil };
    const done = await updateVersioned(deps, {
      model,
      id: r._id,
      version: r.version,
      filter,
      update: { $set: { leaseOwner: null, leaseUntil: null, ...set } },
    });
    return done.ok;
  }

  return {
    model,
    owner,
    async ensureIndexes(): Promise<void> {
      for (const m of [model, windows]) {
        await m.createCollection().catch((e: unknown) => {
          if (!(typeof e === 'object' && e !== null && 'codeName' in e && e.codeName === 'NamespaceExists')) throw e;
        });
        await m.createIndexes();
      }
    },
    /** Records messages to send; one already recorded under the same key is not added again. */
    async enqueue(messages: readonly NewMessage[]): Promise<void> {
      const now = clock.now();
      for (const m of messages) {
        const insert = () => ({
          _id: new Types.ObjectId(),
          key: m.key,
          target: m.target,
          payload: { kind: m.kind, data: JSON.stringify(m.data) },
          state: 'pending' as const,
          attempts: 0,
          nextTryAt: now,
          leaseUntil: null,
          leaseOwner: null,
          lastError: null,
          activityId: null,
          createdAt: now,
          doneAt: null,
        });
        await upsertOne(deps, { model, filter: { key: m.key }, insert, change: () => null });
      }
    },
    /** Leases up to `limit` due records: each by one conditional update that only one instance can win. */
    async lease(limit: number): Promise<OutboxRecord[]> {
      const now = clock.now();
      const due = await model
        .find(open(now))
        .sort({ nextTryAt: 1 })
        .limit(limit * 2)
        .lean<OutboxRecord[]>();
      const mine: OutboxRecord[] = [];
      for (const r of due) {
        if (mine.length >= limit) break;
        const update = { $set: { leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs) } };
        const taken = await updateVersioned(deps, { model, id: r._id, version: r.version, filter: open(now), update });
        if (taken.ok) mine.push(taken.doc);
      }
      return mine;
    },
    sent: (r: OutboxRecord, activityId: string | null) =>
      settle(r, { state: 'sent', activityId, attempts: r.attempts + 1, doneAt: clock.now(), lastError: null }),
    retry: (r: OutboxRecord, delayMs: number, error: string) =>
      settle(r, { attempts: r.attempts + 1, nextTryAt: new Date(clock.now().getTime() + delayMs), lastError: error }),
    /** Not sent now and not its fault (the conversation's rate): tried again later, no attempt counted. */
    postpone: (r: OutboxRecord, delayMs: number) => settle(r, { nextTryAt: new Date(clock.now().getTime() + delayMs) }),
    giveUp: (r: OutboxRecord, state: 'undeliverable' | 'failed', error: string) =>
      settle(r, { state, attempts: r.attempts + 1, lastError: error, doneAt: clock.now() }),
    /**
     * Removes records finished (sent, undeliverable, failed) longer ago than `keepMs`. Finished records
     * are never updated again, so deleting them cannot undo anyone's write.
     */
    async purge(keepMs: number): Promise<number> {
      const before = new Date(clock.now().getTime() - keepMs);
      return (await model.deleteMany({ state: { $ne: 'pending' }, doneAt: { $lte: before } })).deletedCount;
    },
    /**
     * Takes one of the conversation's 7 sends of the current second (a shared window in MongoDB, so
     * the limit holds across instances); returns 0, or how long to wait for a free one.
     */
    async takeSendSlot(conversationId: string): Promise<number> {
      const now = clock.now().getTime();
      let waitMs = 0;
      await upsertOne(deps, {
        model: windows,
        filter: { _id: conversationId },
        insert: () => ({ _id: conversationId, sends: [new Date(now)] }),
        change: (w) => {
          const recent = w.sends.filter((d) => d.getTime() > now - WINDOW_MS).sort((a, b) => a.getTime() - b.getTime());
          const oldest = recent[recent.length - SENDS_PER_SECOND];
          waitMs = oldest ? oldest.getTime() + WINDOW_MS - now + 1 : 0;
          return waitMs > 0 ? null : { $set: { sends: [...recent, new Date(now)] } };
        },
      });
      return waitMs;
    },
  };
}
export type OutboxStore = ReturnType<typeof outboxStore>;
