import type { Connection, Model, Types, UpdateQuery } from 'mongoose';
import type { Clock } from './clock';
import { awaitRelease, isDuplicateKey, releaseClaim, StoreError, takeClaim, writeClaimModel, type StoreHandle } from './store';

/**
 * The one write path (STYLE.md §4): every update of a stored document goes through this module,
 * and lint keeps `updateOne`, `updateMany`, `findOneAndUpdate`, `findByIdAndUpdate`, `replaceOne`
 * and `save` out of every other file. Every update is conditional, bumps the document's `version`
 * and, on a server that rewrites whole documents (FerretDB), is made under the write claim of the
 * version it read (domain/store.ts). Inserts need no claim: a unique index settles them.
 */
export interface WriteDeps {
  connection: Connection;
  clock: Clock;
  store: StoreHandle;
}

export { isDuplicateKey } from './store';

/**
 * How many writes this process has made to each collection through this module. A cache of reads
 * (bot/routing/read-cache.ts) keeps an entry only while the generations it was read at are
 * unchanged, so this process never serves a read older than its own last write.
 */
const generations = new Map<string, number>();
export const writeGeneration = (collection: string): number => generations.get(collection) ?? 0;
function wrote(model: { collection: { collectionName: string } }): void {
  const name = model.collection.collectionName;
  generations.set(name, writeGeneration(name) + 1);
}

export type Update = UpdateQuery<unknown> & { $inc?: Record<string, number> };

export type WriteResult<T> = { ok: true; doc: T } | { ok: false; reason: 'lost' | 'unmatched' | 'duplicate' };

export interface VersionedWrite<T> {
  model: Model<T>;
  id: Types.ObjectId;
  /** The version read; `undefined` for a document written before versions existed. */
  version: number | undefined;
  /** The whole precondition (partner scope included); `_id` and `version` are added. */
  filter: Record<string, unknown>;
  update: Update;
}

/** Bumps `version` (a document without one gets 1), keeping the caller's other increments. */
const bumped = (update: Update): Update => ({ ...update, $inc: { ...update.$inc, version: 1 } });
const versionMatch = (version: number | undefined) => (version === undefined ? { version: { $exists: false } } : { version });

/**
 * One conditional update of a document whose version the caller read. `lost`: another writer held
 * this version (it has finished by the time this returns); `unmatched`: the filter matched nothing
 * (precondition or version changed); `duplicate`: a unique index refused it.
 */
export async function updateVersioned<T>(deps: WriteDeps, w: VersionedWrite<T>): Promise<WriteResult<T>> {
  return underClaim(deps, w, () => applyUpdate(w), { ok: false, reason: 'lost' });
}

/**
 * Runs one write of the document's version: directly where the server is atomic per document,
 * else under the claim of (collection, id, version). `lost` is returned, once the holder has
 * finished, when another writer holds that claim.
 */
async function underClaim<T, R>(
  deps: WriteDeps,
  w: Pick<VersionedWrite<T>, 'model' | 'id' | 'version'>,
  write: () => Promise<R>,
  lost: R,
): Promise<R> {
  const { writeMode } = await deps.store.info();
  if (writeMode === 'atomic') return write();
  const claims = writeClaimModel(deps.connection);
  const key = `${w.model.collection.collectionName}:${String(w.id)}:${w.version ?? 0}`;
  const held = await takeClaim(claims, key, deps.clock);
  if (!held) {
    await awaitRelease(claims, key);
    return lost;
  }
  try {
    return await write();
  } finally {
    await releaseClaim(claims, held);
  }
}

async function applyUpdate<T>(w: VersionedWrite<T>): Promise<WriteResult<T>> {
  const filter = { ...w.filter, _id: w.id, ...versionMatch(w.version) };
  try {
    const doc = await w.model.findOneAndUpdate(filter, bumped(w.update), { returnDocument: 'after' }).lean<T>();
    return doc ? { ok: true, doc } : { ok: false, reason: 'unmatched' };
  } catch (e) {
    if (isDuplicateKey(e)) return { ok: false, reason: 'duplicate' };
    throw e;
  } finally {
    wrote(w.model);
  }
}

interface Stored {
  _id: Types.ObjectId;
  version?: number;
}

/** What to change in the document as read now; null: nothing to change. May throw a Refusal. */
export type Change<T> = (current: T) => Update | null;

export interface CurrentWrite<T> {
  model: Model<T>;
  /** Selects one document and holds the precondition; read again before every attempt. */
  filter: Record<string, unknown>;
  change: Change<T>;
}

export type CurrentResult<T> = { ok: true; doc: T } | { ok: false; reason: 'missing' | 'duplicate' };

/** Enough for any realistic contention; each lost attempt means another writer made progress. */
const MAX_ATTEMPTS = 100;

