import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import en from '../../../cards/i18n/en.json';
import fr from '../../../cards/i18n/fr.json';
import { deadlineTexts } from '../../../bot/i18n/deadline';
import { messages } from '../../../bot/i18n/messages';
import type { Voucher } from '../../../domain/domain';
import { useTestDatabase } from '../../helpers/db';
import { startDeadlineBot, type DeadlineBot } from '../../helpers/deadline-bot';
import { startFakeConnector } from '../../helpers/fake-connector';
import { request } from '../../helpers/http';
import { startScriptedConnector, type ConnectorPost, type ScriptedConnector } from '../../helpers/scripted-connector';
import { startSlowRelay, type SlowRelay } from '../../helpers/slow-relay';
import { turnDriver, type Speaker, type TurnDriver } from '../../helpers/turn-driver';
import { createWorld, newVoucher, reserveFr, type World } from '../../domain/world';

const SLUG = 'late';
const DEADLINE_MS = 1_500;
type Locale = 'en' | 'fr';
const labels = { en, fr };

/** Every string a person reads in a card or message body. */
function readable(node: unknown, out: string[] = []): string {
  if (Array.isArray(node)) node.forEach((n) => readable(n, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (['text', 'title', 'value'].includes(key) && typeof value === 'string') out.push(value);
      else if (key !== 'data' && typeof value === 'object') readable(value, out);
    }
  }
  return out.join('\n').replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1');
}

/**
 * Teams' limit (issue 8): a turn answers within the deadline whatever the database does. The bot
 * runs as bot/app.ts wires it, with TURN_DEADLINE_MS, on a database reached through a TCP relay
 * that holds every answer: real slowness, real CloudAdapter, a fake Bot Connector over HTTP.
 */
