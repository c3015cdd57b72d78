import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { mongo, Types } from 'mongoose';
import { z } from 'zod';
import { invariant } from '../invariant';
import { lineText, objectIdString, voucherRef } from '../inputs';
import type { DomainDeps } from '../models';
import { checkActor } from '../person/actor';
import type { Actor } from '../person/person.model';
import { parseInput, refuse, Refusal } from '../refusal';
import { voucherResult, type VoucherResult } from '../result';
import { addDeliverableRule } from '../voucher/delivery.rules';
import type { Deliverable, Voucher } from '../voucher/voucher.model';
import { byLocationContact, changeVoucher, checkReader, loadVoucher, withExpectedState } from '../voucher/voucher.store';
import { checkFile, checkLink } from './deliverable.rules';

export const uploadInput = z.object({
  ...voucherRef,
  fileName: lineText(255),
  contentType: z.string().max(200),
  data: z.instanceof(Buffer),
});
export const openInput = z.object({ voucherId: objectIdString, deliverableId: objectIdString });
export const linkInput = z.object({ ...voucherRef, name: lineText(255), url: z.string().max(2000) });

const BUCKET = 'deliverables';

/** Customer planning deliverables: files in GridFS (SHA-256, size, type) or SharePoint/OneDrive links. */
export function deliverableService(deps: DomainDeps) {
  const bucket = () => {
    const db = deps.connection.db;
    invariant(db, 'the database connection is not open');
    return new mongo.GridFSBucket(db, { bucketName: BUCKET });
  };
  /** Staff of the holding location add deliverables (admins for any), to the voucher in the state they saw. */
  const addRule = (actor: Actor, d: Deliverable, expected: Voucher['state'] | null | undefined) =>
    withExpectedState(
      byLocationContact(deps, actor, (v, t) => addDeliverableRule(v, actor, d, t)),
      expected,
    );
  return {
    /** Stores the file, then records it on the voucher with one conditional update; undone if refused. */
    async upload(actor: Actor, raw: z.input<typeof uploadInput>): Promise<VoucherResult> {
      checkActor(actor);
      const i = parseInput(uploadInput, raw, deps.clock.now());
      const checked = checkFile(i.fileName, i.contentType, i.data.length);
      if (checked instanceof Refusal) throw checked;
      await loadVoucher(deps, actor.partnerId, i.voucherId);
      const sha256 = createHash('sha256').update(i.data).digest('hex');
      const fileId = new Types.ObjectId();
      const metadata = { partnerId: actor.partnerId, voucherId: i.voucherId, sha256, contentType: checked.contentType };
      await new Promise<void>((resolve, reject) => {
        Readable.from([i.data])
          .pipe(bucket().openUploadStreamWithId(fileId, i.fileName, { metadata }))
          .on('finish', () => resolve())
          .on('error', reject);
      });
      const deliverable: Deliverable = {
        _id: new Types.ObjectId(),
        kind: 'file',
        name: i.fileName,
        fileId,
        sha256,
        size: i.data.length,
        contentType: checked.contentType,
        url: null,
        addedBy: actor.aadObjectId,
        addedOn: deps.clock.now(),
      };
      try {
        return voucherResult(await changeVoucher(deps, actor, i.voucherId, addRule(actor, deliverable, i.expectedState)));
      } catch (e) {
        await bucket().delete(fileId);
        throw e;
      }
    },
    /** Records a link to the document in SharePoint or OneDrive (https only). */
    async addLink(actor: Actor, raw: z.input<typeof linkInput>): Promise<VoucherResult> {
      const i = parseInput(linkInput, raw, deps.clock.now());
      const refused = checkLink(i.url);
      if (refused) throw refused;
      const deliverable: Deliverable = {
        _id: new Types.ObjectId(),
        kind: 'link',
        name: i.name,
        fileId: null,
        sha256: null,
        size: null,
        contentType: null,
        url: i.url,
        addedBy: actor.aadObjectId,
        addedOn: deps.clock.now(),
      };
      return voucherResult(await changeVoucher(deps, actor, i.voucherId, addRule(actor, deliverable, i.expectedState)));
    },
    /** Opens a stored file of one of the actor's partner's vouchers. */
    async open(actor: Actor, raw: z.input<typeof openInput>): Promise<{ deliverable: Deliverable; stream: Readable }> {
      checkReader(actor);
      const { voucherId, deliverableId } = parseInput(openInput, raw);
      const v = await loadVoucher(deps, actor.partnerId, voucherId);
      const d = v.deliverables.find((x) => String(x._id) === deliverableId);
      if (!d?.fileId) throw refuse('DELIVERABLE_NOT_FOUND', { deliverableId });
      return { deliverable: d, stream: bucket().openDownloadStream(d.fileId) };
    },
  };
}
