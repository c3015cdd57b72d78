import { setTimeout as sleep } from 'node:timers/promises';
import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { Clock } from './clock';
import { modelOn, schemaOptions } from './model-registry';

/**
 * One conditional update per state change, made safe on FerretDB too.
 *
 * MongoDB applies `findOneAndUpdate(filter, update)` atomically, so the precondition in the filter
 * is enough. FerretDB 1.24 on PostgreSQL does not: it selects the document, applies the operators
 * in Go and writes the row back by `_id`, so two concurrent updates can both "match" and the later
 * one overwrites the earlier (measured: 40 concurrent conditional updates, 2 reported winners).
 * Its unique indexes, however, are real PostgreSQL unique indexes. So before the update, the writer
 * inserts a claim keyed by (collection, document id, expected version): only one writer per version
 * gets it, and the loser waits for the claim to go and then re-reads. The claim is a lock record,
 * not a state change; the state change and its audit entry remain one update, whose filter still
 * carries the whole precondition (so MongoDB alone would be just as safe).
 */
interface WriteClaim {
  _id: string;
  at: Date;
}
const claimSchema = new Schema<WriteClaim>({ _id: String, at: Date }, { ...schemaOptions, collection: 'write_claims' });
export const writeClaimModel = (c: Connection) => modelOn(c, 'WriteClaim', claimSchema);

/** A claim older than this was left by a crashed writer between claim and update; it is taken over. */
const STALE_CLAIM_MS = 60_000;
const WAIT_STEP_MS = 5;
const WAIT_STEPS = 600;

export const isDuplicateKey = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && 'code' in e && (e as { code: unknown }).code === 11000;

export type GuardedResult<T> = { ok: true; doc: T } | { ok: false; reason: 'lost' | 'unmatched' | 'duplicate' };

export interface GuardedWrite<T> {
  model: Model<T>;
  id: Types.ObjectId;
  version: number;
  filter: Record<string, unknown>;
  update: Record<string, unknown>;
}

async function takeClaim(claims: Model<WriteClaim>, key: string, clock: Clock): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await claims.create({ _id: key, at: clock.now() });
      return true;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      const held = await claims.findById(key).lean<WriteClaim>();
      const stale = held && clock.now().getTime() - held.at.getTime() > STALE_CLAIM_MS;
      if (!stale) return false;
      await claims.deleteOne({ _id: key, at: held.at });
    }
  }
  return false;
}

/** Waits (bounded) until the winner of a claim has written and released it. */
async function awaitRelease(claims: Model<WriteClaim>, key: string): Promise<void> {
  for (let i = 0; i < WAIT_STEPS; i++) {
    if (!(await claims.exists({ _id: key }))) return;
    await sleep(WAIT_STEP_MS);
  }
}

/**
 * Applies one conditional update. `lost`: another writer holds this version (it has finished by
 * the time this returns); `unmatched`: the filter matched nothing; `duplicate`: a unique index refused it.
 */
export async function guardedUpdate<T>(connection: Connection, clock: Clock, w: GuardedWrite<T>): Promise<GuardedResult<T>> {
  const claims = writeClaimModel(connection);
  const key = `${w.model.collection.collectionName}:${String(w.id)}:${w.version}`;
  if (!(await takeClaim(claims, key, clock))) {
    await awaitRelease(claims, key);
    return { ok: false, reason: 'lost' };
  }
  try {
    const doc = await w.model.findOneAndUpdate(w.filter, w.update, { returnDocument: 'after' }).lean<T>();
    return doc ? { ok: true, doc } : { ok: false, reason: 'unmatched' };
  } catch (e) {
    if (isDuplicateKey(e)) return { ok: false, reason: 'duplicate' };
    throw e;
  } finally {
    await claims.deleteOne({ _id: key });
  }
}
