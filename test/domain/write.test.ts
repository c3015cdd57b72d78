import assert from 'node:assert/strict';
import { Types } from 'mongoose';
import { fixedClock } from '../../domain/clock';
import { createDeps, ensureIndexes, type DomainDeps } from '../../domain/models';
import { detectStore, isDuplicateKey } from '../../domain/store';
import { removeVersioned, updateCurrent, updateEach, updateVersioned, upsertOne } from '../../domain/write';
import { useTestDatabase } from '../helpers/db';

/** The one write path against the real server (FerretDB here; MongoDB answers the same API). */
describe('domain/write: the one write path (real database)', function () {
  this.timeout(60_000);
  const db = useTestDatabase('write-path');
  const clock = fixedClock('2025-03-03T10:00:00Z');
  let deps: DomainDeps;
  let other: DomainDeps;
  before(async () => {
    deps = createDeps(db.connection, clock);
    other = createDeps(await db.openAnother(), clock);
    await ensureIndexes(deps.models);
  });

  it('detects the server once: FerretDB takes the claim, anything else does not', async () => {
    const info = await deps.store.info();
    const probed = await detectStore(db.connection);
    assert.deepEqual(info, probed);
    assert.equal(info.writeMode, info.server === 'ferretdb' ? 'claim' : 'atomic');
    const forced = createDeps(db.connection, clock, { writeMode: 'atomic' });
    assert.equal((await forced.store.info()).writeMode, 'atomic');
  });

  it('recognises a unique-index clash from an insert and from an update, as the server reports each', async () => {
    const people = deps.models.people;
    const partnerId = new Types.ObjectId();
    const base = { partnerId, name: 'A', email: 'a@x.test', roles: [], locationIds: [], qualifications: [], version: 1 };
    await people.create({ ...base, _id: new Types.ObjectId(), aadObjectId: 'dup-1' });
    const second = await people.create({ ...base, _id: new Types.ObjectId(), aadObjectId: 'dup-2' });
    const insertError = await people.create({ ...base, _id: new Types.ObjectId(), aadObjectId: 'dup-1' }).then(
      () => null,
      (e: unknown) => e,
    );
    assert.ok(isDuplicateKey(insertError), `insert: ${String(insertError)}`);
    const r = await updateVersioned(deps, {
      model: people,
      id: second._id,
      version: 1,
      filter: { partnerId },
      update: { $set: { aadObjectId: 'dup-1' } },
    });
    assert.deepEqual(r, { ok: false, reason: 'duplicate' });
    const after = await people.findById(second._id).lean();
    assert.equal(after?.aadObjectId, 'dup-2', 'the refused update left the document as it was');
    assert.equal(isDuplicateKey(new Error('E11000 lookalike')), false);
    assert.equal(isDuplicateKey({ code: 1, codeName: 'InternalError', errmsg: 'some other failure' }), false);
  });

  it('gives a version to a document written before versions existed, and bumps it on every write', async () => {
    const _id = new Types.ObjectId();
    await db.connection.collection('locations').insertOne({
      _id,
      partnerId: new Types.ObjectId(),
      locationId: 'OLD',
      name: 'Old',
      country: 'FR',
      approvedPrograms: [],
      contacts: [],
    });
    const m = deps.models.locations;
    const r = await updateCurrent(deps, { model: m, filter: { _id }, change: () => ({ $set: { name: 'Renamed' } }) });
    assert.ok(r.ok);
    assert.equal(r.doc.version, 1);
    const again = await updateCurrent(deps, { model: m, filter: { _id }, change: () => ({ $set: { name: 'Again' } }) });
    assert.ok(again.ok);
    assert.equal(again.doc.version, 2);
  });

  it('keeps every one of 20 concurrent commutative changes of one document made from two connections', async () => {
    const up = await upsertOne(deps, {
      model: deps.models.locations,
      filter: { locationId: 'BUSY' },
      insert: () => ({
        _id: new Types.ObjectId(),
        partnerId: new Types.ObjectId(),
        locationId: 'BUSY',
        name: 'Busy',
        country: 'FR',
        approvedPrograms: [],
        contacts: [],
      }),
      change: () => null,
    });
    assert.ok(up.ok && up.created);
    const programs = Array.from({ length: 20 }, (_, i) => `P${i}`);
    await Promise.all(
      programs.map((p, i) =>
        updateCurrent(i % 2 ? other : deps, {
          model: (i % 2 ? other : deps).models.locations,
          filter: { locationId: 'BUSY' },
          change: (cur) => (cur.approvedPrograms.includes(p) ? null : { $push: { approvedPrograms: p } }),
        }),
      ),
    );
    const after = await deps.models.locations.findOne({ locationId: 'BUSY' }).lean();
    assert.deepEqual([...(after?.approvedPrograms ?? [])].sort(), [...programs].sort());
    assert.equal(after?.version, 21);
  });

  it('updates each selected document once, a page at a time, and counts them', async () => {
    const partnerId = new Types.ObjectId();
    const docs = Array.from({ length: 45 }, (_, i) => ({
      _id: new Types.ObjectId(),
      partnerId,
      locationId: `E${i}`,
      name: 'x',
      country: i % 3 ? 'FR' : 'US',
      approvedPrograms: [],
      contacts: [],
      version: 1,
    }));
    await deps.models.locations.insertMany(docs);
    const changed = await updateEach(deps, {
      model: deps.models.locations,
      filter: { partnerId, country: 'FR' },
      update: { $set: { name: 'swept' } },
      batch: 7,
      parallel: 3,
    });
    assert.equal(changed, 30);
    const swept = await deps.models.locations.find({ partnerId, name: 'swept' }).lean();
    assert.equal(swept.length, 30);
    assert.ok(swept.every((d) => d.version === 2 && d.country === 'FR'));
    assert.equal(
      await updateEach(deps, {
        model: deps.models.locations,
        filter: { partnerId, country: 'FR', name: 'x' },
        update: { $set: { name: 'y' } },
      }),
      0,
    );
  });

  it('removes a document only at the version read, so a concurrent change is not deleted', async () => {
    const _id = new Types.ObjectId();
    await deps.models.locations.create({ _id, partnerId: new Types.ObjectId(), locationId: 'RM', name: 'x', country: 'FR', version: 1 });
    await updateVersioned(deps, { model: deps.models.locations, id: _id, version: 1, filter: {}, update: { $set: { name: 'changed' } } });
    assert.equal(await removeVersioned(deps, { model: deps.models.locations, id: _id, version: 1, filter: {} }), false);
    assert.equal(await removeVersioned(deps, { model: deps.models.locations, id: _id, version: 2, filter: {} }), true);
    assert.equal(await deps.models.locations.exists({ _id }), null);
  });

  it('without the claim (the mode MongoDB gets) the same writes apply, conditional and versioned', async () => {
    const atomic = createDeps(db.connection, clock, { writeMode: 'atomic' });
    const partnerId = new Types.ObjectId();
    const docs = Array.from({ length: 5 }, (_, i) => ({
      _id: new Types.ObjectId(),
      partnerId,
      locationId: `A${i}`,
      name: 'x',
      country: 'FR',
      approvedPrograms: [],
      contacts: [],
      version: 1,
    }));
    await atomic.models.locations.insertMany(docs);
    const first = docs[0];
    assert.ok(first);
    assert.deepEqual(
      await updateVersioned(atomic, {
        model: atomic.models.locations,
        id: first._id,
        version: 2,
        filter: {},
        update: { $set: { name: 'stale' } },
      }),
      { ok: false, reason: 'unmatched' },
    );
    assert.equal(await updateEach(atomic, { model: atomic.models.locations, filter: { partnerId }, update: { $set: { name: 'all' } } }), 5);
    const r = await updateCurrent(atomic, {
      model: atomic.models.locations,
      filter: { _id: first._id },
      change: () => ({ $set: { name: 'one' } }),
    });
    assert.ok(r.ok);
    assert.deepEqual([r.doc.name, r.doc.version], ['one', 3]);
    assert.equal(await removeVersioned(atomic, { model: atomic.models.locations, id: first._id, version: 3, filter: {} }), true);
  });

  it('ensureIndexes creates every index the models declare, unique ones included', async () => {
    for (const model of Object.values(deps.models)) {
      const existing = await model.collection.listIndexes().toArray();
      for (const [fields, options] of model.schema.indexes()) {
        const found = existing.find((i) => JSON.stringify(i.key) === JSON.stringify(fields));
        assert.ok(found, `${model.collection.collectionName}: index ${JSON.stringify(fields)} missing`);
        if (options.unique) assert.equal(found.unique, true, `${model.collection.collectionName}: ${JSON.stringify(fields)} not unique`);
      }
    }
  });
});
