import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Schema, type Connection, type Model } from 'mongoose';
import type { Clock } from './clock';
import { modelOn, schemaOptions } from './model-registry';

/**
 * What the write path needs to know about the database server, and the write claim it takes
 * where the server needs one. Used only by domain/write.ts.
 *
 * MongoDB applies `findOneAndUpdate(filter, update)` atomically per document, so the precondition
 * in the filter is enough (`atomic`). FerretDB 1.24 on PostgreSQL does not: it selects the
 * document, applies the operators in Go and writes the whole row back by `_id`, so two concurrent
 * updates can both "match" and the later one overwrites the earlier (measured: 40 concurrent
 * conditional updates, 2 reported winners). Its unique indexes, however, are real PostgreSQL
 * unique indexes, so a writer first inserts a claim keyed by (collection, id, version): one writer
 * per version gets it, the others wait for it to go and re-read (`claim`).
 */
export type WriteMode = 'claim' | 'atomic';

export interface StoreInfo {
  server: 'ferretdb' | 'mongodb';
  /** The MongoDB version the server reports (FerretDB reports the one it emulates). */
  version: string;
  /** FerretDB's own version, when the server is FerretDB. */
  ferretdbVersion: string | null;
  writeMode: WriteMode;
}

/** Detected once per domain (connection), on first use; `forced` is for benchmarks. */
export interface StoreHandle {
  info(): Promise<StoreInfo>;
}

/** Not a refusal: the database answered something the write path cannot work with. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}

/** FerretDB names itself in `buildInfo` (`ferretdbVersion`, `ferretdbFeatures`); MongoDB does not. */
export async function detectStore(connection: Connection): Promise<StoreInfo> {
  const db = connection.db;
  if (!db) throw new StoreError('the database connection is not open');
  const info: Record<string, unknown> = await db.admin().command({ buildInfo: 1 });
  const version = typeof info.version === 'string' ? info.version : 'unknown';
  const ferret = Object.keys(info).some((k) => k.toLowerCase().startsWith('ferretdb'));
  if (!ferret) return { server: 'mongodb', version, ferretdbVersion: null, writeMode: 'atomic' };
  const ferretdbVersion = typeof info.ferretdbVersion === 'string' ? info.ferretdbVersion : 'unknown';
  return { server: 'ferretdb', version, ferretdbVersion, writeMode: 'claim' };
}

export function storeHandle(connection: Connection, forced?: WriteMode): StoreHandle {
  let detected: Promise<StoreInfo> | undefined;
  return {
    info() {
      detected ??= detectStore(connection).then((i) => (forced ? { ...i, writeMode: forced } : i));
      // A failed detection (database not up yet) is tried again on the next write.
      detected.catch(() => (detected = undefined));
      return detected;
    },
  };
}

/**
 * A unique-index clash, in both forms: MongoDB's code 11000 (FerretDB uses it for inserts too),
 * and FerretDB's update path, which passes PostgreSQL's unique violation through as
 * `InternalError` (code 1) with "(SQLSTATE 23505)" in the message.
 */
export function isDuplicateKey(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { code, codeName, errmsg, message } = e as { code?: unknown; codeName?: unknown; errmsg?: unknown; message?: unknown };
  if (code === 11000 || code === 11001) return true;
  const text = typeof errmsg === 'string' ? errmsg : typeof message === 'string' ? message : '';
  return code === 1 && codeName === 'InternalError' && text.includes('SQLSTATE 23505');
}

interface WriteClaim {
  _id: string;
  at: Date;
  token: string;
}
const claimSchema = new Schema<WriteClaim>({ _id: String, at: Date, token: String }, { ...schemaOptions, collection: 'write_claims' });
export const writeClaimModel = (c: Connection) => modelOn(c, 'WriteClaim', claimSchema);

/** A claim older than this was left by a writer that stopped between claim and update; it is taken over. */
const STALE_CLAIM_MS = 60_000;
const WAIT_STEP_MS = 5;
const WAIT_STEPS = 600;

export interface HeldClaim {
  key: string;
  token: string;
}

/** Inserts the claim of `key`; null when another writer holds it. */
export async function takeClaim(claims: Model<WriteClaim>, key: string, clock: Clock): Promise<HeldClaim | null> {
  const token = randomUUID();
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await claims.create({ _id: key, at: clock.now(), token });
      return { key, token };
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      const held = await claims.findById(key).lean<WriteClaim>();
      const stale = held && clock.now().getTime() - held.at.getTime() > STALE_CLAIM_MS;
      if (!stale) return null;
      await claims.deleteOne({ _id: key, token: held.token });
    }
  }
  return null;
}

/** Releases only the claim this writer took (a taken-over claim belongs to its new holder). */
export async function releaseClaim(claims: Model<WriteClaim>, held: HeldClaim): Promise<void> {
  await claims.deleteOne({ _id: held.key, token: held.token });
}

/** Waits (bounded) until the holder of a claim has written and released it. */
export async function awaitRelease(claims: Model<WriteClaim>, key: string): Promise<void> {
  for (let i = 0; i < WAIT_STEPS; i++) {
    if (!(await claims.exists({ _id: key }))) return;
    await sleep(WAIT_STEP_MS);
  }
}
