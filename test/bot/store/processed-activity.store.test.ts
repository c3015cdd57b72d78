import assert from 'node:assert/strict';
import { processedActivityStore } from '../../../bot/store/processed-activity.store';
import type { Answer } from '../../../bot/routing/types';
import { useTestDatabase } from '../../helpers/db';
import { capturedLogger } from '../../helpers/log-capture';

const answer = (text: string): Answer => ({ replies: [{ kind: 'text', text }], invoke: null, outcome: 'ok', command: 'test' });
const running = () => answer('still running');

describe('bot/store processed activities (real database)', () => {
  const db = useTestDatabase('bot-processed');
  const log = capturedLogger();

  it('runs a key once and replays the stored answer, card JSON with "$schema" keys included', async () => {
    const store = processedActivityStore(db.connection, log.log);
    let runs = 0;
    const card: Answer = {
      replies: [
        { kind: 'card', card: { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.5' } },
      ],
      invoke: null,
      outcome: 'ok',
      command: 'x',
    };
    const produce = async () => ({ answer: (runs++, card), keep: true });
    const first = await store.run([{ id: 'k1', ttlMs: 60_000 }], produce, running);
    const second = await store.run([{ id: 'k1', ttlMs: 60_000 }], produce, running);
    assert.equal(runs, 1);
    assert.equal(first.replayed, false);
    assert.equal(second.replayed, true);
    assert.deepEqual(second.answer, card);
  });

  it('gives the claim up when the turn fails or keeps nothing, so a redelivery runs again', async () => {
    const store = processedActivityStore(db.connection, log.log);
    await assert.rejects(
      store.run(
        [{ id: 'k2', ttlMs: 60_000 }],
        async () => {
          throw new Error('boom');
        },
        running,
      ),
    );
    const again = await store.run([{ id: 'k2', ttlMs: 60_000 }], async () => ({ answer: answer('second try'), keep: true }), running);
    assert.equal(again.replayed, false);
    const apology = await store.run([{ id: 'k3', ttlMs: 60_000 }], async () => ({ answer: answer('sorry'), keep: false }), running);
    assert.equal(apology.replayed, false);
    const retried = await store.run([{ id: 'k3', ttlMs: 60_000 }], async () => ({ answer: answer('done now'), keep: true }), running);
    assert.equal((retried.answer.replies[0] as { text: string }).text, 'done now');
  });

  it('claims all keys or none: a turn whose second key another turn holds gives its first key up', async () => {
    const store = processedActivityStore(db.connection, log.log, { waitMs: 100 });
    let release: () => void = () => undefined;
    const holder = store.run(
      [{ id: 'k7-b', ttlMs: 60_000 }],
      () => new Promise((resolve) => (release = () => resolve({ answer: answer('b'), keep: true }))),
      running,
    );
    await new Promise((r) => setTimeout(r, 50));
    let ran = false;
    const both = await store.run(
      [
        { id: 'k7-a', ttlMs: 60_000 },
        { id: 'k7-b', ttlMs: 60_000 },
      ],
      async () => ({ answer: ((ran = true), answer('both')), keep: true }),
      running,
    );
    assert.equal(ran, false);
    assert.equal((both.answer.replies[0] as { text: string }).text, 'still running');
    const onlyA = await store.run([{ id: 'k7-a', ttlMs: 60_000 }], async () => ({ answer: answer('a alone'), keep: true }), running);
    assert.equal(onlyA.replayed, false, 'the key claimed before the held one was given up');
    release();
    await holder;
  });

  it('takes over a claim left without an answer past its lease (an instance stopped mid-turn)', async () => {
    const crashed = processedActivityStore(db.connection, log.log, { leaseMs: 200, waitMs: 2_000 });
    const pending = crashed.run([{ id: 'k4', ttlMs: 60_000 }], () => new Promise(() => undefined), running);
    void pending;
    await new Promise((r) => setTimeout(r, 50));
    const other = processedActivityStore(db.connection, log.log, { leaseMs: 200, waitMs: 2_000 });
    const result = await other.run([{ id: 'k4', ttlMs: 60_000 }], async () => ({ answer: answer('taken over'), keep: true }), running);
    assert.equal((result.answer.replies[0] as { text: string }).text, 'taken over');
  });

  it('says "still running" to a duplicate that waited longer than allowed, without running it', async () => {
    const slow = processedActivityStore(db.connection, log.log, { waitMs: 100 });
    let release: () => void = () => undefined;
    const first = slow.run(
      [{ id: 'k5', ttlMs: 60_000 }],
      () => new Promise((resolve) => (release = () => resolve({ answer: answer('first'), keep: true }))),
      running,
    );
    await new Promise((r) => setTimeout(r, 50));
    let ran = false;
    const dup = await slow.run([{ id: 'k5', ttlMs: 60_000 }], async () => ({ answer: ((ran = true), answer('dup')), keep: true }), running);
    assert.equal(ran, false);
    assert.equal((dup.answer.replies[0] as { text: string }).text, 'still running');
    release();
    assert.equal(((await first).answer.replies[0] as { text: string }).text, 'first');
  });

  it('expires records: a TTL index where the server has one, else a sweep deletes expired ones', async () => {
    const store = processedActivityStore(db.connection, log.log, { sweepEveryMs: 0 });
    const hasTtl = await store.ready();
    const collection = db.connection.collection('processed_activities');
    await collection.insertOne({
      _id: 'expired-one' as never,
      kind: 'claim',
      at: new Date(0),
      expiresAt: new Date(Date.now() - 1_000),
      answer: null,
    });
    await store.run([{ id: 'k6', ttlMs: 60_000 }], async () => ({ answer: answer('x'), keep: true }), running);
    const indexes = await collection.indexes();
    if (hasTtl) {
      assert.ok(
        indexes.some((i) => i.expireAfterSeconds === 0),
        'TTL index on expiresAt',
      );
    } else {
      for (let i = 0; i < 50 && (await collection.countDocuments({ _id: 'expired-one' as never })) > 0; i++)
        await new Promise((r) => setTimeout(r, 20));
      assert.equal(await collection.countDocuments({ _id: 'expired-one' as never }), 0, 'the sweep deleted the expired record');
      assert.ok(log.lines().some((l) => String(l.msg).includes('swept instead')));
    }
  });
});
