import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { conversationRefStore } from '../../../bot/proactive/conversation-ref.store';
import { outboxStore, SENDS_PER_SECOND, type NewMessage } from '../../../bot/proactive/outbox';
import type { OutboxRecord } from '../../../bot/proactive/outbox.model';
import { createOutboxWorker, type PayloadHandler } from '../../../bot/proactive/outbox-worker';
import { retryDecision } from '../../../bot/proactive/retry.rules';
import { createProactiveSender } from '../../../bot/teams/proactive';
import { fixedClock } from '../../../domain/clock';
import { useTestDatabase } from '../../helpers/db';
import { capturedLogger } from '../../helpers/log-capture';
import { startScriptedConnector, type ScriptedConnector } from '../../helpers/scripted-connector';

const TENANT = 'tenant-outbox';

/** A payload that posts a text naming its record, so each post can be traced to its message. */
const textHandler: PayloadHandler = { render: async (data) => ({ reply: { kind: 'text', text: String(data.text) } }) };

function message(key: string, aadObjectId: string, text = key): NewMessage {
  return { key, target: { kind: 'person', tenantId: TENANT, aadObjectId }, kind: 'text', data: { text } };
}

/** One instance of the bot's proactive side on its own connection: what a second process would have. */
function instance(connection: Connection, connector: ScriptedConnector, leaseMs = 60_000) {
  const log = capturedLogger();
  const outbox = outboxStore(connection, { leaseMs });
  const refs = conversationRefStore(connection);
  const sender = createProactiveSender({ MicrosoftAppType: 'MultiTenant' }, log.log);
  const worker = createOutboxWorker({ outbox, refs, sender, handlers: { text: textHandler }, log: log.log }, { pollMs: 30 });
  return { outbox, refs, worker, log, sender, connector };
}

async function installed(
  refs: ReturnType<typeof conversationRefStore>,
  connector: ScriptedConnector,
  aadObjectId: string,
): Promise<string> {
  const conversationId = `a:chat-${aadObjectId}`;
  const reference = {
    serviceUrl: connector.url,
    channelId: 'msteams',
    conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT },
    bot: { id: '28:bot', name: 'Bot' },
    user: { id: `29:${aadObjectId}`, aadObjectId },
  };
  await refs.remember({ tenantId: TENANT, aadObjectId, conversationId, reference, locale: 'en' });
  return conversationId;
}

async function until<T>(read: () => Promise<T | null>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== null && ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 40));
  }
}

