import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { useTestDatabase } from '../../helpers/db';
import { refused } from '../refused';
import { createWorld, newVoucher, reserveFr, START, type World } from '../world';

describe('domain/files deliverables in GridFS (real database)', function () {
  const db = useTestDatabase('deliverables');
  let w: World;
  let voucherId: string;
  before(async () => {
    w = await createWorld(db.connection, 'files');
    w.clock.set(START);
    const v = await newVoucher(w);
    await reserveFr(w, v);
    await w.domain.vouchers.schedule(w.staffFr, {
      voucherId: String(v._id),
      start: '2025-03-10',
      end: '2025-03-11',
      consultantAadObjectId: w.staffFr.aadObjectId,
    });
    voucherId = String(v._id);
  });
  const upload = (fileName: string, contentType: string, data: Buffer) =>
    w.domain.deliverables.upload(w.staffFr, { voucherId, fileName, contentType, data });

  it('stores a PDF with its SHA-256, size and type, and reads it back', async () => {
    const data = Buffer.from('%PDF-1.7 planning deliverable');
    const { voucher: v } = await upload('Plan.pdf', 'application/pdf', data);
    const d = v.deliverables.at(-1);
    assert.equal(d?.sha256, createHash('sha256').update(data).digest('hex'));
    assert.deepEqual([d?.size, d?.contentType, d?.addedBy], [data.length, 'application/pdf', w.staffFr.aadObjectId]);
    const { stream } = await w.domain.deliverables.open(w.staffFr, { voucherId, deliverableId: String(d?._id) });
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    assert.deepEqual(Buffer.concat(chunks), data);
  });

  it('refuses other types, empty files and files over 25 MB with a clear reason', async () => {
    const e = await refused(upload('script.exe', 'application/octet-stream', Buffer.from('MZ')), 'FILE_TYPE_NOT_ALLOWED');
    assert.deepEqual(e.params, { fileName: 'script.exe', allowed: ['pdf', 'docx', 'pptx', 'xlsx', 'vsdx', 'zip'] });
    await refused(upload('plan.pdf', 'text/html', Buffer.from('<html>')), 'FILE_TYPE_NOT_ALLOWED');
    await refused(
      upload('plan.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', Buffer.alloc(0)),
      'FILE_EMPTY',
    );
    await refused(upload('big.zip', 'application/zip', Buffer.alloc(25 * 1024 * 1024 + 1)), 'FILE_TOO_LARGE');
    const files = await db.connection.collection('deliverables.files').countDocuments();
    assert.equal(files, 1);
  });

  it('accepts https SharePoint/OneDrive links only', async () => {
    await refused(
      w.domain.deliverables.addLink(w.staffFr, { voucherId, name: 'x', url: 'http://contoso.sharepoint.com/x' }),
      'LINK_NOT_ALLOWED',
    );
    await refused(
      w.domain.deliverables.addLink(w.staffFr, { voucherId, name: 'x', url: 'https://evil.example/sharepoint.com' }),
      'LINK_NOT_ALLOWED',
    );
    const { voucher: v } = await w.domain.deliverables.addLink(w.staffFr, {
      voucherId,
      name: 'Plan',
      url: 'https://contoso-my.sharepoint.com/personal/plan.docx',
    });
    assert.equal(v.deliverables.at(-1)?.kind, 'link');
  });

  it('removes the stored file when the voucher refuses it (wrong state)', async () => {
    const other = await newVoucher(w);
    await refused(
      w.domain.deliverables.upload(w.staffFr, {
        voucherId: String(other._id),
        fileName: 'a.pdf',
        contentType: 'application/pdf',
        data: Buffer.from('%PDF'),
      }),
      'VOUCHER_WRONG_STATE',
    );
    assert.equal(await db.connection.collection('deliverables.files').countDocuments({ filename: 'a.pdf' }), 0);
  });
});