describe('bot/teams deadline: a slow turn is answered "still working" in time, then for real (slow database through a relay)', () => {
  const db = useTestDatabase('turn-deadline');
  let w: World;
  let relay: SlowRelay;
  let slow: mongoose.Connection;
  let connector: ScriptedConnector;
  let bot: DeadlineBot;
  let drive: TurnDriver;
  const who = (locale: Locale): Speaker => ({
    aadObjectId: w.staffFr.aadObjectId,
    tenantId: `tenant-${SLUG}`,
    locale: locale === 'fr' ? 'fr-FR' : 'en-US',
    name: w.staffFr.name,
  });
  const chat = () => `a:chat-${w.staffFr.aadObjectId}`;
  const reserveData = (v: Voucher, locale: Locale) => ({
    voucherId: String(v._id),
    expectedState: 'assigned',
    locationId: 'FR-PAR',
    engagementCountry: 'FR',
    termsAccepted: 'true',
    lang: locale,
  });
  const click = (v: Voucher, locale: Locale, extra: Record<string, unknown>) =>
    drive.activity(who(locale), {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'voucher.reserve', data: reserveData(v, locale) }, trigger: 'manual' },
      ...extra,
    });
  const reserves = async (v: Voucher) =>
    (await w.domain.vouchers.get(w.admin, String(v._id))).audit.filter((a) => a.event === 'reserve').length;
  const updatesOf = (cardId: string) => connector.posts.filter((p) => p.method === 'PUT' && p.activityId === cardId);
  const timed = async <T>(work: Promise<T>) => {
    const started = Date.now();
    const value = await work;
    return { value, ms: Date.now() - started };
  };
  async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > end) throw new Error(`not true within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const lineOf = (activityId: string) => until(async () => bot.turnLines(activityId).length > 0).then(() => bot.turnLines(activityId));

  before(async function () {
    this.timeout(120_000);
    w = await createWorld(db.connection, SLUG);
    relay = await startSlowRelay(db.uri);
    slow = await mongoose.createConnection(relay.uri, { dbName: db.dbName, serverSelectionTimeoutMS: 10_000 }).asPromise();
    connector = await startScriptedConnector();
    bot = await startDeadlineBot(slow, w.clock, { TURN_DEADLINE_MS: String(DEADLINE_MS) });
    drive = turnDriver(bot.url, connector.url);
    // The person's chat is known (as after installing the bot), so late answers have somewhere to go.
    for (const locale of ['en', 'fr'] as const)
      await drive.post(drive.activity(who(locale), { type: 'installationUpdate', action: 'add' }));
  });
  beforeEach(() => w.clock.set('2025-03-03T10:00:00.000Z'));
  afterEach(() => relay.setDelay(0));
  after(async function () {
    this.timeout(30_000);
    relay.setDelay(0);
    await bot?.stop();
    await slow?.close();
    await relay?.close();
    await connector?.close();
  });

  for (const locale of ['en', 'fr'] as const) {
    it(`a click past the deadline gets a "still working" card in time, then the clicked card is updated with the real answer, applied once (${locale})`, async function () {
      this.timeout(60_000);
      const t = deadlineTexts[locale];
      const v = await newVoucher(w);
      const cardId = `card-${locale}-${v.number}`;
      relay.setDelay(400);
      const activity = click(v, locale, { deliveryMode: 'normal', replyToId: cardId });
      const { value: res, ms } = await timed(request(bot.url, { body: activity }));
      assert.equal(res.status, 200);
      assert.ok(ms < DEADLINE_MS + 1_000, `answered after ${ms} ms`);
      const body = res.json<{ statusCode: number; type: string; value: unknown }>();
      assert.equal(body.statusCode, 200);
      assert.equal(body.type, 'application/vnd.microsoft.card.adaptive');
      assert.match(readable(body.value), new RegExp(t.workingTitle));
      assert.ok(readable(body.value).includes(t.cardWillUpdate), readable(body.value));
      assert.equal(bot.server.inFlight(), 1, 'the turn goes on after its early answer (a shutdown waits for it)');
      relay.setDelay(0);
      await connector.waitFor(() => updatesOf(cardId).length > 0, 30_000);
      await until(async () => bot.server.inFlight() === 0);
      const [update] = updatesOf(cardId) as [ConnectorPost];
      assert.equal(update.conversationId, chat());
      const attachments = update.body.attachments as { content: unknown }[];
      const text = readable(attachments[0]?.content);
      assert.ok(text.includes(labels[locale].state.reserved), text);
      assert.ok(text.includes(v.number), text);
      assert.ok(!text.includes(t.workingTitle), 'the real answer, not the waiting card');
      assert.equal(await reserves(v), 1);
      const [line] = await lineOf(String(activity.id));
      assert.equal(line?.outcome, 'late');
      assert.equal(line?.answer, 'ok');
      assert.equal(line?.delivery, 'queued');
      assert.equal(line?.command, 'voucher.reserve');
      assert.ok(Number(line?.answeredMs) < DEADLINE_MS + 500, String(line?.answeredMs));
      assert.equal(updatesOf(cardId).length, 1, 'the card is updated once');
    });
  }

  for (const locale of ['en', 'fr'] as const) {
    it(`a message past the deadline gets a short "still working" message, then its answer as a normal message (${locale})`, async function () {
      this.timeout(60_000);
      const v = await newVoucher(w);
      const before = connector.posts.length;
      relay.setDelay(2_000);
      const activity = drive.activity(who(locale), {
        type: 'message',
        text: `${locale === 'fr' ? 'bon' : 'voucher'} ${v.number}`,
        deliveryMode: 'normal',
      });
      const { value: res, ms } = await timed(request(bot.url, { body: activity }));
      assert.equal(res.status, 200);
      assert.ok(ms < DEADLINE_MS + 1_000, `answered after ${ms} ms`);
      const mine = () => connector.posts.slice(before).filter((p) => p.method === 'POST' && p.conversationId === chat());
      await connector.waitFor(() => mine().length >= 1, 5_000);
      assert.deepEqual(
        mine().map((p) => p.body.text),
        [deadlineTexts[locale].answerFollows],
        'the "still working" message comes first',
      );
      relay.setDelay(0);
      await connector.waitFor(() => mine().length >= 2, 30_000);
      const [working, answer] = mine() as [ConnectorPost, ConnectorPost];
      assert.ok(working.at <= answer.at);
      const text = readable(answer.body.attachments);
      assert.ok(text.includes(v.number), text);
      assert.ok(text.includes(labels[locale].state.assigned), text);
      const [line] = await lineOf(String(activity.id));
      assert.equal(line?.outcome, 'late');
      assert.equal(line?.command, 'voucher');
      // A normal send after that still works: the next message is answered as usual.
      relay.setDelay(0);
      const next = drive.activity(who(locale), { type: 'message', text: locale === 'fr' ? 'aide' : 'help', deliveryMode: 'normal' });
      assert.equal((await request(bot.url, { body: next })).status, 200);
      await connector.waitFor(() => mine().length >= 3, 10_000);
      assert.equal((await lineOf(String(next.id)))[0]?.outcome, 'ok');
    });
  }

  for (const locale of ['en', 'fr'] as const) {
    it(`with expectReplies the HTTP answer is the "still working" reply; the work completes and is applied once, and a redelivery gets its answer (${locale})`, async function () {
      this.timeout(60_000);
      const t = deadlineTexts[locale];
      const v = await newVoucher(w);
      const cardId = `card-er-${locale}-${v.number}`;
      relay.setDelay(400);
      const activity = click(v, locale, { replyToId: cardId });
      const { value: first, ms } = await timed(drive.post(activity));
      assert.equal(first.status, 200);
      assert.ok(ms < DEADLINE_MS + 1_000, `answered after ${ms} ms`);
      assert.equal(first.invoke?.statusCode, 200);
      assert.ok(first.readable.replace(/\\</g, '<').includes(t.lookAgain), first.readable);
      const [line] = await lineOf(String(activity.id));
      assert.equal(line?.outcome, 'late');
      assert.equal(line?.delivery, 'kept');
      assert.equal(await reserves(v), 1, 'the work went on and was applied');
      relay.setDelay(0);
      const again = await drive.post(activity);
      assert.ok(again.readable.includes(labels[locale].state.reserved), again.readable);
      assert.equal(await reserves(v), 1, 'applied once');
      assert.equal(updatesOf(cardId).length, 0, 'nothing is sent outside the HTTP answer');
      // A message too.
      relay.setDelay(2_000);
      const said = await drive.say(who(locale), `${locale === 'fr' ? 'bon' : 'voucher'} ${v.number}`);
      assert.equal(said.readable, t.lookAgain);
    });
  }

  it('a redelivery while the first is still running gets the still-running answer, and the click is applied and answered once', async function () {
    this.timeout(60_000);
    const v = await newVoucher(w);
    const cardId = `card-dup-${v.number}`;
    relay.setDelay(400);
    const activity = click(v, 'fr', { deliveryMode: 'normal', replyToId: cardId });
    const first = request(bot.url, { body: activity });
    await new Promise((r) => setTimeout(r, 100));
    const { value: second, ms } = await timed(request(bot.url, { body: activity }));
    assert.ok(ms < DEADLINE_MS + 1_000, `answered after ${ms} ms`);
    assert.deepEqual(second.json(), {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: messages.fr.stillRunning,
    });
    const firstBody = (await first).json<{ value: unknown }>();
    assert.ok(readable(firstBody.value).includes(deadlineTexts.fr.cardWillUpdate), readable(firstBody.value));
    await connector.waitFor(() => updatesOf(cardId).length > 0, 30_000);
    await lineOf(String(activity.id)).then(() => until(async () => bot.turnLines(String(activity.id)).length === 2));
    const lines = bot.turnLines(String(activity.id));
    assert.deepEqual(
      lines.map((l) => [l.outcome, l.replayed]).sort(),
      [
        ['late', false],
        ['ok', true],
      ].sort(),
    );
    assert.equal(await reserves(v), 1);
    relay.setDelay(0);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(updatesOf(cardId).length, 1, 'one update of the card');
  });

  it('a late answer to a message in a channel thread goes to that thread', async function () {
    this.timeout(60_000);
    const v = await newVoucher(w);
    const channel = '19:staff@thread.tacv2';
    const thread = `${channel};messageid=1700000000001`;
    const inThread = {
      conversation: { id: thread, conversationType: 'channel', tenantId: `tenant-${SLUG}` },
      channelData: { tenant: { id: `tenant-${SLUG}` }, channel: { id: channel } },
    };
    // The channel is known (the bot was added to the team), so late answers can reach it.
    await drive.post(
      drive.activity(who('en'), {
        type: 'conversationUpdate',
        membersAdded: [{ id: '28:voucher-bot' }],
        ...inThread,
        conversation: { ...inThread.conversation, id: channel },
      }),
    );
    relay.setDelay(2_000);
    const activity = drive.activity(who('en'), { type: 'message', text: `voucher ${v.number}`, deliveryMode: 'normal', ...inThread });
    assert.equal((await request(bot.url, { body: activity })).status, 200);
    relay.setDelay(0);
    await connector.waitFor((posts) => posts.filter((p) => p.conversationId === thread).length >= 2, 30_000);
    const [working, answer] = connector.posts.filter((p) => p.conversationId === thread) as [ConnectorPost, ConnectorPost];
    assert.equal(working.body.text, deadlineTexts.en.answerFollows);
    assert.ok(readable(answer.body.attachments).includes(v.number));
    assert.equal(
      connector.posts.filter((p) => p.conversationId === channel && p.method === 'POST').length,
      0,
      'nothing posted as a new thread',
    );
    assert.equal((await lineOf(String(activity.id)))[0]?.delivery, 'queued');
  });

  it('a card refresh (trigger automatic) past the deadline gets an empty answer, and no message is updated (Teams keeps the card)', async function () {
    this.timeout(60_000);
    const cardId = 'card-refresh-1';
    relay.setDelay(2_000);
    const activity = drive.activity(who('fr'), {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'vouchers.page', data: { page: 0 } }, trigger: 'automatic' },
      deliveryMode: 'normal',
      replyToId: cardId,
    });
    const { value: res, ms } = await timed(request(bot.url, { body: activity }));
    assert.ok(ms < DEADLINE_MS + 1_000, `answered after ${ms} ms`);
    assert.deepEqual(res.json(), { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: '' });
    const [line] = await lineOf(String(activity.id));
    assert.equal(line?.outcome, 'late');
    assert.equal(line?.delivery, 'nothing to send');
    assert.equal(updatesOf(cardId).length, 0);
  });

  it('a message whose answer is slow to post (slow Bot Connector) still gets its HTTP answer at the deadline, and its answer once', async function () {
    this.timeout(30_000);
    const slowConnector = await startFakeConnector({ delayMs: 3_000 });
    try {
      const activity = turnDriver(bot.url, slowConnector.url).activity(who('fr'), {
        type: 'message',
        text: 'aide',
        deliveryMode: 'normal',
      });
      const { value: res, ms } = await timed(request(bot.url, { body: activity }));
      assert.equal(res.status, 200);
      assert.ok(ms < DEADLINE_MS + 1_000, `answered after ${ms} ms`);
      const [line] = await lineOf(String(activity.id));
      assert.equal(line?.outcome, 'ok', 'the turn answered itself, only the connector was slow');
      assert.equal(slowConnector.calls.filter((c) => c.method === 'POST').length, 1, 'no "still working" message besides the answer');
    } finally {
      await slowConnector.close();
    }
  });

  it('answers at once and logs the usual outcome when the database is quick', async function () {
    this.timeout(30_000);
    const v = await newVoucher(w);
    await reserveFr(w, v);
    const answer = await drive.say(who('en'), `voucher ${v.number}`);
    assert.ok(answer.readable.includes(en.state.reserved), answer.readable);
    assert.equal((await lineOf(answer.id))[0]?.outcome, 'ok');
  });
});
