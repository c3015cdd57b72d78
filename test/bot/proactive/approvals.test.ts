import assert from 'node:assert/strict';
import type { Actor, Approval } from '../../../domain/domain';
import { useTestDatabase } from '../../helpers/db';
import { voucherIn } from '../../helpers/bot-vouchers';
import { startProactiveBot, type ProactiveBot } from '../../helpers/proactive-bot';
import { startScriptedConnector, type ConnectorPost, type ScriptedConnector } from '../../helpers/scripted-connector';
import { turnDriver, type Speaker, type TurnDriver } from '../../helpers/turn-driver';
import { createWorld, type World } from '../../domain/world';

const SLUG = 'apx';
const TENANT = `tenant-${SLUG}`;
const CHANNEL = '19:approvals@thread.tacv2';

/** What a person reads on a posted card, its buttons and its refresh (the fake connector's record of a send or update). */
function cardOf(post: ConnectorPost) {
  const attachments = (post.body.attachments ?? []) as { content: Record<string, unknown> }[];
  const card = attachments[0]?.content ?? {};
  const texts: string[] = [];
  const buttons: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    for (const key of ['text', 'title', 'value']) if (typeof o[key] === 'string') texts.push(o[key] as string);
    if (o.type === 'Action.Execute' && typeof o.title === 'string') buttons.push(o.title);
    for (const [key, value] of Object.entries(o)) if (key !== 'refresh' && key !== 'data' && typeof value === 'object') walk(value);
  };
  walk(card);
  const refresh = card.refresh as { userIds?: string[]; action?: { verb?: string } } | undefined;
  return { text: texts.join('\n').replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1'), buttons, refresh, body: post.body };
}

