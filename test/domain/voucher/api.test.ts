import assert from 'node:assert/strict';
import { Types } from 'mongoose';
import { addDays, parseIsoDay } from '../../../domain/calendar';
import type { Location } from '../../../domain/location/location.model';
import type { Actor } from '../../../domain/person/person.model';
import { systemActor } from '../../../domain/person/person.service';
import { availableActions } from '../../../domain/voucher/actions.rules';
import type { Voucher } from '../../../domain/voucher/voucher.model';
import { useTestDatabase } from '../../helpers/db';
import { refused } from '../refused';
import { completedVoucher, createWorld, newVoucher, reserveFr, START, type World } from '../world';

describe('domain API for the bot: one id form, expectedState, uniform results, queries (real database)', function () {
  this.timeout(60_000);
  const db = useTestDatabase('api');
  let w: World;
  let nobody: Actor;
  before(async () => {
    w = await createWorld(db.connection, 'api');
    await w.domain.people.upsert(systemActor(w.admin.partnerId), {
      aadObjectId: 'api-nobody',
      name: 'No Role',
      email: 'no@api.test',
      roles: [],
    });
    nobody = await w.domain.people.resolveActor(w.admin.partnerId, 'api-nobody');
  });
  beforeEach(() => w.clock.set(START));
  const id = (v: { _id: unknown }) => String(v._id);

  it('a stale card is refused VOUCHER_CHANGED with the state the voucher is in now, and nothing is written', async () => {
    const v = await newVoucher(w);
    await reserveFr(w, v);
    const e = await refused(reserveFr(w, v, { expectedState: 'assigned' }), 'VOUCHER_CHANGED');
    assert.deepEqual(e.params, { number: v.number, expected: 'assigned', state: 'reserved' });
    await refused(
      w.domain.vouchers.schedule(w.staffFr, {
        voucherId: id(v),
        expectedState: 'scheduled',
        start: '2025-03-10',
        end: '2025-03-11',
        consultantAadObjectId: w.staffFr.aadObjectId,
      }),
      'VOUCHER_CHANGED',
    );
    const before = await w.domain.vouchers.get(w.staffFr, id(v));
    const ok = await w.domain.vouchers.cancel(w.staffFr, { voucherId: id(v), expectedState: 'reserved', reason: 'customer postponed' });
    assert.equal(ok.voucher.state, 'assigned');
    assert.equal(ok.voucher.version, before.version + 1);
    const done = await completedVoucher(w);
    await refused(
      w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [id(done)], expectedState: 'scheduled' }),
      'VOUCHER_CHANGED',
    );
  });

  it('every action returns { vouchers, approval, notices }: a state now, or the approval requested, or why a voucher did not move', async () => {
    const v = await newVoucher(w);
    const r = await reserveFr(w, v);
    assert.deepEqual(
      [r.vouchers.length, r.approval, r.notices],
      [1, null, [{ code: 'VOUCHER_NOW', params: { number: v.number, state: 'reserved' } }]],
    );
    const big = await newVoucher(w, { days: 10 });
    const asked = await reserveFr(w, big, { plannedStart: '2025-03-05' });
    assert.equal(asked.approval?.status, 'pending');
    assert.equal(asked.notices[0]?.code, 'APPROVAL_REQUESTED');
    w.clock.set('2025-03-06T09:00:00Z');
    const decided = await w.domain.approvals.approve(w.manager, { approvalId: String(asked.approval?._id) });
    const told = decided.notices.find((n) => n.code === 'NOT_APPLIED');
    assert.equal(told?.params.number, big.number);
    assert.equal((told?.params as { code: string }).code, 'ENGAGEMENT_ALREADY_STARTED');
    const done = await completedVoucher(w);
    const req = await w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [id(done)] });
    assert.equal(req.notices[0]?.code, 'APPROVAL_REQUESTED');
    const ok = await w.domain.approvals.approve(w.manager, { approvalId: String(req.approval._id) });
    assert.deepEqual(ok.notices, [{ code: 'VOUCHER_NOW', params: { number: done.number, state: 'redeemed' } }]);
  });

  it('finds a voucher by the number as typed, in one place; an unknown number is refused', async () => {
    const v = await newVoucher(w, { number: 'API-FIND-1' });
    assert.equal(id(await w.domain.vouchers.findByNumber(w.manager, '  api-find-1 ')), id(v));
    await refused(w.domain.vouchers.findByNumber(w.staffFr, 'API-NOPE'), 'VOUCHER_NOT_FOUND');
  });

  it("lists the consultants qualified for the voucher's program", async () => {
    const v = await newVoucher(w, { program: 'DTDPS' });
    assert.deepEqual(await w.domain.queries.consultants(w.staffUs, id(v)), [{ aadObjectId: w.staffFr.aadObjectId, name: 'Sacha Staff' }]);
    await refused(w.domain.queries.consultants(nobody, id(v)), 'NOT_PERMITTED');
  });

  it('queries take the actor and check the role', async () => {
    const v = await newVoucher(w);
    for (const q of [
      w.domain.queries.list(nobody),
      w.domain.queries.details(nobody, id(v)),
      w.domain.vouchers.get(nobody, id(v)),
      w.domain.vouchers.findByNumber(nobody, v.number),
      w.domain.queries.countByState(nobody),
    ]) {
      const e = await refused(q, 'NOT_PERMITTED');
      assert.deepEqual(e.params, { action: 'viewVouchers', roles: ['admin', 'staff', 'manager'] });
    }
  });

  it('lists a state newest action first, a page at a time', async () => {
    const x = await createWorld(db.connection, 'api-list');
    const made: Voucher[] = [];
    for (let i = 0; i < 12; i++) {
      x.clock.set(new Date(Date.parse(START) + i * 60_000));
      made.push(await newVoucher(x));
    }
    x.clock.set(new Date(Date.parse(START) + 60 * 60_000));
    await reserveFr(x, made[3] as Voucher);
    const first = await x.domain.queries.list(x.staffFr, { state: 'assigned', pageSize: 10 });
    assert.deepEqual([first.vouchers.length, first.hasMore, first.page], [10, true, 0]);
    assert.equal(first.vouchers[0]?.number, made[11]?.number);
    assert.ok(!first.vouchers.some((v) => v.number === made[3]?.number));
    const second = await x.domain.queries.list(x.staffFr, { state: 'assigned', page: 1, pageSize: 10 });
    assert.deepEqual([second.vouchers.length, second.hasMore], [1, false]);
    const all = await x.domain.queries.list(x.staffFr, { pageSize: 1 });
    assert.equal(all.vouchers[0]?.number, made[3]?.number, 'the newest action, whatever the state');
    assert.equal(all.vouchers[0]?.daysLeft, 178);
  });

  it('details: last five audit entries newest first, the pending approval, the buttons valid now, the claim quote', async () => {
    const done = await completedVoucher(w);
    const staffView = await w.domain.queries.details(w.staffFr, id(done));
    assert.deepEqual(
      staffView.recentAudit.map((a) => a.event),
      ['complete', 'addDeliverable', 'schedule', 'reserve', 'validate'],
    );
    assert.deepEqual(staffView.actions, ['addDeliverable', 'requestRedemption']);
    assert.deepEqual([staffView.claim?.amount, staffView.claim?.currency, staffView.claim?.deadline], [4750, 'EUR', null]);
    const { approval } = await w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [id(done)] });
    const managerView = await w.domain.queries.details(w.manager, id(done));
    assert.equal(String(managerView.approval?._id), String(approval._id));
    assert.deepEqual(managerView.actions, ['approve', 'reject']);
    assert.deepEqual((await w.domain.queries.details(w.staffUs, id(done))).actions, []);
    await w.domain.approvals.approve(w.manager, { approvalId: String(approval._id) });
    const redeemed = await w.domain.queries.details(w.staffFr, id(done));
    assert.deepEqual(redeemed.actions, ['claim']);
    assert.equal(redeemed.claim?.deadline?.toISOString().slice(0, 10), '2025-05-14');
    assert.equal(redeemed.claim?.daysLeft, 60);
    assert.equal(redeemed.daysLeft, null);
  });
});

