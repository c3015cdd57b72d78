import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { mongo } from 'mongoose';
import { MAX_DELIVERABLE_BYTES } from '../../../domain/files/deliverable.rules';
import { voucherIn } from '../../helpers/bot-vouchers';
import { createWorld, type World } from '../../domain/world';
import { useTestDatabase } from '../../helpers/db';
import { startEmailBot, type EmailBot } from '../../helpers/email-bot';
import { startFakeConnector } from '../../helpers/fake-connector';
import { turnDriver, type TurnDriver } from '../../helpers/turn-driver';

/**
 * Files attached in Teams (issue 10): real activities through /api/messages, Teams'
 * `downloadUrl` served by a real local HTTP server, the file stored in GridFS of the real
 * database, the follow-up sent through the outbox to a fake Bot Connector (a real HTTP server).
 */
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(40_000, 7), Buffer.from('\n%%EOF\n')]);
const EML = readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'emails', 'en-gmail-forward-qp.eml'));

async function startFileServer() {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    const bodies: Record<string, [string, Buffer]> = {
      '/plan.pdf': ['application/pdf', PDF],
      '/voucher.eml': ['message/rfc822', EML],
      '/huge.pdf': ['application/pdf', Buffer.alloc(MAX_DELIVERABLE_BYTES + 1, 1)],
    };
    const body = bodies[req.url ?? ''];
    res.statusCode = body ? 200 : 404;
    if (body) res.setHeader('content-type', body[0]);
    res.end(body?.[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (p: string) => `http://127.0.0.1:${port}${p}`,
    hits,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

describe('Files attached in Teams: voucher emails and planning deliverables', function () {
  this.timeout(60_000);
  const db = useTestDatabase('file-attachments');
  let w: World;
  let bot: EmailBot;
  let drive: TurnDriver;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let files: Awaited<ReturnType<typeof startFileServer>>;
  const tenantId = 'tenant-files';

  before(async () => {
    w = await createWorld(db.connection, 'files');
    bot = await startEmailBot(db.connection, w.clock);
    connector = await startFakeConnector();
    files = await startFileServer();
    drive = turnDriver(bot.url, connector.url);
    const reference = {
      channelId: 'msteams',
      serviceUrl: connector.url,
      bot: { id: '28:voucher-bot' },
      conversation: { id: `a:chat-${w.staffFr.aadObjectId}`, conversationType: 'personal', tenantId },
    };
    await bot.refs.remember({
      tenantId,
      aadObjectId: w.staffFr.aadObjectId,
      conversationId: `a:chat-${w.staffFr.aadObjectId}`,
      locale: 'en',
      reference,
    });
  });
  after(async () => {
    await bot?.stop();
    await connector?.close();
    await files?.close();
  });

  const staff = (locale = 'en-US') => ({ aadObjectId: w.staffFr.aadObjectId, tenantId, locale, name: w.staffFr.name });
  const attachment = (name: string, url: string) => ({
    contentType: 'application/vnd.microsoft.teams.file.download.info',
    name,
    content: { downloadUrl: url, uniqueId: randomUUID(), fileType: name.split('.').pop() },
  });

  /** Waits for the background job of this file, then sends what the outbox holds; returns what the person got. */
  async function followUp(fileName: string): Promise<string> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const job = await bot.files.jobs.model.findOne({ fileName }).sort({ createdAt: -1 }).lean();
      if (job?.state === 'done' && (await bot.outbox.model.countDocuments({ key: `file.outcome|${String(job._id)}` })) === 1) break;
      if (Date.now() > deadline) throw new Error(`the job of ${fileName} did not finish`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const before = connector.calls.length;
    await bot.outboxTick();
    return JSON.stringify(connector.calls.slice(before).map((c) => c.body)).replace(/\\\\([.\-()])/g, '$1');
  }

  it('answers a deliverable at once, then downloads it after the answer, stores it (GridFS, SHA-256) and sends the voucher card', async () => {
    const v = await voucherIn(w, 'scheduled');
    const answer = await drive.say(staff(), `complete ${v.number}`, { attachments: [attachment('plan.pdf', files.url('/plan.pdf'))] });
    assert.match(answer.readable, /Received plan\.pdf, reading…/);
    const told = await followUp('plan.pdf');
    assert.match(told, new RegExp(`plan\\.pdf is stored as the planning deliverable of voucher ${v.number}`));
    const stored = (await w.domain.vouchers.get(w.admin, String(v._id))).deliverables.find((d) => d.name === 'plan.pdf');
    assert.equal(stored?.sha256, createHash('sha256').update(PDF).digest('hex'));
    assert.equal(stored?.size, PDF.length);
    const bucket = new mongo.GridFSBucket(db.connection.db as mongo.Db, { bucketName: 'deliverables' });
    const chunks: Buffer[] = [];
    for await (const c of bucket.openDownloadStream(stored?.fileId as mongo.ObjectId)) chunks.push(c as Buffer);
    assert.ok(Buffer.concat(chunks).equals(PDF), 'the stored bytes are the file');
  });

  it('refuses a file over the size limit with a clear message, and stores nothing', async () => {
    const v = await voucherIn(w, 'scheduled');
    const answer = await drive.say(staff('fr-FR'), `terminer ${v.number}`, {
      attachments: [attachment('huge.pdf', files.url('/huge.pdf'))],
    });
    assert.match(answer.readable, /huge\.pdf reçu, lecture en cours…/);
    const told = await followUp('huge.pdf');
    assert.match(told, /huge\.pdf fait \d+ octets ; la limite est 26214400/);
    assert.equal((await w.domain.vouchers.get(w.admin, String(v._id))).deliverables.filter((d) => d.name === 'huge.pdf').length, 0);
  });

  it('refuses a file of another kind at once, without downloading it', async () => {
    const hits = files.hits.length;
    const answer = await drive.say(staff(), 'here', { attachments: [attachment('notes.txt', files.url('/notes.txt'))] });
    assert.match(answer.readable, /notes\.txt is neither a voucher email \(\.eml, \.msg\) nor a planning deliverable/);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(files.hits.length, hits);
    assert.equal(await bot.files.jobs.model.countDocuments({ fileName: 'notes.txt' }), 0);
  });

  it('a download link that fails is told clearly (send it again), nothing stored', async () => {
    const v = await voucherIn(w, 'scheduled');
    await drive.say(staff(), `complete ${v.number}`, { attachments: [attachment('gone.pdf', files.url('/expired.pdf'))] });
    assert.match(await followUp('gone.pdf'), /I could not download gone\.pdf from Teams/);
  });

  it('reads an attached .eml voucher email and sends the Voucher found card', async () => {
    const answer = await drive.say(staff(), '', { attachments: [attachment('voucher.eml', files.url('/voucher.eml'))] });
    assert.match(answer.readable, /Received voucher\.eml, reading…/);
    const told = await followUp('voucher.eml');
    assert.match(told, /GDI-0302-77AB-91CD/);
    assert.match(told, /voucher\.add/, 'the card offers to add it');
  });

  it('a job left by a stopped instance (recorded, never run) is finished by another one', async () => {
    const v = await voucherIn(w, 'scheduled');
    await bot.files.jobs.add({
      key: `left-${randomUUID()}`,
      partnerId: w.staffFr.partnerId,
      tenantId,
      aadObjectId: w.staffFr.aadObjectId,
      locale: 'en-US',
      fileName: 'left.pdf',
      downloadUrl: files.url('/plan.pdf'),
      hint: v.number,
    });
    assert.ok((await bot.files.runner.resume()) >= 1);
    assert.match(await followUp('left.pdf'), new RegExp(`left\\.pdf is stored as the planning deliverable of voucher ${v.number}`));
    assert.equal(await bot.files.runner.resume(), 0, 'nothing left to take');
  });

  it('in a channel, asks for a link or the personal chat (English and French)', async () => {
    const channel = { conversation: { id: '19:general@thread.tacv2', conversationType: 'channel', tenantId } };
    const en = await drive.say(staff(), 'plan', { ...channel, attachments: [attachment('plan.pdf', files.url('/plan.pdf'))] });
    assert.match(en.readable, /Share a SharePoint or OneDrive link to the document instead, or send me the file in our personal chat/);
    const fr = await drive.say(staff('fr-FR'), 'plan', { ...channel, attachments: [attachment('plan.pdf', files.url('/plan.pdf'))] });
    assert.match(fr.readable, /Partagez plutôt un lien SharePoint ou OneDrive/);
  });
});