describe('bot/proactive outbox (real database, fake Bot Connector over HTTP, real botbuilder sender)', () => {
  const db = useTestDatabase('outbox');
  let connector: ScriptedConnector;
  let a: ReturnType<typeof instance>;

  before(async function () {
    this.timeout(30_000);
    connector = await startScriptedConnector();
    a = instance(db.connection, connector);
    await a.refs.ensureIndexes();
    await a.outbox.ensureIndexes();
  });
  afterEach(async () => {
    await a.worker.stop();
  });
  after(async () => {
    await connector.close();
  });

  const record = (key: string) =>
    until(
      () => a.outbox.model.findOne({ key }).lean<OutboxRecord>(),
      (r) => r.state !== 'pending',
    );

  it('retries a 429 without Retry-After with backoff, and sends it', async function () {
    this.timeout(20_000);
    const conversationId = await installed(a.refs, connector, 'u-429');
    connector.failNext(1, { status: 429 }, conversationId);
    await a.outbox.enqueue([message('m-429', 'u-429')]);
    a.worker.start();
    const r = await record('m-429');
    assert.equal(r.state, 'sent');
    assert.equal(r.attempts, 2, 'one refused try, one sent');
    const refusedAt = connector.refused.find((x) => x.conversationId === conversationId)?.at ?? 0;
    const sentAt = connector.posts.find((p) => p.conversationId === conversationId)?.at ?? 0;
    assert.ok(sentAt - refusedAt >= 450, `the retry waited its backoff (${sentAt - refusedAt} ms)`);
    assert.equal((connector.posts.find((p) => p.conversationId === conversationId)?.body as { text?: string }).text, 'm-429');
  });

  it('honours a 429 Retry-After before sending again', async function () {
    this.timeout(20_000);
    const conversationId = await installed(a.refs, connector, 'u-ra');
    connector.failNext(1, { status: 429, retryAfterSeconds: 1 }, conversationId);
    await a.outbox.enqueue([message('m-ra', 'u-ra')]);
    a.worker.start();
    assert.equal((await record('m-ra')).state, 'sent');
    const refusedAt = connector.refused.find((x) => x.conversationId === conversationId)?.at ?? 0;
    const sentAt = connector.posts.find((p) => p.conversationId === conversationId)?.at ?? 0;
    assert.ok(sentAt - refusedAt >= 950, `sent ${sentAt - refusedAt} ms after the 429 asked for 1 s`);
  });

  it('retries a 412, which the connector client does not retry itself', async function () {
    this.timeout(20_000);
    const conversationId = await installed(a.refs, connector, 'u-412');
    connector.failNext(1, { status: 412 }, conversationId);
    await a.outbox.enqueue([message('m-412', 'u-412')]);
    a.worker.start();
    const r = await record('m-412');
    assert.equal(r.state, 'sent');
    assert.ok(r.attempts >= 2);
  });

  it('records a 403 (bot removed) as undeliverable, tries no more, forgets the reference and shows no error text to anyone', async function () {
    this.timeout(20_000);
    const conversationId = await installed(a.refs, connector, 'u-403');
    connector.failNext(1, { status: 403 }, conversationId);
    await a.outbox.enqueue([message('m-403', 'u-403')]);
    a.worker.start();
    const r = await record('m-403');
    assert.equal(r.state, 'undeliverable');
    assert.equal(r.attempts, 1);
    assert.match(r.lastError ?? '', /403/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(connector.refused.filter((x) => x.conversationId === conversationId).length, 1, 'not tried again');
    assert.equal(connector.posts.filter((p) => p.conversationId === conversationId).length, 0, 'nothing, no error text, was posted there');
    assert.equal(await a.refs.person(TENANT, 'u-403'), null, 'the reference of a chat the bot was removed from is dropped');
    assert.ok(!a.log.raw().includes('proactive turn error'), 'the failure never reached onTurnError');
  });

  it('records a message to someone without a conversation reference as undeliverable', async function () {
    await a.outbox.enqueue([message('m-none', 'u-never-installed')]);
    a.worker.start();
    const r = await record('m-none');
    assert.equal(r.state, 'undeliverable');
    assert.match(r.lastError ?? '', /no conversation reference/);
  });

  it('keeps a message recorded before the process stopped, and the next process sends it', async function () {
    this.timeout(20_000);
    const conversationId = await installed(a.refs, connector, 'u-restart');
    // The first process records the message and stops before its loop sends anything.
    await a.outbox.enqueue([message('m-restart', 'u-restart')]);
    assert.equal((await a.outbox.model.findOne({ key: 'm-restart' }).lean<OutboxRecord>())?.state, 'pending');
    // A new process, on its own connection, starts and sends it.
    const next = instance(await db.openAnother(), connector);
    next.worker.start();
    try {
      await connector.waitFor((posts) => posts.some((p) => p.conversationId === conversationId));
      assert.equal((await record('m-restart')).state, 'sent');
    } finally {
      await next.worker.stop();
    }
  });

  it('takes over a message another instance leased and never finished, once its lease has passed', async function () {
    this.timeout(20_000);
    const conversationId = await installed(a.refs, connector, 'u-crash');
    const crashed = instance(await db.openAnother(), connector, 300);
    await crashed.outbox.enqueue([message('m-crash', 'u-crash')]);
    const [leased] = await crashed.outbox.lease(1);
    assert.equal(leased?.key, 'm-crash', 'the first instance holds it, then stops without sending');
    const b = instance(await db.openAnother(), connector, 300);
    assert.deepEqual(await b.outbox.lease(5).then((rs) => rs.filter((r) => r.key === 'm-crash')), [], 'not while the lease holds');
    b.worker.start();
    try {
      await connector.waitFor((posts) => posts.some((p) => p.conversationId === conversationId));
      assert.equal((await record('m-crash')).state, 'sent');
      assert.equal(connector.posts.filter((p) => p.conversationId === conversationId).length, 1);
    } finally {
      await b.worker.stop();
    }
  });

  it('leases each record to exactly one of two instances on two connections', async function () {
    this.timeout(30_000);
    const one = instance(await db.openAnother(), connector);
    const two = instance(await db.openAnother(), connector);
    const keys = Array.from({ length: 12 }, (_, i) => `race-${i}`);
    await one.outbox.enqueue(keys.map((k) => message(k, 'u-race')));
    const [first, second] = await Promise.all([one.outbox.lease(20), two.outbox.lease(20)]);
    const mine = (rs: OutboxRecord[]) => rs.map((r) => r.key).filter((k) => k.startsWith('race-'));
    const all = [...mine(first), ...mine(second)].sort();
    assert.deepEqual(all, [...keys].sort(), `every record leased once: ${mine(first).length} + ${mine(second).length}`);
    const stored = await one.outbox.model.find({ key: { $in: keys } }).lean<OutboxRecord[]>();
    for (const r of stored) assert.equal(r.leaseOwner, mine(first).includes(r.key) ? one.outbox.owner : two.outbox.owner, r.key);
  });

  it('removes finished records after a week and keeps pending ones', async () => {
    const lastWeek = outboxStore(db.connection, { clock: fixedClock(new Date(Date.now() - 8 * 86_400_000)) });
    await lastWeek.enqueue([message('old-sent', 'u-purge'), message('old-pending', 'u-purge')]);
    const leased = await lastWeek.lease(50);
    const sent = leased.find((r) => r.key === 'old-sent');
    assert.ok(sent && (await lastWeek.sent(sent, 'msg-old')));
    const other = leased.find((r) => r.key === 'old-pending');
    assert.ok(other && (await lastWeek.postpone(other, 0)));
    assert.ok((await a.outbox.purge(7 * 86_400_000)) >= 1);
    assert.equal(await a.outbox.model.findOne({ key: 'old-sent' }).lean(), null);
    assert.equal((await a.outbox.model.findOne({ key: 'old-pending' }).lean<OutboxRecord>())?.state, 'pending');
    await a.outbox.model.deleteOne({ key: 'old-pending' });
  });

  it('sends at most 7 messages per second to one conversation', async function () {
    this.timeout(30_000);
    const conversationId = await installed(a.refs, connector, 'u-burst');
    await a.outbox.enqueue(Array.from({ length: 16 }, (_, i) => message(`burst-${i}`, 'u-burst')));
    a.worker.start();
    await connector.waitFor((posts) => posts.filter((p) => p.conversationId === conversationId).length === 16, 20_000);
    const times = connector.posts.filter((p) => p.conversationId === conversationId).map((p) => p.at);
    for (const t of times)
      assert.ok(times.filter((x) => x >= t && x < t + 1_000).length <= SENDS_PER_SECOND, `more than 7 in the second after ${t}`);
  });
});

describe('bot/proactive retry rules', () => {
  it('retries 429, 412, 502, 503, 504 and no answer; 403 and 404 are undeliverable; 400 and 413 fail', () => {
    for (const status of [429, 412, 502, 503, 504, null]) assert.equal(retryDecision(status, null, 1, 0.5).kind, 'retry', String(status));
    for (const status of [403, 404]) assert.equal(retryDecision(status, null, 1, 0.5).kind, 'undeliverable');
    for (const status of [400, 413, 500]) assert.equal(retryDecision(status, null, 1, 0.5).kind, 'failed');
  });

  it('backs off exponentially with jitter, never sooner than Retry-After, and gives up after the last attempt', () => {
    const delay = (attempts: number, random: number, after: number | null = null) => {
      const d = retryDecision(429, after, attempts, random);
      return d.kind === 'retry' ? d.delayMs : -1;
    };
    assert.equal(delay(1, 0), 500);
    assert.equal(delay(1, 0.999), 1_000);
    assert.equal(delay(4, 0), 4_000);
    assert.ok(delay(4, 0.5) > delay(4, 0));
    assert.equal(delay(30, 0.5), -1);
    assert.equal(delay(20, 1), 300_000, 'capped at 5 minutes');
    assert.equal(delay(1, 0, 7_000), 7_000);
  });
});
