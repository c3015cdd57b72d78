import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { customerContactStore } from '../../../bot/email/customer-contact.store';
import { notifyReservedCustomers } from '../../../bot/email/reservation-notice';
import { systemActor } from '../../../domain/person/person.service';
import type { Voucher } from '../../../domain/domain';
import { createWorld, reserveFr, type World } from '../../domain/world';
import { useTestDatabase } from '../../helpers/db';
import { startEmailBot, type EmailBot } from '../../helpers/email-bot';
import { startFakeConnector } from '../../helpers/fake-connector';
import { request } from '../../helpers/http';

/**
 * The Email channel end to end: real activities posted to /api/messages with `channelId: "email"`,
 * replies and outbox sends recorded by a fake Bot Connector (a real local HTTP server), the
 * database real. The world's clock stands on 2025-03-03.
 */
const MAILBOX = 'vouchers@partner-mail.test';
const STAFF_CHANNEL = '19:staff-channel@thread.tacv2';
const ADMIN = 'it-admin@customer.test';

type Lang = 'en' | 'fr' | 'de';
const NOTICE: Record<Lang, (n: string) => string> = {
  en: (n) =>
    `Hello,\n\nplease find our voucher below.\n\nVoucher Number: ${n}\nProgram: Azure Deployment Planning Services\nNumber of Days: 5\nCustomer Name: Wingtip Toys\nAgreement Number: 44556677\nVoucher Administrator: ${ADMIN}\nDate Created: 3/1/2025\nExpiration Date: 8/28/2025`,
  fr: (n) =>
    `Bonjour,\n\nvoici notre bon.\n\nBon n° : ${n}\nOffre : Services de planification du déploiement Azure\nDurée : 5 jours de planification\nSociété : Les Bois Joyeux SARL\nN° de contrat : 4455 6677\nAdministrateur des bons : ${ADMIN}\nCréé le : 1 mars 2025\nValable jusqu'au : 28 août 2025`,
  de: (n) =>
    `Hallo,\n\nanbei der Gutschein.\n\nGutscheinnummer: ${n}\nProgramm: Planungsdienste für die Azure-Bereitstellung\nAnzahl der Tage: 5 Tage\nKundenname: Fabrikam GmbH\nVertragsnummer: 8800 1234\nGutscheinadministrator: ${ADMIN}\nErstellt am: 01.03.2025\nGültig bis: 28.08.2025`,
};

