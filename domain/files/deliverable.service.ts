import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { mongo, Types } from 'mongoose';
import { z } from 'zod';
import { objectIdString, text } from '../inputs';
import type { DomainDeps } from '../models';
import type { Actor } from '../person/person.model';
import { parseInput, refuse, Refusal } from '../refusal';
import { addDeliverableRule } from '../voucher/delivery.rules';
import type { Deliverable, Voucher } from '../voucher/voucher.model';
import { changeVoucher, loadVoucher } from '../voucher/voucher.service';
import { checkFile, checkLink } from './deliverable.rules';

export const uploadInput = z.object({
  voucherId: objectIdString,
  fileName: text(255),
  contentType: z.string().max(200),
  data: z.instanceof(Buffer),
});
export const linkInput = z.object({ voucherId: objectIdString, name: text(255), url: z.string().max(2000) });

const BUCKET = 'deliverables';

/** Customer planning deliverables: files in GridFS (SHA-256, size, type) or SharePoint/OneDrive links. */
export function deliverableService(deps: DomainDeps) {
  const bucket = () => {
    const db = deps.connection.db;
    if (!db) throw new Error('the database connection is not open');
    return new mongo.GridFSBucket(db, { bucketName: BUCKET });
  };
  return {
    /** Stores the file, then records it on the voucher with one conditional update; undone if refused. */
    async upload(actor: Actor, raw: z.input<typeof uploadInput>): Promise<Voucher> {
      const i = parseInput(uploadInput, raw);
      const checked = checkFile(i.fileName, i.contentType, i.data.length);
      if (checked instanceof Refusal) throw checked;
      await loadVoucher(deps, actor.partnerId, i.voucherId);
      const sha256 = createHash('sha256').update(i.data).digest('hex');
      const fileId = new Types.ObjectId();
      const metadata = { partnerId: actor.partnerId, voucherId: i.voucherId, sha256, contentType: checked.contentType };
      await new Promise<void>((resolve, reject) => {
        Readable.from([i.data]).pipe(bucket().openUploadStreamWithId(fileId, i.fileName, { metadata })).on('finish', () => resolve()).on('error', reject);
      });
      const deliverable: Deliverable = {
        _id: new Types.ObjectId(), kind: 'file', name: i.fileName, fileId, sha256, size: i.data.length,
        contentType: checked.contentType, url: null, addedBy: actor.aadObjectId, addedOn: deps.clock.now(),
      };
      try {
        return await changeVoucher(deps, actor, i.voucherId, (v, t) => addDeliverableRule(v, actor, deliverable, t));
      } catch (e) {
        await bucket().delete(fileId);
        throw e;
      }
    },
    /** Records a link to the document in SharePoint or OneDrive (https only). */
    async addLink(actor: Actor, raw: z.input<typeof linkInput>): Promise<Voucher> {
      const i = parseInput(linkInput, raw);
      const refused = checkLink(i.url);
      if (refused) throw refused;
      const deliverable: Deliverable = {
        _id: new Types.ObjectId(), kind: 'link', name: i.name, fileId: null, sha256: null, size: null,
        contentType: null, url: i.url, addedBy: actor.aadObjectId, addedOn: deps.clock.now(),
      };
      return changeVoucher(deps, actor, i.voucherId, (v, t) => addDeliverableRule(v, actor, deliverable, t));
    },
    /** Opens a stored file of one of the actor's partner's vouchers. */
    async open(actor: Actor, voucherId: string, deliverableId: string): Promise<{ deliverable: Deliverable; stream: Readable }> {
      const v = await loadVoucher(deps, actor.partnerId, voucherId);
      const d = v.deliverables.find((x) => String(x._id) === deliverableId);
      if (!d?.fileId) throw refuse('DELIVERABLE_NOT_FOUND', { deliverableId });
      return { deliverable: d, stream: bucket().openDownloadStream(d.fileId) };
    },
  };
}
