import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import en from '../../../cards/i18n/en.json';
import { systemActor } from '../../../domain/person/person.service';
import { createWorld, type World } from '../../domain/world';
import { useTestDatabase } from '../../helpers/db';
import { startEmailBot, type EmailBot } from '../../helpers/email-bot';
import { startFakeConnector } from '../../helpers/fake-connector';
import { request } from '../../helpers/http';
import { turnDriver, type TurnDriver } from '../../helpers/turn-driver';

/**
 * One customer's voucher from their email to its deliverable, through /api/messages only: the
 * customer forwards the notice in German, staff reserve from the channel card, the customer is
 * told by email in German, staff attach the planning deliverable in their personal chat.
 */
describe('A customer forwards a voucher; staff reserve it from the channel card and attach the deliverable', function () {
  this.timeout(60_000);
  const db = useTestDatabase('customer-flow');
  let w: World;
  let bot: EmailBot;
  let drive: TurnDriver;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let files: http.Server;
  let filesUrl = '';
  const tenantId = 'tenant-flow';
  const MAILBOX = 'vouchers@flow-mail.test';
  const CHANNEL = '19:flow-staff@thread.tacv2';
  const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2_000, 3)]);

  before(async () => {
    w = await createWorld(db.connection, 'flow');
    bot = await startEmailBot(db.connection, w.clock);
    connector = await startFakeConnector();
    drive = turnDriver(bot.url, connector.url);
    files = http.createServer((_req, res) => res.end(PDF));
    await new Promise<void>((r) => files.listen(0, '127.0.0.1', r));
    filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}/plan.pdf`;
    await bot.email.mailboxes.set(systemActor(w.admin.partnerId), { address: MAILBOX, staffChannelId: CHANNEL });
  });
  after(async () => {
    await bot?.stop();
    await connector?.close();
    files?.closeAllConnections();
    files?.close();
  });

  const inChannel = {
    conversation: { id: `${CHANNEL};messageid=42`, conversationType: 'channel', isGroup: true, tenantId },
    channelData: { tenant: { id: tenantId }, channel: { id: CHANNEL } },
  };
  const posted = (conversationId: string) =>
    connector.calls
      .filter((c) => c.path.includes(encodeURIComponent(conversationId)))
      .map((c) => c.body as { text?: string; channelData?: { subject?: string }; attachments?: Array<{ content: unknown }> });

  it('runs from the email to the stored deliverable', async () => {
    const who = { aadObjectId: w.staffFr.aadObjectId, tenantId, locale: 'en-US' };
    // The bot was added to the staff channel: someone spoke there, so its reference is stored.
    await drive.say(who, 'help', inChannel);
    const number = `FLOW-${randomUUID().slice(0, 6).toUpperCase()}`;
    const conv = `conv-${randomUUID()}`;
    const notice = `Guten Tag,\n\nGutscheinnummer: ${number}\nProgramm: Planungsdienste für die Azure-Bereitstellung\nAnzahl der Tage: 5 Tage\nKundenname: Fabrikam GmbH\nGutscheinadministrator: it@fabrikam.test\nErstellt am: 01.03.2025\nGültig bis: 28.08.2025`;
    const mail = {
      type: 'message',
      id: `m-${randomUUID()}`,
      channelId: 'email',
      serviceUrl: connector.url,
      from: { id: 'it@fabrikam.test' },
      recipient: { id: MAILBOX },
      conversation: { id: conv },
      text: notice,
      channelData: { subject: 'WG: Gutschein', htmlBody: '' },
    };
    assert.equal((await request(bot.url, { body: mail })).status, 200);
    assert.equal(posted(conv)[0]?.channelData?.subject, `Gutschein ${number} erhalten`);

    await bot.outboxTick();
    const card = posted(CHANNEL).find((b) => JSON.stringify(b).includes(number))?.attachments?.[0]?.content;
    const reserveForm = JSON.stringify(card).match(/"verb":"voucher\.reserve-form","data":(\{[^}]*\})/);
    assert.ok(reserveForm?.[1], 'the channel card has Reserve');
    const form = await drive.click(who, 'voucher.reserve-form', JSON.parse(reserveForm[1]) as Record<string, unknown>, inChannel);
    const done = await drive.submit(who, form, en.button.reserve, {
      locationId: 'FR-PAR',
      termsAccepted: 'true',
      engagementCountry: 'FR',
      voucherAdminEmail: 'it@fabrikam.test',
    });
    assert.match(done.readable, /Reserved/i);

    await bot.email.checkReservations();
    await bot.outboxTick();
    assert.ok(
      posted(conv).some((m) => m.channelData?.subject === `Gutschein ${number} reserviert`),
      'the customer is told in German',
    );

    const v = (await w.domain.queries.search(w.admin, number, { limit: 1 }))[0];
    assert.ok(v);
    await w.domain.vouchers.schedule(w.staffFr, {
      voucherId: String(v._id),
      start: '2025-03-10',
      end: '2025-03-14',
      consultantAadObjectId: w.staffFr.aadObjectId,
    });
    const attach = {
      contentType: 'application/vnd.microsoft.teams.file.download.info',
      name: 'plan.pdf',
      content: { downloadUrl: filesUrl, uniqueId: randomUUID() },
    };
    const received = await drive.say(who, `complete ${number}`, { attachments: [attach] });
    assert.match(received.readable, /Received plan\.pdf, reading…/);
    for (let i = 0; i < 200 && (await w.domain.vouchers.get(w.admin, String(v._id))).deliverables.length === 0; i++)
      await new Promise((r) => setTimeout(r, 50));
    assert.equal((await w.domain.vouchers.get(w.admin, String(v._id))).deliverables[0]?.name, 'plan.pdf');
  });
});