describe('Email channel: customers forward vouchers to the partner mailbox', function () {
  this.timeout(60_000);
  const db = useTestDatabase('email-channel');
  let w: World;
  let bot: EmailBot;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;

  before(async () => {
    w = await createWorld(db.connection, 'mail');
    bot = await startEmailBot(db.connection, w.clock);
    connector = await startFakeConnector();
    await bot.email.mailboxes.set(systemActor(w.admin.partnerId), { address: MAILBOX, staffChannelId: STAFF_CHANNEL });
    // The staff channel as H10's store keeps it once the bot has been there.
    await bot.refs.remember({
      tenantId: 'tenant-mail',
      aadObjectId: null,
      conversationId: STAFF_CHANNEL,
      locale: 'en-US',
      reference: channelReference(connector.url),
    });
  });
  after(async () => {
    await bot?.stop();
    await connector?.close();
  });

  function channelReference(serviceUrl: string): Record<string, unknown> {
    return {
      channelId: 'msteams',
      serviceUrl,
      bot: { id: '28:voucher-bot', name: 'Voucher bot' },
      conversation: { id: STAFF_CHANNEL, conversationType: 'channel', isGroup: true },
    };
  }

  function email(
    from: string,
    body: string,
    extra: { subject?: string; channelData?: Record<string, unknown>; id?: string; conversationId?: string; to?: string } = {},
  ) {
    return {
      type: 'message',
      id: extra.id ?? `mail-${randomUUID()}`,
      channelId: 'email',
      serviceUrl: connector.url,
      from: { id: from, name: from.split('@')[0] },
      recipient: { id: extra.to ?? MAILBOX, name: 'Vouchers' },
      conversation: { id: extra.conversationId ?? `conv-${randomUUID()}` },
      text: body,
      channelData: { subject: extra.subject ?? 'FW: Voucher', htmlBody: `<div>${body.replace(/\n/g, '<br>')}</div>`, ...extra.channelData },
    };
  }

  /** Posts like the Email channel (no expectReplies): answers go to the connector. */
  async function send(activity: ReturnType<typeof email>): Promise<number> {
    const before = connector.calls.length;
    const res = await request(bot.url, { body: activity });
    assert.equal(res.status, 200);
    return connector.calls.length - before;
  }

  const repliesIn = (conversationId: string) =>
    connector.calls
      .filter((c) => c.path.includes(`/v3/conversations/${encodeURIComponent(conversationId)}/activities`))
      .map((c) => c.body as { text?: string; channelData?: { subject?: string; htmlBody?: string } });

  const voucher = async (number: string): Promise<Voucher | null> =>
    ((await w.domain.queries.search(w.admin, number, { limit: 1 })).find((v) => v.number === number) as Voucher | undefined) ?? null;

  it('takes a forward from the voucher administrator in, answers in English with the number and the next step, and posts the New voucher card to the staff channel', async () => {
    const number = `PS-EN-${randomUUID().slice(0, 6).toUpperCase()}`;
    const conv = `conv-${randomUUID()}`;
    await send(email(ADMIN, NOTICE.en(number), { conversationId: conv }));
    const v = await voucher(number);
    assert.ok(v, 'the voucher is recorded');
    assert.equal(v.needsConfirmation, null, 'from the voucher administrator: not flagged');
    const [reply] = repliesIn(conv);
    assert.ok(reply, 'the customer got a reply');
    assert.equal(reply.channelData?.subject, `Voucher ${number} received`);
    assert.match(reply.text ?? '', new RegExp(`voucher ${number}`));
    assert.match(reply.text ?? '', /You will receive an email as soon as it is reserved/);
    assert.match(reply.channelData?.htmlBody ?? '', /<p>/);
    assert.doesNotMatch(reply.text ?? '', /Sacha|Staff|flag|tenant/i, 'nothing about the partner internals');
    assert.ok((await bot.outboxTick()) >= 1);
    const card = JSON.stringify(repliesIn(STAFF_CHANNEL).at(-1));
    assert.match(card, /New voucher from Wingtip Toys/);
    assert.match(card, new RegExp(number));
    assert.match(card, /voucher\.reserve-form/);
    assert.match(card, /voucher\.details/);
  });

  it('flags a forward from someone other than the voucher administrator and answers in French', async () => {
    const number = `PS-FR-${randomUUID().slice(0, 6).toUpperCase()}`;
    const conv = `conv-${randomUUID()}`;
    await send(email('assistant@customer.test', NOTICE.fr(number), { conversationId: conv, subject: 'TR: Bon' }));
    const v = await voucher(number);
    assert.deepEqual(v?.needsConfirmation, { sender: 'assistant@customer.test' });
    const [reply] = repliesIn(conv);
    assert.equal(reply?.channelData?.subject, `Bon ${number} reçu`);
    assert.match(reply?.text ?? '', /nous avons bien reçu votre bon/);
    assert.doesNotMatch(reply?.text ?? '', /assistant|administrat/i, 'the flag stays with staff');
    await bot.outboxTick();
    const card = JSON.stringify(repliesIn(STAFF_CHANNEL).at(-1));
    assert.match(card, new RegExp(number));
    assert.match(card, /assistant@customer\.test/);
  });

  it('a redelivery of the same email (the channel retries after 15 s) records and replies once', async () => {
    const number = `PS-RE-${randomUUID().slice(0, 6).toUpperCase()}`;
    const activity = email(ADMIN, NOTICE.en(number));
    const [a, b] = await Promise.all([send(activity), send(activity)]);
    assert.equal(await send(activity), 0);
    assert.equal(repliesIn(activity.conversation.id).length, 1, `replies: ${a} + ${b}`);
    const records = await bot.outbox.model.countDocuments({ key: { $regex: `^voucher\\.new\\|${String((await voucher(number))?._id)}` } });
    assert.equal(records, 1);
  });

  it('with no staff channel set, every staff member gets the card in their personal chat', async () => {
    const personal = 'personal-vouchers@partner-mail.test';
    await bot.email.mailboxes.set(systemActor(w.admin.partnerId), { address: personal, staffChannelId: null });
    const number = `PS-PC-${randomUUID().slice(0, 6).toUpperCase()}`;
    await send(email(ADMIN, NOTICE.en(number), { to: personal }));
    const v = await voucher(number);
    assert.ok(v);
    const records = await bot.outbox.model.find({ 'payload.kind': 'voucher.new', key: { $regex: String(v._id) } }).lean();
    const targets = records.map((r) => (r.target.kind === 'person' ? r.target.aadObjectId : r.target.conversationId)).sort();
    assert.deepEqual(
      targets,
      [w.outsider.aadObjectId, w.staffFr.aadObjectId, w.staffUs.aadObjectId].sort(),
      'staff only: not the admin, not the manager',
    );
  });

  it('an email to an address no partner has set up is neither recorded nor answered', async () => {
    const number = `PS-NO-${randomUUID().slice(0, 6).toUpperCase()}`;
    assert.equal(await send(email(ADMIN, NOTICE.en(number), { to: 'someone-else@elsewhere.test' })), 0);
    assert.equal(await voucher(number), null);
  });

  const loops: Array<[string, (n: string) => ReturnType<typeof email>]> = [
    ['an out-of-office reply (French subject)', (n) => email(ADMIN, NOTICE.fr(n), { subject: 'Réponse automatique : Bon reçu' })],
    ['an out-of-office reply (German subject)', (n) => email(ADMIN, NOTICE.de(n), { subject: 'Abwesenheitsnotiz: Gutschein erhalten' })],
    ['an automatic reply (Spanish subject)', (n) => email(ADMIN, NOTICE.en(n), { subject: 'RE: Respuesta automática: Vale recibido' })],
    [
      'a bounce from mailer-daemon',
      (n) => email('MAILER-DAEMON@customer.test', NOTICE.en(n), { subject: 'Undeliverable: Voucher received' }),
    ],
    ['a bounce from postmaster', (n) => email('postmaster@customer.test', NOTICE.en(n))],
    ['the bot’s own mailbox', (n) => email(MAILBOX, NOTICE.en(n))],
    [
      'Auto-Submitted in channelData headers',
      (n) => email(ADMIN, NOTICE.en(n), { channelData: { headers: { 'Auto-Submitted': 'auto-replied' } } }),
    ],
    [
      'X-Auto-Response-Suppress as Graph headers',
      (n) => email(ADMIN, NOTICE.en(n), { channelData: { internetMessageHeaders: [{ name: 'X-Auto-Response-Suppress', value: 'All' }] } }),
    ],
    ['a mailing list (Precedence: list)', (n) => email(ADMIN, NOTICE.en(n), { channelData: { headers: { Precedence: 'list' } } })],
  ];
  for (const [what, make] of loops) {
    it(`never answers ${what}, nor records it`, async () => {
      const number = `PS-LP-${randomUUID().slice(0, 6).toUpperCase()}`;
      assert.equal(await send(make(number)), 0, 'nothing posted');
      assert.equal(await voucher(number), null);
    });
  }

  it('an email that is no voucher gets one polite reply per sender per day, in its language', async () => {
    const from = `curious-${randomUUID().slice(0, 6)}@customer.test`;
    const first = email(from, 'Bonjour, pouvez-vous nous dire comment fonctionne votre offre ? Merci et bonne journée.', {
      subject: 'Question',
    });
    await send(first);
    const [reply] = repliesIn(first.conversation.id);
    assert.equal(reply?.channelData?.subject, 'Aucun bon trouvé dans votre e-mail');
    const second = email(from, 'Bonjour, une autre question pour vous. Merci.', { subject: 'Question' });
    assert.equal(await send(second), 0, 'the second the same day gets none');
    w.clock.advanceDays(1);
    const third = email(from, 'Hello, thank you for your help with the planning.', { subject: 'Question' });
    await send(third);
    assert.equal(repliesIn(third.conversation.id)[0]?.channelData?.subject, 'We could not find a voucher in your email');
    w.clock.set('2025-03-03T10:00:00.000Z');
  });

  it('caps replies per sender per hour (5): the sixth voucher is recorded but not answered, the next hour is', async () => {
    w.clock.set('2025-03-03T11:00:00.000Z');
    const from = `busy-${randomUUID().slice(0, 6)}@customer.test`;
    const posted: number[] = [];
    const numbers = [0, 1, 2, 3, 4, 5].map((i) => `PS-CAP-${i}-${randomUUID().slice(0, 4).toUpperCase()}`);
    for (const n of numbers) posted.push(await send(email(from, NOTICE.en(n))));
    const replies = connector.calls.filter((c) =>
      (c.body as { channelData?: { subject?: string } }).channelData?.subject?.startsWith('Voucher PS-CAP-'),
    );
    assert.equal(replies.length, 5);
    assert.equal(posted[5], 0);
    const recorded = await Promise.all(numbers.map(voucher));
    assert.equal(recorded.filter((v) => v?.needsConfirmation?.sender === from).length, 6, 'every voucher recorded');
    w.clock.set('2025-03-03T12:00:01.000Z');
    assert.ok((await send(email(from, NOTICE.en(`PS-CAP-7-${randomUUID().slice(0, 4).toUpperCase()}`)))) > 0);
    w.clock.set('2025-03-03T10:00:00.000Z');
  });

  for (const [lang, subject, line] of [
    ['fr', 'Bon {n} réservé', /est désormais réservé/],
    ['de', 'Gutschein {n} reserviert', /ist jetzt für Ihr Planungsprojekt reserviert/],
  ] as const) {
    it(`tells the customer of the reservation by email in their language (${lang}), once`, async () => {
      const number = `PS-${lang.toUpperCase()}R-${randomUUID().slice(0, 6).toUpperCase()}`;
      const conv = `conv-${randomUUID()}`;
      await send(email(ADMIN, NOTICE[lang](number), { conversationId: conv }));
      const v = await voucher(number);
      assert.ok(v);
      await bot.email.checkReservations();
      assert.equal(await bot.outbox.model.countDocuments({ key: `email.reserved|${String(v._id)}` }), 0, 'not reserved yet: nothing sent');
      await w.domain.vouchers.validate(w.staffFr, { voucherId: String(v._id), voucherAdminEmail: ADMIN });
      await reserveFr(w, v);
      await bot.email.checkReservations();
      await bot.email.checkReservations();
      await bot.outboxTick();
      const mails = repliesIn(conv).filter((r) => r.channelData?.subject === subject.replace('{n}', number));
      assert.equal(mails.length, 1);
      assert.match(mails[0]?.text ?? '', line);
    });
  }

  it('checks every waiting customer, page after page, and leaves those not reserved yet waiting', async () => {
    const numbers = [0, 1, 2].map((i) => `PS-PG-${i}-${randomUUID().slice(0, 4).toUpperCase()}`);
    for (const n of numbers) await send(email(ADMIN, NOTICE.en(n)));
    const vouchers = await Promise.all(numbers.map(voucher));
    for (const v of vouchers.slice(0, 2)) {
      assert.ok(v);
      await w.domain.vouchers.validate(w.staffFr, { voucherId: String(v._id), voucherAdminEmail: ADMIN });
      await reserveFr(w, v);
    }
    const contacts = customerContactStore(db.connection);
    await notifyReservedCustomers({ domain: w.domain, contacts, enqueue: (m) => bot.outbox.enqueue(m), log: bot.log.log }, 1);
    const keys = vouchers.map((v) => `email.reserved|${String(v?._id)}`);
    assert.equal(await bot.outbox.model.countDocuments({ key: { $in: keys.slice(0, 2) } }), 2);
    assert.equal(await bot.outbox.model.countDocuments({ key: keys[2] }), 0);
    assert.equal(await contacts.model.countDocuments({ _id: String(vouchers[2]?._id) }), 1, 'still waiting');
  });
});