describe('bot/proactive approval cards: every manager, the channel, every copy updated (real database, fake Bot Connector, real adapter)', () => {
  const db = useTestDatabase('approvals-proactive');
  let w: World;
  let bot: ProactiveBot;
  let connector: ScriptedConnector;
  let drive: TurnDriver;
  let noor: Actor;
  const as = (actor: Actor, locale = 'en-US'): Speaker => ({ aadObjectId: actor.aadObjectId, tenantId: TENANT, locale, name: actor.name });
  const chat = (actor: Actor) => `a:chat-${actor.aadObjectId}`;
  const posts = (conversationId: string, method: 'POST' | 'PUT') =>
    connector.posts.filter((p) => p.conversationId === conversationId && p.method === method);
  const approvalOf = async (id: string) => (await w.domain.approvals.get(w.admin, id)) as Approval;

  before(async function () {
    this.timeout(120_000);
    w = await createWorld(db.connection, SLUG);
    connector = await startScriptedConnector();
    bot = await startProactiveBot(db.connection, w.clock);
    drive = turnDriver(bot.url, connector.url);
    await w.domain.people.upsert(w.admin, {
      aadObjectId: `${SLUG}-noor`,
      name: 'Noor Manager',
      email: `noor@${SLUG}.test`,
      roles: ['manager'],
    });
    await w.domain.people.upsert(w.admin, {
      aadObjectId: `${SLUG}-nestor`,
      name: 'Nestor',
      email: `nestor@${SLUG}.test`,
      roles: ['manager'],
    });
    noor = await w.domain.people.resolveActor(w.admin.partnerId, `${SLUG}-noor`);
    // Mia and Noor install the bot (Noor's Teams is in French); Nestor never does; the requester has talked to the bot.
    for (const [who, locale] of [
      [w.manager, 'en-US'],
      [noor, 'fr-FR'],
      [w.staffFr, 'en-US'],
    ] as const) {
      const installed = await drive.post(drive.activity(as(who, locale), { type: 'installationUpdate', action: 'add' }));
      assert.equal(installed.status, 200);
    }
    const inChannel = {
      conversation: { id: `${CHANNEL};messageid=1700000000000`, conversationType: 'channel', tenantId: TENANT },
      channelData: { tenant: { id: TENANT }, channel: { id: CHANNEL }, team: { id: '19:team@thread.tacv2' } },
    };
    const refused = await drive.say(as(w.staffFr), 'approvals channel here', inChannel);
    assert.match(refused.readable, /admin/i, 'only an admin sets the approvals channel');
    const set = await drive.say(as(w.admin), 'approvals channel here', inChannel);
    assert.match(set.readable, /This channel now gets a copy of every approval card/, set.readable);
    const inChat = await drive.say(as(w.admin, 'fr-FR'), 'canal approbations ici');
    assert.match(inChat.readable, /dans le canal qui doit recevoir/, 'in a personal chat the admin is told to run it in the channel');
  });
  after(async () => {
    await bot.stop();
    await connector.close();
  });

  /** Staff asks to redeem a completed voucher (Yes, redeem); returns the approval and the requester's answer. */
  async function requestRedemption() {
    const v = await voucherIn(w, 'completed');
    const answer = await drive.click(as(w.staffFr), 'redemption.confirm', { voucherIds: String(v._id) });
    const pending = await w.domain.vouchers.get(w.admin, String(v._id));
    assert.ok(pending.pendingApprovalId, answer.readable);
    const id = String(pending.pendingApprovalId);
    await connector.waitFor(
      () =>
        posts(chat(w.manager), 'POST').some((p) => cardOf(p).text.includes(v.number)) &&
        posts(CHANNEL, 'POST').some((p) => cardOf(p).text.includes(v.number)),
    );
    await connector.waitFor(() => posts(chat(noor), 'POST').some((p) => cardOf(p).text.includes(v.number)));
    const deadline = Date.now() + 10_000;
    while ((await approvalOf(id)).messageIds.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 30));
    return { v, id, answer };
  }
  const copyFor = (conversationId: string, number: string, method: 'POST' | 'PUT' = 'POST') =>
    posts(conversationId, method)
      .filter((p) => cardOf(p).text.includes(number))
      .map(cardOf);

  it('sends the approval card to every manager who installed the bot and to the approvals channel, tells the requester who was not reached, and stores every copy', async function () {
    this.timeout(60_000);
    const { v, id, answer } = await requestRedemption();
    assert.match(answer.readable, /Nestor has not installed the bot yet/, answer.readable);
    const mia = copyFor(chat(w.manager), v.number);
    assert.equal(mia.length, 1, "one card in Mia's chat");
    assert.deepEqual(mia[0]?.buttons, ['Approve', 'Reject']);
    assert.match(mia[0]?.text ?? '', /Sacha Staff/, 'who asked');
    const noors = copyFor(chat(noor), v.number);
    assert.deepEqual(noors[0]?.buttons, ['Approuver', 'Rejeter'], "in Noor's language");
    const channel = copyFor(CHANNEL, v.number);
    assert.equal(channel.length, 1);
    assert.deepEqual(channel[0]?.buttons, [], 'the channel copy shows the status; approvers get their view through refresh');
    assert.match(channel[0]?.text ?? '', /Waiting for a manager's decision/);
    assert.deepEqual([...(channel[0]?.refresh?.userIds ?? [])].sort(), [w.manager.aadObjectId, noor.aadObjectId, `${SLUG}-nestor`].sort());
    assert.equal(channel[0]?.refresh?.action?.verb, 'approval.refresh');
    const stored = await approvalOf(id);
    assert.equal(stored.messageIds.length, 3);
    for (const conversationId of [chat(w.manager), chat(noor), CHANNEL])
      assert.ok(
        stored.messageIds.some((m) => m.startsWith(`${conversationId}|`)),
        conversationId,
      );
  });

  it('approve by card: every copy is updated to who decided, when and why; the requester is told; a later click by another manager sees who decided', async function () {
    this.timeout(60_000);
    const { v, id } = await requestRedemption();
    const approved = await drive.click(as(w.manager), 'approval.approve', { approvalId: id, comment: 'Deliverable is solid' });
    assert.match(approved.readable, /Approved by Mia Manager/, 'the clicker gets the decided card back');
    assert.deepEqual(
      approved.actions.filter((x) => x.verb !== 'approval.refresh'),
      [],
    );
    await connector.waitFor(() => [chat(w.manager), chat(noor), CHANNEL].every((c) => copyFor(c, v.number, 'PUT').length === 1));
    const stored = await approvalOf(id);
    for (const messageId of stored.messageIds) {
      const [conversationId, activityId] = [
        messageId.slice(0, messageId.lastIndexOf('|')),
        messageId.slice(messageId.lastIndexOf('|') + 1),
      ];
      const update = posts(conversationId, 'PUT').find((p) => p.activityId === activityId);
      assert.ok(update, `the copy ${messageId} was updated in place`);
      const card = cardOf(update);
      assert.deepEqual(card.buttons, []);
      assert.match(card.text, conversationId === chat(noor) ? /Approuvé par Mia Manager/ : /Approved by Mia Manager/);
      assert.match(card.text, /Deliverable is solid/);
    }
    await connector.waitFor(() =>
      posts(chat(w.staffFr), 'POST').some((p) => /was approved by Mia Manager/.test(cardOf(p).text) && cardOf(p).text.includes(v.number)),
    );
    const late = await drive.click(as(noor, 'fr-FR'), 'approval.reject', { approvalId: id, reason: 'trop tard' });
    assert.match(late.readable, /Mia Manager/, late.readable);
    assert.equal((await w.domain.vouchers.get(w.admin, String(v._id))).state, 'redeemed');
  });

  it('reject by text (French): the copies show the rejection and its reason, the requester is told in their language', async function () {
    this.timeout(60_000);
    const { v } = await requestRedemption();
    const rejected = await drive.say(as(noor, 'fr-FR'), `rejeter ${v.number} livrable manquant`);
    assert.match(rejected.readable, /Rejeté par Noor Manager/, rejected.readable);
    await connector.waitFor(() => [chat(w.manager), chat(noor), CHANNEL].every((c) => copyFor(c, v.number, 'PUT').length === 1));
    assert.match(copyFor(chat(w.manager), v.number, 'PUT')[0]?.text ?? '', /Rejected by Noor Manager[\s\S]*livrable manquant/);
    assert.match(copyFor(CHANNEL, v.number, 'PUT')[0]?.text ?? '', /Rejected by Noor Manager/);
    await connector.waitFor(() =>
      posts(chat(w.staffFr), 'POST').some((p) => /was rejected by Noor Manager/.test(cardOf(p).text) && cardOf(p).text.includes(v.number)),
    );
    assert.equal((await w.domain.vouchers.get(w.admin, String(v._id))).state, 'completed', 'the voucher is released');
  });

  it('approve by text updates the copies the same way', async function () {
    this.timeout(60_000);
    const { v } = await requestRedemption();
    const approved = await drive.say(as(w.manager), `approve ${v.number} fine`);
    assert.match(approved.readable, /Approved by Mia Manager/, approved.readable);
    await connector.waitFor(() =>
      [chat(w.manager), chat(noor), CHANNEL].every((c) => copyFor(c, v.number, 'PUT').some((u) => /Approved by|Approuvé par/.test(u.text))),
    );
  });

  it('approve racing reject from two managers: exactly one wins, the other sees who decided, every copy shows the winner', async function () {
    this.timeout(60_000);
    const { v, id } = await requestRedemption();
    const [a, b] = await Promise.all([
      drive.click(as(w.manager), 'approval.approve', { approvalId: id, comment: 'go' }),
      drive.click(as(noor), 'approval.reject', { approvalId: id, reason: 'no' }),
    ]);
    const stored = await approvalOf(id);
    assert.equal(stored.decisions.length, 1, 'one decision recorded');
    const winner = stored.decisions[0]?.decision === 'approved' ? 'Mia Manager' : 'Noor Manager';
    const [won, lost] = stored.decisions[0]?.decision === 'approved' ? [a, b] : [b, a];
    assert.match(won.readable, new RegExp(`(Approved|Rejected) by ${winner}`));
    assert.match(lost.readable, new RegExp(winner), `the loser is told who decided: ${lost.readable}`);
    await connector.waitFor(() => [chat(w.manager), chat(noor), CHANNEL].every((c) => copyFor(c, v.number, 'PUT').length >= 1));
    for (const c of [chat(w.manager), CHANNEL])
      for (const u of copyFor(c, v.number, 'PUT')) assert.match(u.text, new RegExp(`by ${winner}`));
  });

  it("refresh returns the approver's view to an approver and the status to anyone else, and updates no message", async function () {
    this.timeout(60_000);
    const { id } = await requestRedemption();
    const before = connector.posts.length;
    const refresh = (who: Speaker) =>
      drive.post(
        drive.activity(who, {
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb: 'approval.refresh', data: { approvalId: id } }, trigger: 'automatic' },
        }),
      );
    const approver = await refresh(as(w.manager));
    assert.deepEqual(
      approver.actions.filter((x) => x.verb !== 'approval.refresh').map((x) => x.title),
      ['Approve', 'Reject'],
    );
    assert.match(approver.readable, /Your decision is needed/);
    const other = await refresh(as(w.staffUs));
    assert.deepEqual(
      other.actions.filter((x) => x.verb !== 'approval.refresh').map((x) => x.title),
      [],
    );
    assert.match(other.readable, /Waiting for a manager's decision/);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(connector.posts.length, before, 'a refresh only returns a card');
  });

  it('with more than 60 approvers the channel copy offers a button that opens the decision for whoever clicks', async function () {
    this.timeout(120_000);
    for (let i = 0; i < 60; i++)
      await w.domain.people.upsert(w.admin, {
        aadObjectId: `${SLUG}-m${i}`,
        name: `Manager ${i}`,
        email: `m${i}@${SLUG}.test`,
        roles: ['manager'],
      });
    const { v, id, answer } = await requestRedemption();
    assert.match(answer.readable, /and 56 more have not installed the bot yet/, answer.readable);
    const channel = copyFor(CHANNEL, v.number)[0];
    assert.equal(channel?.refresh?.userIds?.length, 60, 'Teams refreshes for 60 users at most');
    assert.deepEqual(channel?.buttons, ['Open the decision']);
    const approvers = (await approvalOf(id)).approvers;
    const beyond = approvers.slice(60);
    assert.ok(beyond.length > 0);
    const late = await w.domain.people.resolveActor(w.admin.partnerId, beyond[0] ?? '');
    const opened = await drive.click(as(late), 'approval.refresh', { approvalId: id });
    assert.deepEqual(
      opened.actions.filter((x) => x.verb !== 'approval.refresh').map((x) => x.title),
      ['Approve', 'Reject'],
      'an approver beyond the 60 decides from the opened card',
    );
  });

  it('an approval nobody decides in time expires: every copy says so and the requester is told', async function () {
    this.timeout(60_000);
    const { v, id } = await requestRedemption();
    w.clock.advanceDays(8);
    await connector.waitFor(
      () =>
        [chat(w.manager), chat(noor), CHANNEL].every((c) =>
          copyFor(c, v.number, 'PUT').some((u) => /expired|expirée|expiré/i.test(u.text)),
        ),
      15_000,
    );
    assert.equal((await approvalOf(id)).status, 'expired');
    await connector.waitFor(() =>
      posts(chat(w.staffFr), 'POST').some((p) => cardOf(p).text.includes(v.number) && /expired/i.test(cardOf(p).text)),
    );
    assert.equal((await w.domain.vouchers.get(w.admin, String(v._id))).pendingApprovalId, null, 'its voucher is released');
  });
});