describe('availableActions (pure)', () => {
  const partnerId = new Types.ObjectId();
  const actor = (roles: Actor['roles'], locationIds: string[] = ['FR-PAR'], aadObjectId = roles.join('-')): Actor => ({
    partnerId,
    aadObjectId,
    name: 'x',
    roles,
    locationIds,
    qualifications: [],
  });
  const now = new Date('2025-03-20T10:00:00Z');
  const base: Voucher = {
    _id: new Types.ObjectId(),
    partnerId,
    number: 'AA-1',
    program: 'AZDPS',
    days: 5,
    customerName: 'C',
    agreementNumber: null,
    voucherAdminEmail: 'a@c.test',
    assignedOn: parseIsoDay('2025-03-01'),
    expiresOn: addDays(parseIsoDay('2025-03-01'), 180),
    state: 'assigned',
    version: 1,
    pendingApprovalId: null,
    validated: { on: now, by: 'staff', email: 'a@c.test' },
    needsConfirmation: null,
    locationId: null,
    engagementCountry: null,
    reservation: null,
    schedule: null,
    completion: null,
    deliverables: [],
    redemption: null,
    claim: null,
    cancellations: [],
    source: { kind: 'manual', messageId: null },
    sources: [],
    audit: [{ at: now, by: 'staff', event: 'intake', from: null, to: 'assigned', reason: 'x' }],
  };
  const held = {
    locationId: 'FR-PAR',
    engagementCountry: 'FR',
    reservation: { on: parseIsoDay('2025-03-02'), by: 'staff', termsAcceptedOn: now, fifteenDayException: null },
  };
  const schedule = { start: parseIsoDay('2025-03-10'), end: parseIsoDay('2025-03-12'), consultant: 'staff' };
  const table: [string, Partial<Voucher>, Actor, string[]][] = [
    ['assigned, validated, staff who took it in', {}, actor(['staff']), ['correct', 'reserve']],
    ['assigned, not validated', { validated: null }, actor(['staff']), ['validate', 'correct']],
    ['assigned, no administrator email on record', { validated: null, voucherAdminEmail: null }, actor(['staff']), ['correct']],
    ['assigned, days unknown', { days: null }, actor(['admin']), ['correct']],
    ['assigned, manager who is a contact of a location (anyone with a contact role may reserve)', {}, actor(['manager']), ['reserve']],
    ['assigned, manager of no location', {}, actor(['manager'], []), []],
    ['reserved, the contact who reserved it', { ...held, state: 'reserved' }, actor(['staff']), ['correct', 'cancel', 'schedule']],
    ['reserved, another contact', { ...held, state: 'reserved' }, actor(['staff'], ['FR-PAR'], 'colleague'), ['cancel', 'schedule']],
    ['reserved, staff of another location', { ...held, state: 'reserved' }, actor(['staff'], ['US-SEA'], 'far'), []],
    [
      'scheduled, started',
      { ...held, state: 'scheduled', schedule },
      actor(['admin']),
      ['correct', 'cancel', 'schedule', 'complete', 'addDeliverable'],
    ],
    [
      'scheduled, not started',
      { ...held, state: 'scheduled', schedule: { ...schedule, start: parseIsoDay('2025-03-25') } },
      actor(['admin']),
      ['correct', 'cancel', 'schedule', 'addDeliverable'],
    ],
    ['expired', { state: 'assigned', expiresOn: parseIsoDay('2025-03-19') }, actor(['admin']), []],
    ['pending approval', { ...held, state: 'reserved', pendingApprovalId: new Types.ObjectId() }, actor(['admin']), []],
  ];
  for (const [name, over, who, expected] of table) {
    it(`${name}: ${expected.join(', ') || 'nothing'}`, () => {
      const location = { locationId: 'FR-PAR', contacts: [] } as unknown as Location;
      assert.deepEqual(availableActions({ ...base, ...over }, who, now, { location }), expected);
    });
  }
});
