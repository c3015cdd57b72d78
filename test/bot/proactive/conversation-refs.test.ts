import assert from 'node:assert/strict';
import { conversationRefModel, type ConversationRef } from '../../../bot/proactive/conversation-ref.model';
import { useTestDatabase } from '../../helpers/db';
import { newVoucher, createWorld, type World } from '../../domain/world';
import { startProactiveBot, type ProactiveBot } from '../../helpers/proactive-bot';
import { startScriptedConnector, type ScriptedConnector } from '../../helpers/scripted-connector';
import { turnDriver, type Speaker, type TurnDriver } from '../../helpers/turn-driver';

const SLUG = 'crx';
const TENANT = `tenant-${SLUG}`;

describe('bot/proactive conversation references (real database, real adapter)', () => {
  const db = useTestDatabase('conversation-refs');
  let w: World;
  let bot: ProactiveBot;
  let connector: ScriptedConnector;
  let drive: TurnDriver;
  const who = (aadObjectId: string, locale = 'en-US'): Speaker => ({ aadObjectId, tenantId: TENANT, locale, name: aadObjectId });
  const refs = () => conversationRefModel(db.connection);
  const stored = (id: string) => refs().findById(id).lean<ConversationRef>();

  before(async function () {
    this.timeout(120_000);
    w = await createWorld(db.connection, SLUG);
    connector = await startScriptedConnector();
    bot = await startProactiveBot(db.connection, w.clock);
    drive = turnDriver(bot.url, connector.url);
  });
  after(async () => {
    await bot.stop();
    await connector.close();
  });

  it('stores a personal chat per person at installation, keeps it current at each message, and removes it at uninstall', async () => {
    const person = who(`${SLUG}-manager`, 'fr-FR');
    await drive.post(drive.activity(person, { type: 'installationUpdate', action: 'add' }));
    const key = `person|${TENANT}|${SLUG}-manager`;
    const first = await stored(key);
    assert.equal(first?.conversationId, `a:chat-${SLUG}-manager`);
    assert.equal(first?.locale, 'fr');
    const reference = JSON.parse(first?.reference ?? '{}') as { serviceUrl?: string; activityId?: string; conversation?: { id?: string } };
    assert.equal(reference.serviceUrl, connector.url);
    assert.equal(reference.activityId, undefined, 'no message id: the reference does not change with every message');
    await drive.say(person, 'aide');
    assert.equal((await stored(key))?.version, first?.version, 'an unchanged reference is not written again');
    await drive.say({ ...person, locale: 'en-US' }, 'help');
    assert.equal((await stored(key))?.locale, 'en', 'the language last seen');
    await drive.post(drive.activity(person, { type: 'installationUpdate', action: 'remove' }));
    assert.equal(await stored(key), null);
  });

  it('a reference removed by another instance (uninstall seen there, a 403) is stored again by the next install', async () => {
    const person = who(`${SLUG}-staff-us`);
    const key = `person|${TENANT}|${SLUG}-staff-us`;
    await drive.say(person, 'help');
    assert.ok(await stored(key), 'stored at the first message');
    // Another instance removes it; this instance remembers having stored it, so a message alone does not read it again...
    await refs().deleteOne({ _id: key });
    await drive.say(person, 'help');
    // ...but the install that must come before the person can write again is always stored.
    await drive.post(drive.activity(person, { type: 'installationUpdate', action: 'add' }));
    assert.equal((await stored(key))?.conversationId, `a:chat-${SLUG}-staff-us`);
  });

  it('stores a channel by its channel id (not the thread) and removes it when the bot is removed from the team', async () => {
    const channel = '19:general@thread.tacv2';
    const inChannel = {
      conversation: { id: `${channel};messageid=42`, conversationType: 'channel', tenantId: TENANT },
      channelData: { tenant: { id: TENANT }, channel: { id: channel }, team: { id: '19:general@thread.tacv2' } },
    };
    await drive.say(who(`${SLUG}-staff-fr`), 'help', inChannel);
    const ref = await stored(`conversation|${channel}`);
    const reference = JSON.parse(ref?.reference ?? '{}') as { conversation?: { id?: string; conversationType?: string }; user?: unknown };
    assert.equal(reference.conversation?.id, channel);
    assert.equal(reference.conversation?.conversationType, 'channel');
    assert.equal(reference.user, undefined, "a shared conversation is nobody's");
    assert.equal(await stored(`person|${TENANT}|${SLUG}-staff-fr`), null, "a channel message is not the person's chat");
    await drive.post(
      drive.activity(who(`${SLUG}-admin`), { type: 'conversationUpdate', membersRemoved: [{ id: '28:voucher-bot' }], ...inChannel }),
    );
    assert.equal(await stored(`conversation|${channel}`), null);
  });

  it('ignores activities that are not from Teams (web chat, email): they are answered where they came from', async () => {
    await drive.say(who(`${SLUG}-outsider`), 'help', { channelId: 'webchat' });
    assert.equal(await stored(`person|${TENANT}|${SLUG}-outsider`), null);
  });

  it("a reservation at the partner's day threshold sends the approval card to the manager", async function () {
    this.timeout(30_000);
    await drive.post(drive.activity(who(`${SLUG}-manager`), { type: 'installationUpdate', action: 'add' }));
    w.clock.set('2025-03-03T10:00:00.000Z');
    const v = await newVoucher(w, { days: 10 });
    const answer = await drive.click(who(`${SLUG}-staff-fr`), 'voucher.reserve', {
      voucherId: String(v._id),
      expectedState: v.state,
      locationId: 'FR-PAR',
      termsAccepted: 'true',
    });
    assert.equal(answer.invoke?.statusCode, 200);
    await connector.waitFor((posts) =>
      posts.some((p) => p.conversationId === `a:chat-${SLUG}-manager` && JSON.stringify(p.body).includes(v.number)),
    );
    const approval = await w.domain.approvals.get(w.admin, String((await w.domain.vouchers.get(w.admin, String(v._id))).pendingApprovalId));
    assert.equal(approval.kind, 'reserve');
    const deadline = Date.now() + 5_000;
    while ((await w.domain.approvals.get(w.admin, String(approval._id))).messageIds.length < 1 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 30));
    assert.equal((await w.domain.approvals.get(w.admin, String(approval._id))).messageIds.length, 1);
  });
});
