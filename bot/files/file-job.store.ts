import { Schema, Types, type Connection, type Model } from 'mongoose';
import type { Clock } from '../../domain/clock';
import { storeHandle } from '../../domain/store';
import { updateVersioned, upsertOne, type WriteDeps } from '../../domain/write';

/** How a job ended, for the message the person gets (bot/files/file-outcome.ts). */
export type FileOutcome = 'stored' | 'voucher-email' | 'not-voucher-email' | 'which-voucher' | 'download-failed' | 'refused';

/**
 * A file someone attached in Teams, to download after the turn has answered (issue 10, files).
 * In MongoDB so another instance, or this one after a restart, finishes it: a job whose lease
 * ran out is taken again, and one tried too often ends with a clear failure.
 */
export interface FileJob {
  _id: Types.ObjectId;
  /** Unique: the activity and the file, so a redelivered message makes no second job. */
  key: string;
  partnerId: Types.ObjectId;
  tenantId: string;
  aadObjectId: string;
  locale: string;
  fileName: string;
  downloadUrl: string;
  /** The message typed with the file (a voucher number, a command). */
  hint: string;
  state: 'pending' | 'done';
  attempts: number;
  leaseUntil: Date | null;
  outcome: FileOutcome | null;
  voucherId: string | null;
  /** The outcome's details as JSON text: the parsed voucher email, or a refusal's code and params. */
  result: string | null;
  createdAt: Date;
  version: number;
}

const schema = new Schema<FileJob>(
  {
    key: { type: String, required: true },
    partnerId: { type: Schema.Types.ObjectId, required: true },
    tenantId: String,
    aadObjectId: String,
    locale: String,
    fileName: String,
    downloadUrl: String,
    hint: { type: String, default: '' },
    state: { type: String, enum: ['pending', 'done'], required: true },
    attempts: { type: Number, default: 0 },
    leaseUntil: { type: Date, default: null },
    outcome: { type: String, default: null },
    voucherId: { type: String, default: null },
    result: { type: String, default: null },
    createdAt: { type: Date, required: true },
    version: { type: Number, default: 1 },
  },
  { autoIndex: false, autoCreate: false, versionKey: false, collection: 'file_jobs' },
);
schema.index({ key: 1 }, { unique: true });
schema.index({ state: 1, leaseUntil: 1 });

export type NewFileJob = Pick<FileJob, 'key' | 'partnerId' | 'tenantId' | 'aadObjectId' | 'locale' | 'fileName' | 'downloadUrl' | 'hint'>;

export function fileJobStore(connection: Connection, clock: Clock, leaseMs = 60_000) {
  const model: Model<FileJob> = (connection.models.FileJob as Model<FileJob> | undefined) ?? connection.model<FileJob>('FileJob', schema);
  const deps: WriteDeps = { connection, clock, store: storeHandle(connection) };
  const free = (now: Date) => ({ state: 'pending' as const, $or: [{ leaseUntil: null }, { leaseUntil: { $lte: now } }] });
  return {
    model,
    async ensureIndexes(): Promise<void> {
      await model.createCollection().catch((e: unknown) => {
        if (!(typeof e === 'object' && e !== null && 'codeName' in e && e.codeName === 'NamespaceExists')) throw e;
      });
      await model.createIndexes();
    },
    /** Records the job once per key; returns it (the first one's on a redelivery). */
    async add(job: NewFileJob): Promise<FileJob> {
      const insert = () => ({
        _id: new Types.ObjectId(),
        ...job,
        state: 'pending' as const,
        attempts: 0,
        leaseUntil: null,
        outcome: null,
        voucherId: null,
        result: null,
        createdAt: clock.now(),
      });
      const done = await upsertOne(deps, { model, filter: { key: job.key }, insert, change: () => null });
      if (!done.ok) throw new Error(`file job ${job.key} could not be recorded`);
      return done.doc;
    },
    /** Takes the job for this instance (one conditional update); null when another holds it or it is done. */
    async lease(id: Types.ObjectId): Promise<FileJob | null> {
      const now = clock.now();
      const job = await model.findOne({ _id: id, ...free(now) }).lean<FileJob>();
      if (!job) return null;
      const update = { $set: { leaseUntil: new Date(now.getTime() + leaseMs), attempts: job.attempts + 1 } };
      const taken = await updateVersioned(deps, { model, id, version: job.version, filter: free(now), update });
      return taken.ok ? taken.doc : null;
    },
    /** Jobs no instance holds (a restart, a crash): their ids, oldest first. */
    orphans: async (limit: number): Promise<Types.ObjectId[]> =>
      (await model.find(free(clock.now()), { _id: 1 }).sort({ createdAt: 1 }).limit(limit).lean<Pick<FileJob, '_id'>[]>()).map(
        (j) => j._id,
      ),
    async finish(job: FileJob, outcome: FileOutcome, detail: { voucherId?: string | null; result?: unknown } = {}): Promise<boolean> {
      const set = {
        state: 'done',
        leaseUntil: null,
        outcome,
        voucherId: detail.voucherId ?? null,
        result: detail.result === undefined ? null : JSON.stringify(detail.result),
      };
      const done = await updateVersioned(deps, {
        model,
        id: job._id,
        version: job.version,
        filter: { state: 'pending' },
        update: { $set: set },
      });
      return done.ok;
    },
    byId: (id: string): Promise<FileJob | null> => model.findById(id).lean<FileJob>(),
  };
}
export type FileJobStore = ReturnType<typeof fileJobStore>;
