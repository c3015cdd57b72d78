import assert from 'node:assert/strict';
import { createDomain, Refusal, type Domain, type Voucher } from '../../../domain/domain';
import { systemActor } from '../../../domain/person/person.service';
import { useTestDatabase } from '../../helpers/db';
import { createWorld, START, type World } from '../world';

/**
 * Two 15-day vouchers of one customer reserved or approved at the same moment: the unique index
 * on the customer's 15-day slot settles it. On FerretDB its clash arrives as InternalError
 * (SQLSTATE 23505), not 11000; either way the loser gets the rule's refusal, and nothing is left
 * half-written.
 */
describe('domain: the 15-day rule contested by two instances (real database)', function () {
  this.timeout(120_000);
  const db = useTestDatabase('fifteen-day-races');
  let direct: World;
  let approved: World;
  let second: Domain;
  before(async () => {
    direct = await createWorld(db.connection, 'fd-direct');
    // Reservations below 16 days need no approval at this partner, so the 15-day rule is met at reservation.
    await direct.domain.partners.upsertPartner(systemActor(direct.admin.partnerId), {
      slug: 'fd-direct',
      name: 'Direct',
      tenantIds: ['tenant-fd-direct'],
      settings: { approvalDaysThreshold: 16, approvalTtlDays: 7 },
    });
    approved = await createWorld(db.connection, 'fd-approved', direct.clock);
    second = createDomain({ connection: await db.openAnother(), clock: direct.clock });
  });
  beforeEach(() => direct.clock.set(START));

  const outcome = (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e: unknown) => (e instanceof Refusal ? e.code : `error: ${String(e)}`),
    );
  let serial = 0;
  /** A validated 15-day voucher of one customer (its own agreement number, so pairs do not meet each other). */
  async function fifteenDays(w: World, customerName: string, agreementNumber: string): Promise<Voucher> {
    serial += 1;
    const voucherAdminEmail = 'it-admin@contested.test';
    const base = {
      voucherNumber: `FD-${serial}-${Date.now() % 100000}`,
      program: 'AZDPS' as const,
      days: 15 as const,
      customerName,
      agreementNumber,
      voucherAdminEmail,
    };
    const { voucher } = await w.domain.vouchers.intake(w.staffFr, { ...base, assignedOn: '2025-03-01', source: { kind: 'manual' } });
    return (await w.domain.vouchers.validate(w.staffFr, { voucherId: String(voucher._id), voucherAdminEmail })).voucher;
  }
  const pair = async (w: World, round: number): Promise<[Voucher, Voucher]> => {
    const customerName = `Contested ${w === direct ? 'D' : 'A'}${round}`;
    const agreement = `${w === direct ? 7 : 8}${String(round).padStart(7, '0')}`;
    return [await fifteenDays(w, customerName, agreement), await fifteenDays(w, customerName, agreement)];
  };
  const request = (v: Voucher) => ({ voucherId: String(v._id), locationId: 'FR-PAR', engagementCountry: 'FR', termsAccepted: true });

  /** Nothing half-written: the refused voucher is as it was, unlocked and holding no slot. */
  async function assertUntouched(w: World, v: Voucher): Promise<void> {
    const after = await w.domain.vouchers.get(w.admin, String(v._id));
    assert.equal(after.state, 'assigned');
    assert.equal(after.pendingApprovalId, null);
    assert.equal(after.fifteenDaySlot, undefined);
    assert.equal(after.reservation, null);
  }

  for (let round = 1; round <= 10; round++) {
    it(`reserve path: one reservation wins, the other is refused FIFTEEN_DAY_RULE (round ${round})`, async () => {
      const [v1, v2] = await pair(direct, round);
      const results = await Promise.all([
        outcome(direct.domain.vouchers.reserve(direct.staffFr, request(v1))),
        outcome(second.vouchers.reserve(direct.staffFr, request(v2))),
      ]);
      assert.deepEqual([...results].sort(), ['FIFTEEN_DAY_RULE', 'ok'], results.join(', '));
      const loser = results[0] === 'ok' ? v2 : v1;
      await assertUntouched(direct, loser);
    });
  }

  for (let round = 1; round <= 10; round++) {
    it(`approval path: one approval applies, the other's outcome is FIFTEEN_DAY_RULE with its parameters (round ${round})`, async () => {
      const w = approved;
      const [v1, v2] = await pair(w, round);
      const r1 = await w.domain.vouchers.reserve(w.staffFr, request(v1));
      const r2 = await w.domain.vouchers.reserve(w.staffFr, request(v2));
      assert.ok(r1.approval && r2.approval);
      const [d1, d2] = await Promise.all([
        w.domain.approvals.approve(w.manager, { approvalId: String(r1.approval._id) }),
        second.approvals.approve(w.manager, { approvalId: String(r2.approval._id) }),
      ]);
      const outcomes = [d1.outcomes[0], d2.outcomes[0]];
      assert.deepEqual(outcomes.map((o) => o?.applied).sort(), [false, true]);
      const lost = outcomes.find((o) => o && !o.applied);
      const [winner, loser] = outcomes[0]?.applied ? [v1, v2] : [v2, v1];
      assert.equal(lost?.code, 'FIFTEEN_DAY_RULE');
      assert.deepEqual(lost?.params, { program: 'AZDPS', customerName: v1.customerName, otherNumber: winner.number });
      for (const d of [d1, d2]) assert.ok(d.approval.appliedOn, 'both decisions are settled');
      await assertUntouched(w, loser);
      assert.equal((await w.domain.vouchers.get(w.admin, String(winner._id))).state, 'reserved');
    });
  }
});
