import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Schema, type Connection, type Model } from 'mongoose';
import { isDuplicateKey } from '../../domain/store';
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

/** The index of the document a unique index refused in an ordered insert; null for any other error. */
function duplicateAt(e: unknown): number | null {
  type WriteError = { code?: unknown; index?: unknown };
  // The driver gives one write error or a list of them.
  const errors = (e as { writeErrors?: WriteError | WriteError[] } | null)?.writeErrors;
  const first = Array.isArray(errors) ? errors[0] : errors;
  return first && isDuplicateKey(first) && typeof first.index === 'number' ? first.index : null;
}
const hashKey = (id: string): string => createHash('sha256').update(id).digest('base64url');

type HashedKey = { key: string; ttlMs: number; onlyWhenApplied: boolean };

/** The store of one process; several processes share the collection. */
class ProcessedActivities {
  private readonly model: Model<Processed>;
  private readonly leaseMs: number;
  private readonly waitMs: number;
  private readonly sweepEveryMs: number;
  private ttlIndex: Promise<boolean> | undefined;
  private lastSweep = 0;

  constructor(
    connection: Connection,
    private readonly log: Logger,
    options: OnceOptions,
  ) {
    this.model =
      (connection.models.ProcessedActivity as Model<Processed> | undefined) ?? connection.model<Processed>('ProcessedActivity', schema);
    this.leaseMs = options.leaseMs ?? 30_000;
    this.waitMs = options.waitMs ?? 4_000;
    this.sweepEveryMs = options.sweepEveryMs ?? 60_000;
  }

  /** Creates the collection and its index once; true when the server keeps a TTL index. */
  ready(): Promise<boolean> {
    this.ttlIndex ??= createIndexes(this.model, this.log);
    return this.ttlIndex;
  }

  /**
   * Runs `produce` once per key set. A duplicate gets the stored answer (`replayed`); while the
   * first is still running it waits a little (never past `waitUntil`, a Date.now() time: the turn's
   * deadline), then gets `stillRunning`.
   */
  async run(keys: OnceKey[], produce: () => Promise<Produced>, stillRunning: () => Answer, waitUntil = Infinity): Promise<OnceResult> {
    this.sweepIfDue(await this.ready());
    const hashed = keys.map((k) => ({ key: hashKey(k.id), ttlMs: k.ttlMs, onlyWhenApplied: k.onlyWhenApplied ?? false }));
    for (let attempt = 0; attempt < 5; attempt++) {
      const taken = await this.claimAll(hashed);
      if (taken === null) return { answer: await this.produceAndStore(hashed, produce), replayed: false };
      const waited = await this.awaitAnswer(taken, waitUntil);
      if (waited === 'running') return { answer: stillRunning(), replayed: true };
      if (waited !== 'released') return { answer: waited, replayed: true };
    }
    return { answer: stillRunning(), replayed: true };
  }

  /**
   * Claims every key, or none, in one ordered insert: the first key another turn holds stops it,
   * the keys inserted before it are given up, and that key is returned.
   */
  private async claimAll(keys: HashedKey[]): Promise<string | null> {
    const at = new Date();
    const docs = keys.map((k) => ({ _id: k.key, kind: 'claim' as const, at, expiresAt: new Date(at.getTime() + k.ttlMs), answer: null }));
    try {
      await this.model.insertMany(docs, { ordered: true, lean: true });
      return null;
    } catch (e) {
      const held = duplicateAt(e);
      if (held === null) throw e;
      // An ordered insert stops at the first error: exactly the keys before it are this turn's.
      await this.release(keys.slice(0, held).map((k) => k.key));
      return keys[held]?.key ?? null;
    }
  }

  private sweepIfDue(hasTtl: boolean): void {
    const now = Date.now();
    if (hasTtl || now - this.lastSweep < this.sweepEveryMs) return;
    this.lastSweep = now;
    this.model
      .deleteMany({ expiresAt: { $lte: new Date(now) } })
      .catch((e: unknown) => this.log.warn({ err: e }, 'sweep of processed activity ids failed; it runs again later'));
  }

  /** Waits for the answer of a key another turn holds; 'released' when that turn gave its claim up. */
  private async awaitAnswer(key: string, waitUntil: number): Promise<Answer | 'released' | 'running'> {
    const deadline = Math.min(Date.now() + this.waitMs, waitUntil);
    for (let step = 0; ; step++) {
      const asked = Date.now();
      const docs = await this.model.find({ _id: { $in: [key, `${key}:answer`] } }).lean<Processed[]>();
      const answer = docs.find((d) => d.kind === 'answer');
      if (answer?.answer) return JSON.parse(answer.answer) as Answer;
      const held = docs.find((d) => d.kind === 'claim');
      if (!held) return 'released';
      if (Date.now() - held.at.getTime() > this.leaseMs) {
        await this.model.deleteOne({ _id: key, at: held.at });
        return 'released';
      }
      const pause = Math.min(50 + step * 25, 250);
      // Another look (a pause and a read as slow as this one) must end by the deadline.
      if (Date.now() + pause + (Date.now() - asked) > deadline) return 'running';
      await sleep(pause);
    }
  }

  private async release(keys: string[]): Promise<void> {
    if (keys.length > 0) await this.model.deleteMany({ _id: { $in: keys } });
  }

  private async produceAndStore(all: HashedKey[], produce: () => Promise<Produced>): Promise<Answer> {
    let produced: Produced;
    try {
      produced = await produce();
    } catch (e) {
      await this.release(all.map((k) => k.key));
      throw e;
    }
    const keys = produced.keep ? all.filter((k) => produced.applied !== false || !k.onlyWhenApplied) : [];
    await this.release(all.filter((k) => !keys.includes(k)).map((k) => k.key));
    if (keys.length > 0) await this.storeAnswer(keys, produced.answer);
    return produced.answer;
  }

  private async storeAnswer(keys: HashedKey[], answer: Answer): Promise<void> {
    const at = new Date();
    const text = JSON.stringify(answer);
    try {
      await this.model.insertMany(
        keys.map((k) => ({ _id: `${k.key}:answer`, kind: 'answer', at, expiresAt: new Date(at.getTime() + k.ttlMs), answer: text })),
        { lean: true },
      );
    } catch (e) {
      // The turn's work is done and must be answered as such; a duplicate then waits out the lease.
      this.log.error({ err: e }, 'the answer of a processed activity could not be stored');
    }
  }
}

export function processedActivityStore(connection: Connection, log: Logger, options: OnceOptions = {}) {
  return new ProcessedActivities(connection, log, options);
}
export type ProcessedActivityStore = ProcessedActivities;

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
