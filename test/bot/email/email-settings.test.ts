import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createWorld, type World } from '../../domain/world';
import { useTestDatabase } from '../../helpers/db';
import { startEmailBot, type EmailBot } from '../../helpers/email-bot';
import { startFakeConnector } from '../../helpers/fake-connector';
import { request } from '../../helpers/http';
import { turnDriver, type TurnDriver } from '../../helpers/turn-driver';

/** An admin sets the customer mailbox and the New voucher channel in chat (EN and FR), through /api/messages. */
describe('Email settings in chat: customer mailbox and new vouchers channel', function () {
  this.timeout(60_000);
  const db = useTestDatabase('email-settings');
  let w: World;
  let bot: EmailBot;
  let drive: TurnDriver;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  const tenantId = 'tenant-eset';
  const channel = {
    conversation: { id: '19:sales@thread.tacv2;messageid=1', conversationType: 'channel', isGroup: true, tenantId },
    channelData: { tenant: { id: tenantId }, channel: { id: '19:sales@thread.tacv2' } },
  };

  before(async () => {
    w = await createWorld(db.connection, 'eset');
    bot = await startEmailBot(db.connection, w.clock);
    connector = await startFakeConnector();
    drive = turnDriver(bot.url, connector.url);
  });
  after(async () => {
    await bot?.stop();
    await connector?.close();
  });
  const as = (who: { aadObjectId: string }, locale = 'en-US') => ({ aadObjectId: who.aadObjectId, tenantId, locale });

  it('the channel needs a mailbox first, then a staff member may not set it, an admin may (in the channel only)', async () => {
    const early = await drive.say(as(w.admin), 'new vouchers channel here', channel);
    assert.match(early.readable, /Set the customer mailbox first: write customer mailbox followed by its address/);
    const set = await drive.say(as(w.admin), 'customer mailbox Vouchers@Eset-Mail.test');
    assert.match(set.readable, /Customer emails sent to vouchers@eset-mail\.test now come to this partner/);
    const staff = await drive.say(as(w.staffFr), 'new vouchers channel here', channel);
    assert.doesNotMatch(staff.readable, /now gets a card/);
    const personal = await drive.say(as(w.admin), 'new vouchers channel here');
    assert.match(personal.readable, /Run "new vouchers channel here" in the channel/);
    const fr = await drive.say(as(w.admin, 'fr-FR'), 'canal nouveaux bons ici', channel);
    assert.match(fr.readable, /Ce canal reçoit désormais une carte pour chaque bon/);
    const box = await bot.email.mailboxes.byAddress(['vouchers@eset-mail.test']);
    assert.equal(box?.staffChannelId, '19:sales@thread.tacv2');
  });

  it('an email to the mailbox set in chat is taken in and the card goes to that channel', async () => {
    const number = `PS-ES-${randomUUID().slice(0, 6).toUpperCase()}`;
    const body = `Voucher Number: ${number}\nProgram: Azure Deployment Planning Services\nNumber of Days: 5\nCustomer Name: Eset Customer\nVoucher Administrator: it@eset-customer.test\nDate Created: 3/1/2025\nExpiration Date: 8/28/2025`;
    const res = await request(bot.url, {
      body: {
        type: 'message',
        id: `m-${randomUUID()}`,
        channelId: 'email',
        serviceUrl: connector.url,
        from: { id: 'it@eset-customer.test' },
        recipient: { id: 'vouchers@eset-mail.test' },
        conversation: { id: `conv-${randomUUID()}` },
        text: body,
        channelData: { subject: 'FW: voucher', htmlBody: '' },
      },
    });
    assert.equal(res.status, 200);
    const records = await bot.outbox.model.find({ 'payload.kind': 'voucher.new' }).lean();
    assert.deepEqual(
      records.map((r) => r.target),
      [{ kind: 'conversation', conversationId: '19:sales@thread.tacv2' }],
    );
  });
});
