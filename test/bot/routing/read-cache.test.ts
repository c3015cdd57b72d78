import assert from 'node:assert/strict';
import { ReadCache, collectionsOf, configureReadCache, readCacheOf } from '../../../bot/routing/read-cache';
import { identify } from '../../../bot/routing/identify';
import type { IncomingTurn } from '../../../bot/routing/types';
import { createDomain } from '../../../domain/domain';
import { useTestDatabase } from '../../helpers/db';
import { createWorld, type World } from '../../domain/world';

/** The turn fields `identify` reads. */
const turnOf = (tenantId: string, userAadObjectId: string) => ({ tenantId, userAadObjectId }) as IncomingTurn;

describe('bot/routing/read-cache: reads a turn may reuse, never past a write of this process or the time limit', function () {
  this.timeout(60_000);
  const db = useTestDatabase('read-cache');
  let w: World;
  before(async () => {
    w = await createWorld(db.connection, 'rcache');
  });

  it('serves a second read from the cache within the time limit, and reads again after it', async () => {
    let now = 1_000;
    const cache = new ReadCache(2_000, () => now);
    let loads = 0;
    const load = async () => ++loads;
    assert.equal(await cache.get('k', ['nothing'], load), 1);
    now += 1_999;
    assert.equal(await cache.get('k', ['nothing'], load), 1);
    now += 1;
    assert.equal(await cache.get('k', ['nothing'], load), 2);
  });

  it('keeps nothing when the time limit is 0, and nothing the caller says not to keep', async () => {
    let loads = 0;
    const off = new ReadCache(0);
    await off.get('k', [], async () => ++loads);
    await off.get('k', [], async () => ++loads);
    assert.equal(loads, 2);
    const on = new ReadCache(60_000);
    await on.get(
      'k',
      [],
      async () => ++loads,
      () => false,
    );
    await on.get(
      'k',
      [],
      async () => ++loads,
      () => false,
    );
    assert.equal(loads, 4);
  });

  it("a person's new roles are seen by the very next turn after a write through the domain, even from another connection", async () => {
    const domain = w.domain;
    configureReadCache(domain, 60_000);
    const turn = turnOf('tenant-rcache', 'rcache-outsider');
    const before = await identify(domain, turn);
    assert.ok('actor' in before);
    assert.deepEqual(before.actor.roles, ['staff']);
    // Another connection (another domain object) of this process changes the roles.
    const other = createDomain({ connection: await db.openAnother(), clock: w.clock });
    await other.people.upsert(w.admin, {
      aadObjectId: 'rcache-outsider',
      name: 'Otto Outsider',
      email: 'out@rcache.test',
      roles: ['manager'],
    });
    const after = await identify(domain, turn);
    assert.ok('actor' in after);
    assert.deepEqual(after.actor.roles, ['manager']);
  });

  it('within the limit and with no write, the same person is not read again (the saving the cache is for)', async () => {
    const domain = w.domain;
    configureReadCache(domain, 60_000);
    const turn = turnOf('tenant-rcache', 'rcache-manager');
    const first = await identify(domain, turn);
    const second = await identify(domain, turn);
    assert.ok('actor' in first && 'actor' in second);
    assert.equal(first.actor, second.actor, 'the second turn reuses the actor read by the first');
    assert.deepEqual(collectionsOf(domain, 'people', 'partners'), [
      domain.deps.models.people.collection.collectionName,
      domain.deps.models.partners.collection.collectionName,
    ]);
  });

  it('a change made by another process is seen within the limit by what a turn shows, and at once by a turn that changes something', async () => {
    const domain = w.domain;
    configureReadCache(domain, 60_000);
    const turn = turnOf('tenant-rcache', 'rcache-staff-us');
    const shown = await identify(domain, turn);
    assert.ok('actor' in shown);
    assert.deepEqual(shown.actor.roles, ['staff']);
    // Another process: straight to the collection, so this process's write generations do not move.
    const people = domain.deps.models.people.collection;
    // eslint-disable-next-line no-restricted-properties -- stands for another process's write, which this process's generations cannot see
    await people.findOneAndUpdate({ aadObjectId: 'rcache-staff-us' }, { $set: { roles: ['manager'] } });
    const cached = await identify(domain, turn);
    assert.ok('actor' in cached);
    assert.deepEqual(
      cached.actor.roles,
      ['staff'],
      'a turn that only shows something may use what was read less than IDENTITY_CACHE_MS ago',
    );
    const fresh = await identify(domain, turn, { fresh: true });
    assert.ok('actor' in fresh);
    assert.deepEqual(fresh.actor.roles, ['manager'], 'a turn that changes something reads the roles again');
  });

  it('a stranger is never kept: once added, the next turn knows them', async () => {
    const domain = w.domain;
    configureReadCache(domain, 60_000);
    const turn = turnOf('tenant-rcache', 'rcache-newcomer');
    await assert.rejects(identify(domain, turn), (e: unknown) => (e as { code?: string }).code === 'PERSON_NOT_FOUND');
    await w.domain.people.upsert(w.admin, {
      aadObjectId: 'rcache-newcomer',
      name: 'Nora Newcomer',
      email: 'nora@rcache.test',
      roles: ['staff'],
    });
    const known = await identify(domain, turn);
    assert.ok('actor' in known);
    assert.deepEqual(known.actor.roles, ['staff']);
  });

  it('one cache per domain: two bots of one process never share entries', () => {
    const other = createDomain({ connection: db.connection, clock: w.clock });
    assert.notEqual(readCacheOf(other), readCacheOf(w.domain));
  });
});
