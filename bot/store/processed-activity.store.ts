import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Schema, type Connection, type Model } from 'mongoose';
import type { Logger } from '../log';
import type { Answer } from '../routing/types';

/**
 * Applied once (issue 8): a redelivered activity or a double-clicked button must not apply twice,
 * and the second gets the first one's answer. The first turn claims each of its keys with an
 * insert (a unique `_id`, so one instance wins even across processes), and stores its answer as a
 * second document once done. Only inserts and deletes: no document is ever rewritten. Records
 * expire: a TTL index where the server has one, a periodic sweep where it does not (FerretDB 1.24
 * answers "Index option expireAfterSeconds is not implemented yet").
 */
interface Processed {
  _id: string;
  kind: 'claim' | 'answer';
  at: Date;
  expiresAt: Date;
  /** The answer as JSON text: card JSON has keys such as `$schema` that a stored document may not. */
  answer: string | null;
}

const schema = new Schema<Processed>(
  { _id: String, kind: String, at: Date, expiresAt: Date, answer: String },
  { autoIndex: false, autoCreate: false, versionKey: false, collection: 'processed_activities' },
);

export interface OnceKey {
  /** Anything that identifies the delivery: activity id, or a click's card, verb and data. */
  id: string;
  ttlMs: number;
  /** Kept only for an answer that changed something (a click key: the same click after a refusal runs again). */
  onlyWhenApplied?: boolean;
}

export interface OnceOptions {
  /** A claim with no answer after this long was left by a stopped instance; it is taken over. */
  leaseMs?: number;
  /** How long a duplicate waits for the first turn's answer before saying it is still running. */
  waitMs?: number;
  sweepEveryMs?: number;
}

/** `keep`: store the answer; `applied`: the turn changed something (a refusal did not). */
export type Produced = { answer: Answer; keep: boolean; applied?: boolean };
export type OnceResult = { answer: Answer; replayed: boolean };

const isDuplicateKey = (e: unknown): boolean => typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 11000;
const hashKey = (id: string): string => createHash('sha256').update(id).digest('base64url');

export function processedActivityStore(connection: Connection, log: Logger, options: OnceOptions = {}) {
  const model: Model<Processed> = (connection.models.ProcessedActivity as Model<Processed> | undefined) ?? connection.model<Processed>('ProcessedActivity', schema);
  const leaseMs = options.leaseMs ?? 30_000;
  const waitMs = options.waitMs ?? 4_000;
  const sweepEveryMs = options.sweepEveryMs ?? 60_000;
  let ttlIndex: Promise<boolean> | undefined;
  let lastSweep = 0;

  const ready = (): Promise<boolean> => (ttlIndex ??= createIndexes(model, log));

  function sweepIfDue(hasTtl: boolean): void {
    const now = Date.now();
    if (hasTtl || now - lastSweep < sweepEveryMs) return;
    lastSweep = now;
    model.deleteMany({ expiresAt: { $lte: new Date(now) } }).catch((e: unknown) => log.warn({ err: e }, 'sweep of processed activity ids failed; it runs again later'));
  }

  async function claim(key: string, ttlMs: number): Promise<boolean> {
    const at = new Date();
    try {
      await model.create({ _id: key, kind: 'claim', at, expiresAt: new Date(at.getTime() + ttlMs), answer: null });
      return true;
    } catch (e) {
      if (isDuplicateKey(e)) return false;
      throw e;
    }
  }

  /** Waits for the answer of a key another turn holds; null when that turn gave up its claim. */
  async function awaitAnswer(key: string): Promise<Answer | 'released' | 'running'> {
    const deadline = Date.now() + waitMs;
    for (let step = 0; ; step++) {
      const docs = await model.find({ _id: { $in: [key, `${key}:answer`] } }).lean<Processed[]>();
      const answer = docs.find((d) => d.kind === 'answer');
      if (answer?.answer) return JSON.parse(answer.answer) as Answer;
      const held = docs.find((d) => d.kind === 'claim');
      if (!held) return 'released';
      if (Date.now() - held.at.getTime() > leaseMs) {
        await model.deleteOne({ _id: key, at: held.at });
        return 'released';
      }
      if (Date.now() > deadline) return 'running';
      await sleep(Math.min(50 + step * 25, 250));
    }
  }

  async function release(keys: string[]): Promise<void> {
    await model.deleteMany({ _id: { $in: keys } });
  }

  return {
    ready,
    /**
     * Runs `produce` once per key set. A duplicate gets the stored answer (`replayed`); while the
     * first is still running it waits a little, then gets `stillRunning`.
     */
    async run(keys: OnceKey[], produce: () => Promise<Produced>, stillRunning: () => Answer): Promise<OnceResult> {
      sweepIfDue(await ready());
      const hashed = keys.map((k) => ({ key: hashKey(k.id), ttlMs: k.ttlMs, onlyWhenApplied: k.onlyWhenApplied ?? false }));
      for (let attempt = 0; attempt < 5; attempt++) {
        const mine: string[] = [];
        let taken: string | null = null;
        for (const k of hashed) {
          if (await claim(k.key, k.ttlMs)) mine.push(k.key);
          else {
            taken = k.key;
            break;
          }
        }
        if (taken === null) return { answer: await produceAndStore(hashed, produce), replayed: false };
        await release(mine);
        const waited = await awaitAnswer(taken);
        if (waited === 'running') return { answer: stillRunning(), replayed: true };
        if (waited !== 'released') return { answer: waited, replayed: true };
      }
      return { answer: stillRunning(), replayed: true };
    },
  };

  async function produceAndStore(all: { key: string; ttlMs: number; onlyWhenApplied: boolean }[], produce: () => Promise<Produced>): Promise<Answer> {
    let produced: Produced;
    try {
      produced = await produce();
    } catch (e) {
      await release(all.map((k) => k.key));
      throw e;
    }
    const keys = produced.keep ? all.filter((k) => produced.applied !== false || !k.onlyWhenApplied) : [];
    const dropped = all.filter((k) => !keys.includes(k)).map((k) => k.key);
    if (dropped.length > 0) await release(dropped);
    if (keys.length === 0) return produced.answer;
    const at = new Date();
    const answer = JSON.stringify(produced.answer);
    try {
      await model.insertMany(keys.map((k) => ({ _id: `${k.key}:answer`, kind: 'answer', at, expiresAt: new Date(at.getTime() + k.ttlMs), answer })));
    } catch (e) {
      // The turn's work is done and must be answered as such; a duplicate then waits out the lease.
      log.error({ err: e }, 'the answer of a processed activity could not be stored');
    }
    return produced.answer;
  }
}
export type ProcessedActivityStore = ReturnType<typeof processedActivityStore>;

/** Creates the collection and its TTL index; false when the server has no TTL indexes (then it sweeps). */
async function createIndexes(model: Model<Processed>, log: Logger): Promise<boolean> {
  await model.createCollection().catch((e: unknown) => {
    if ((e as { codeName?: unknown }).codeName !== 'NamespaceExists') throw e;
  });
  try {
    await model.collection.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0, name: 'expiresAt_ttl' });
    return true;
  } catch (e) {
    log.info({ reason: (e as { message?: unknown }).message }, 'no TTL index on this server: processed activity ids are swept instead');
    await model.collection.createIndex({ expiresAt: 1 }, { name: 'expiresAt_sweep' });
    return false;
  }
}