/**
 * Reads the document the filter selects, asks `change` what to update in it, and writes that
 * conditionally on the version read. When another writer changed the document in between, it reads
 * again and asks `change` again (which re-checks its rule on the new document): this is for changes
 * that commute with others (tick one checklist item, add a message id, decide a pending approval),
 * so no one's write is lost and none is applied twice. `missing`: the filter selects nothing (now).
 */
export async function updateCurrent<T>(deps: WriteDeps, w: CurrentWrite<T>): Promise<CurrentResult<T>> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await w.model.findOne(w.filter).lean<T & Stored>();
    if (!current) return { ok: false, reason: 'missing' };
    const update = w.change(current);
    if (!update) return { ok: true, doc: current };
    const r = await updateVersioned(deps, { model: w.model, id: current._id, version: current.version, filter: w.filter, update });
    if (r.ok) return r;
    if (r.reason === 'duplicate') return { ok: false, reason: 'duplicate' };
  }
  throw new StoreError(`${w.model.collection.collectionName}: ${MAX_ATTEMPTS} writers in a row changed the document first`);
}

export interface Upsert<T> extends CurrentWrite<T> {
  /** The document to insert when the filter selects none (its `version` is set to 1). */
  insert: () => Omit<T, 'version'>;
}

export type UpsertResult<T> = { ok: true; doc: T; created: boolean } | { ok: false; reason: 'duplicate' };

/**
 * Updates the document the filter selects, or inserts one. Not a server-side upsert: FerretDB
 * rewrites whole documents, and an insert is settled by the unique index whoever comes first.
 */
export async function upsertOne<T>(deps: WriteDeps, w: Upsert<T>): Promise<UpsertResult<T>> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const r = await updateCurrent(deps, w);
    if (r.ok) return { ...r, created: false };
    if (r.reason === 'duplicate') return { ok: false, reason: 'duplicate' };
    const doc = { ...w.insert(), version: 1 };
    try {
      // The stored form, schema defaults included, as a read would return it.
      const created = await w.model.create(doc as unknown as Parameters<Model<T>['create']>[0]);
      return { ok: true, doc: created.toObject() as T, created: true };
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    } finally {
      wrote(w.model);
    }
  }
  return { ok: false, reason: 'duplicate' };
}

export interface EachWrite<T> {
  model: Model<T>;
  /** Selects the documents and holds each one's precondition. */
  filter: Record<string, unknown>;
  update: Update;
  /** Documents read per page; the page's updates run `parallel` at a time. */
  batch?: number;
  parallel?: number;
}

/**
 * The same conditional update of every document the filter selects; returns how many changed.
 * On MongoDB that is one `updateMany` (atomic per document). On FerretDB an `updateMany` would
 * rewrite documents it read before a concurrent write, so each document is updated through the
 * claim, a page at a time (ids in ascending order, so the walk ends whatever happens meanwhile).
 */
export async function updateEach<T>(deps: WriteDeps, w: EachWrite<T>): Promise<number> {
  const { writeMode } = await deps.store.info();
  if (writeMode === 'atomic') {
    try {
      return (await w.model.updateMany(w.filter, bumped(w.update))).modifiedCount;
    } finally {
      wrote(w.model);
    }
  }
  const batch = w.batch ?? 200;
  const parallel = w.parallel ?? 8;
  let changed = 0;
  let after: Types.ObjectId | null = null;
  for (;;) {
    const page: Stored[] = await w.model
      .find({ ...w.filter, ...(after ? { _id: { $gt: after } } : {}) }, { _id: 1, version: 1 })
      .sort({ _id: 1 })
      .limit(batch)
      .lean<Stored[]>();
    const last = page.at(-1);
    if (!last) return changed;
    after = last._id;
    for (let i = 0; i < page.length; i += parallel) {
      const results = await Promise.all(page.slice(i, i + parallel).map((d) => updateOneOfEach(deps, w, d)));
      changed += results.filter(Boolean).length;
    }
  }
}

/** One document of `updateEach`; changed by someone else since the page was read, it is read again. */
async function updateOneOfEach<T>(deps: WriteDeps, w: EachWrite<T>, d: Stored): Promise<boolean> {
  const r = await updateVersioned(deps, { model: w.model, id: d._id, version: d.version, filter: w.filter, update: w.update });
  if (r.ok || r.reason === 'duplicate') return r.ok;
  const again = await updateCurrent(deps, { model: w.model, filter: { ...w.filter, _id: d._id }, change: () => w.update });
  return again.ok;
}

/**
 * Deletes one document whose version the caller read, if its precondition still holds. Under the
 * claim on FerretDB, so it cannot remove a document another writer has just changed.
 */
export async function removeVersioned<T>(deps: WriteDeps, w: Omit<VersionedWrite<T>, 'update'>): Promise<boolean> {
  const remove = async () => {
    try {
      return (await w.model.deleteOne({ ...w.filter, _id: w.id, ...versionMatch(w.version) })).deletedCount === 1;
    } finally {
      wrote(w.model);
    }
  };
  return underClaim(deps, w, remove, false);
}
