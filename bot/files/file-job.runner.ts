import type { Types } from 'mongoose';
import type { Actor, Domain } from '../../domain/domain';
import { isRefusal } from '../../domain/domain';
import { checkFile, MAX_DELIVERABLE_BYTES } from '../../domain/files/deliverable.rules';
import { analyseVoucherEmail } from '../../domain/intake/parse-voucher-email';
import type { Enqueue } from '../email/staff-notice';
import type { Logger } from '../log';
import { download } from './download';
import type { FileJob, FileJobStore, FileOutcome } from './file-job.store';

/** The outbox kind of the message that tells the person how their file went. */
export const FILE_OUTCOME_KIND = 'file.outcome';
/** A job tried this often (a crash each time, say) ends as a failed download rather than loop. */
const MAX_ATTEMPTS = 3;
const EMAIL_MAX_BYTES = 8 * 1024 * 1024;

export const isVoucherEmailFile = (name: string): boolean => /\.(eml|msg)$/i.test(name);
/** A file the bot can take at all, judged by its name before anything is downloaded. */
export const isKnownFile = (name: string): boolean => isVoucherEmailFile(name) || !isRefusal(checkFile(name, '', 1));

type Ended = { outcome: FileOutcome; voucherId?: string | null; result?: unknown };

/** The voucher a deliverable belongs to: a number typed with it, else the one voucher the person has scheduled. */
async function voucherFor(domain: Domain, actor: Actor, hint: string): Promise<string | null> {
  for (const token of hint
    .split(/\s+/)
    .filter((t) => t.length >= 4)
    .slice(0, 10)) {
    const found = (await domain.queries.search(actor, token, { limit: 2 })).find((v) => v.number.toLowerCase() === token.toLowerCase());
    if (found) return String(found._id);
  }
  const scheduled = await domain.queries.byState(actor, ['scheduled'], { limit: 2 });
  return scheduled.length === 1 && scheduled[0] ? String(scheduled[0]._id) : null;
}

async function storeDeliverable(domain: Domain, actor: Actor, job: FileJob, data: Buffer, contentType: string): Promise<Ended> {
  const voucherId = await voucherFor(domain, actor, job.hint);
  if (!voucherId) return { outcome: 'which-voucher' };
  try {
    await domain.deliverables.upload(actor, { voucherId, fileName: job.fileName, contentType, data });
    return { outcome: 'stored', voucherId };
  } catch (error) {
    if (!isRefusal(error)) throw error;
    return { outcome: 'refused', voucherId, result: { code: error.code, params: error.params } };
  }
}

async function work(domain: Domain, job: FileJob): Promise<Ended> {
  const email = isVoucherEmailFile(job.fileName);
  const got = await download(job.downloadUrl, email ? EMAIL_MAX_BYTES : MAX_DELIVERABLE_BYTES);
  if (!got.ok && got.reason === 'too-large') {
    return {
      outcome: 'refused',
      result: {
        code: 'FILE_TOO_LARGE',
        params: { fileName: job.fileName, size: got.size, maxBytes: email ? EMAIL_MAX_BYTES : MAX_DELIVERABLE_BYTES },
      },
    };
  }
  if (!got.ok) return { outcome: 'download-failed' };
  const actor = await domain.people.resolveActor(job.partnerId, job.aadObjectId);
  if (!email) return storeDeliverable(domain, actor, job, got.data, got.contentType);
  const analysis = await analyseVoucherEmail(got.data);
  if (analysis.verdict !== 'planning_voucher') return { outcome: 'not-voucher-email' };
  return { outcome: 'voucher-email', result: analysis };
}

/**
 * Finishes attached files after the turn answered "Received, reading…": download, store through
 * the domain, then tell the person through the outbox (the voucher's card, or why not).
 */
export function fileJobRunner(deps: { domain: Domain; jobs: FileJobStore; enqueue: Enqueue; log: Logger }) {
  async function run(id: Types.ObjectId): Promise<void> {
    const job = await deps.jobs.lease(id);
    if (!job) return;
    let ended: Ended;
    try {
      ended = job.attempts > MAX_ATTEMPTS ? { outcome: 'download-failed' } : await work(deps.domain, job);
    } catch (error) {
      // The lease runs out and the job is taken again, up to MAX_ATTEMPTS; then it fails clearly.
      deps.log.error({ err: error, fileJobId: String(id), attempts: job.attempts }, 'an attached file could not be processed');
      return;
    }
    // The message first (its key makes it one), then the job's end: a stop between the two runs the job again, and nothing is lost.
    const data = {
      jobId: String(id),
      outcome: ended.outcome,
      voucherId: ended.voucherId ?? null,
      result: ended.result === undefined ? null : JSON.stringify(ended.result),
    };
    await deps.enqueue([
      {
        key: `${FILE_OUTCOME_KIND}|${String(id)}`,
        target: { kind: 'person', tenantId: job.tenantId, aadObjectId: job.aadObjectId },
        kind: FILE_OUTCOME_KIND,
        data,
      },
    ]);
    if (!(await deps.jobs.finish(job, ended.outcome, ended))) return;
    deps.log.info({ fileJobId: String(id), outcome: ended.outcome }, 'attached file processed');
  }
  return {
    run,
    /** Runs a job in the background (the turn has answered already); failures are logged, never thrown. */
    start(id: Types.ObjectId): void {
      setImmediate(() => void run(id).catch((error: unknown) => deps.log.error({ err: error, fileJobId: String(id) }, 'file job failed')));
    },
    /** Takes up jobs no instance holds (after a restart); returns how many it ran. */
    async resume(limit = 10): Promise<number> {
      const ids = await deps.jobs.orphans(limit);
      for (const id of ids) await run(id);
      return ids.length;
    },
  };
}
export type FileJobRunner = ReturnType<typeof fileJobRunner>;
