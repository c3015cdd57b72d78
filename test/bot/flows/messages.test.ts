import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import { startTestBot } from '../../helpers/bot-harness';
import { useBotWorld } from '../../helpers/bot-world';
import { useTestDatabase } from '../../helpers/db';
import { startFakeConnector } from '../../helpers/fake-connector';
import { request } from '../../helpers/http';
import { turnDriver } from '../../helpers/turn-driver';
import { newVoucher } from '../../domain/world';

const LINES = [
  'Voucher Number: MSG-2025-0100',
  'Program: SharePoint Deployment Planning Services',
  'Number of Days: 3',
  'Customer Name: Contoso Pharma',
  'Agreement Number: 5555 1234',
  'Voucher Administrator: licensing@contoso-pharma.test',
  'Date Created: 3/1/2025',
];

describe('bot messages: pasted emails, welcome, strangers, failures, delivery through the connector', () => {
  const db = useTestDatabase('bot-messages');
  const world = useBotWorld(db, 'msg');

  for (const locale of ['en', 'fr'] as const) {
    it(`shows the Voucher found card for a pasted email in plain text (${locale})`, async () => {
      const { w, drive, as } = world();
      const r = await drive.say(
        as(w.staffFr, locale),
        ['FYI, see below', '', '-----Original Message-----', 'From: VLSC <vlsc@microsoft.com>', ...LINES].join('\n'),
      );
      assert.match(r.readable, /MSG-2025-0100/);
      assert.match(r.readable, /Contoso Pharma/);
      assert.ok(r.buttons.includes(locale === 'fr' ? 'Ajouter le bon' : 'Add voucher'), r.buttons.join());
      assert.ok(r.buttons.includes(locale === 'fr' ? 'Ajouter et réserver' : 'Add and reserve'));
      assert.equal(await w.domain.queries.search(w.admin, 'MSG-2025-0100').then((x) => x.length), 0, 'nothing is written before a click');
    });
  }

  it('reads the text/html attachment Teams sends when the text lost the lines (<p>-wrapped)', async () => {
    const { w, drive, as } = world();
    const html = `<div>${LINES.map((l) => `<p>${l.replace(': ', ':&nbsp;')}</p>`).join('')}</div>`;
    const r = await drive.say(as(w.staffFr), LINES.join(' '), {
      textFormat: 'plain',
      attachments: [{ contentType: 'text/html', content: html }],
    });
    assert.match(r.readable, /MSG-2025-0100/);
    assert.match(r.readable, /Contoso Pharma/);
    const add = r.actions.find((a) => a.title === 'Add voucher');
    assert.ok(add, r.buttons.join());
    assert.equal(add.data.customerName, 'Contoso Pharma');
  });

  it('explains what was expected for a message that is not a voucher, in both languages', async () => {
    const { w, drive, as } = world();
    const en = await drive.say(as(w.staffFr), 'Can you check the Fabrikam thing before Friday?');
    assert.match(en.readable, /voucher email/i);
    const fr = await drive.say(as(w.staffFr, 'fr'), 'Tu peux regarder le dossier Fabrikam ?');
    assert.match(fr.readable, /e-mail/i);
    assert.notEqual(en.readable, fr.readable);
    const training = await drive.say(
      as(w.staffFr),
      ['Voucher Number: SATV-0001', 'Program: Software Assurance Training Vouchers', 'Number of Days: 3', 'Customer Name: Litware'].join(
        '\n',
      ),
    );
    assert.match(training.readable, /training voucher/i);
  });

  it("reads a command after the bot's @mention in a team channel", async () => {
    const { w, drive, as } = world();
    const mention = { type: 'mention', text: '<at>Voucher bot</at>', mentioned: { id: '28:voucher-bot', name: 'Voucher bot' } };
    const r = await drive.say(as(w.staffFr, 'fr'), '<at>Voucher bot</at> aide', {
      entities: [mention],
      conversation: { id: '19:general@thread.tacv2', conversationType: 'channel', tenantId: 'tenant-msg' },
    });
    assert.match(r.readable, /Ce que vous pouvez faire/);
    const line = world()
      .bot.log.lines()
      .find((l) => l.msg === 'turn' && l.activityId === r.id);
    assert.equal(line?.outcome, 'ok');
  });

  it('finds vouchers by the first letters of a customer name, and one by its number', async () => {
    const { w, drive, as } = world();
    const a = await newVoucher(w, { customerName: 'Tailwind Traders Paris' });
    const b = await newVoucher(w, { customerName: 'Tailwind Traders Lyon' });
    const both = await drive.say(as(w.staffFr, 'fr'), 'bon tailwind traders');
    assert.match(both.readable, new RegExp(a.number));
    assert.match(both.readable, new RegExp(b.number));
    assert.equal(both.actions.filter((x) => x.verb === 'voucher.details').length, 2);
    const one = await drive.say(as(w.staffFr), `voucher ${a.number.toLowerCase()}`);
    assert.match(one.readable, /Tailwind Traders Paris/);
    assert.doesNotMatch(one.readable, /Lyon/);
    const none = await drive.say(as(w.staffFr), 'voucher Nobody Inc');
    assert.match(none.readable, /Nobody Inc/);
  });

  it('suggests the keyword one edit away, with a button that runs it', async () => {
    const { w, drive, as } = world();
    const r = await drive.say(as(w.staffFr, 'fr'), 'bosn');
    assert.match(r.readable, /bons/);
    const run = r.actions.find((a) => a.verb === 'help.suggest');
    assert.equal(run?.data.text, 'bons');
  });

  it('welcomes on install and when added to a team, in the user language', async () => {
    const { drive, w, as } = world();
    const who = as(w.staffFr, 'fr');
    const install = await drive.post(drive.activity(who, { type: 'installationUpdate', action: 'add' }));
    assert.match(install.readable, /Bienvenue|Bonjour/);
    const added = await drive.post(
      drive.activity(as(w.staffFr), {
        type: 'conversationUpdate',
        membersAdded: [{ id: '28:voucher-bot' }],
        conversation: { id: '19:team@thread', conversationType: 'channel', tenantId: 'tenant-msg' },
      }),
    );
    assert.match(added.readable, /Welcome/);
    const someoneElse = await drive.post(
      drive.activity(as(w.staffFr), { type: 'conversationUpdate', membersAdded: [{ id: '29:new-colleague' }] }),
    );
    assert.equal(someoneElse.activities.length, 0, 'a colleague joining is not greeted by the bot');
  });

  it('tells an unknown person which admins to ask, and another tenant that it is not set up', async () => {
    const { drive, stranger, elsewhere } = world();
    const s = await drive.say(stranger('fr'), 'bons');
    assert.match(s.readable, /Ada Admin/);
    const o = await drive.say(elsewhere(), 'vouchers');
    assert.match(o.readable, /not set up/i);
  });

  it('answers an unexpected failure with an apology, a reference, "nothing was changed", and logs it once', async function () {
    this.timeout(30_000);
    const { w } = world();
    const broken = await mongoose.createConnection(db.uri, { dbName: db.dbName, bufferCommands: false }).asPromise();
    const bot = await startTestBot(broken, w.clock);
    try {
      await broken.close();
      const r = await turnDriver(bot.url).say({ aadObjectId: w.staffFr.aadObjectId, tenantId: 'tenant-msg', locale: 'fr-FR' }, 'bons');
      assert.equal(r.status, 200);
      const reference = /: ([0-9a-f]{8})\./.exec(r.readable)?.[1];
      assert.ok(reference, r.readable);
      assert.match(r.readable, /Rien n'a été modifié/);
      assert.doesNotMatch(r.readable, /Mongo|Error|at .+:\d+/);
      const errors = bot.log.lines().filter((l) => l.level === 'error' || l.level === 'fatal');
      assert.equal(errors.length, 1);
      assert.equal(errors[0]?.reference, reference);
    } finally {
      await bot.stop();
    }
  });

  it('sends through the Bot Connector (a local fake server) when the activity does not ask for expectReplies', async () => {
    const { w, as } = world();
    const connector = await startFakeConnector();
    try {
      const activity = turnDriver('', connector.url).activity(as(w.staffFr), { type: 'message', text: 'help' });
      delete (activity as Record<string, unknown>).deliveryMode;
      const res = await request(world().bot.url, { body: activity });
      assert.equal(res.status, 200);
      await connector.waitForCalls(1);
      const call = connector.calls[0];
      assert.match(call?.path ?? '', /\/v3\/conversations\/.+\/activities/);
      assert.match(JSON.stringify(call?.body), /adaptive/);
    } finally {
      await connector.close();
    }
  });

  it('answers every turn of this file within 5 seconds', () => {
    const turns = world()
      .bot.log.lines()
      .filter((l) => l.msg === 'turn');
    assert.ok(turns.length > 5);
    for (const t of turns) assert.ok(Number(t.durationMs) < 5_000, `${String(t.command)} took ${String(t.durationMs)} ms`);
  });
});
