import assert from 'node:assert/strict';
import { createDomain, Refusal, type Actor } from '../../../domain/domain';
import { systemActor } from '../../../domain/person/person.service';
import { replayStates } from '../../../domain/voucher/voucher.machine';
import { useTestDatabase } from '../../helpers/db';
import { completedVoucher, createWorld, newVoucher, START, type World } from '../world';

/** Two mongoose connections to one database, as two bot instances would have. */
describe('domain/voucher concurrency (two connections, real database)', function () {
  this.timeout(60_000);
  const db = useTestDatabase('concurrency');
  let w: World;
  let second: ReturnType<typeof createDomain>;
  let staff: Actor[];
  before(async () => {
    w = await createWorld(db.connection, 'conc');
    second = createDomain({ connection: await db.openAnother(), clock: w.clock });
    const system = systemActor(w.admin.partnerId);
    staff = [];
    for (let i = 0; i < 20; i++) {
      await w.domain.people.upsert(system, {
        aadObjectId: `conc-staff-${i}`,
        name: `Staff ${i}`,
        email: `s${i}@conc.test`,
        roles: ['staff'],
        locationIds: ['FR-PAR'],
      });
      staff.push(await w.domain.people.resolveActor(w.admin.partnerId, `conc-staff-${i}`));
    }
  });
  beforeEach(() => w.clock.set(START));

  const outcome = (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e: unknown) => (e instanceof Refusal ? e.code : `error: ${String(e)}`),
    );

  for (let round = 1; round <= 3; round++) {
    it(`20 concurrent reserves by different staff: exactly one succeeds, 19 VOUCHER_ALREADY_RESERVED (round ${round})`, async () => {
      const v = await newVoucher(w);
      const input = { voucherId: String(v._id), locationId: 'FR-PAR', engagementCountry: 'FR', termsAccepted: true };
      const results = await Promise.all(staff.map((s, i) => outcome((i % 2 ? second : w.domain).vouchers.reserve(s, input))));
      assert.equal(results.filter((r) => r === 'ok').length, 1, results.join(','));
      assert.equal(results.filter((r) => r === 'VOUCHER_ALREADY_RESERVED').length, 19, results.join(','));
      const after = await w.domain.vouchers.get(w.admin, String(v._id));
      assert.equal(after.audit.filter((a) => a.event === 'reserve').length, 1);
      assert.equal(after.version, v.version + 1);
      assert.equal(replayStates(after.audit), 'reserved');
    });
  }

  for (let round = 1; round <= 3; round++) {
    it(`approve racing reject on two connections: exactly one wins (round ${round})`, async () => {
      const v = await completedVoucher(w);
      const { approval } = await w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [String(v._id)] });
      const approvalId = String(approval._id);
      const [a, r] = await Promise.all([
        outcome(w.domain.approvals.approve(w.manager, { approvalId })),
        outcome(second.approvals.reject(w.manager, { approvalId, comment: 'no' })),
      ]);
      assert.deepEqual([a, r].filter((x) => x === 'ok').length, 1, `${a} ${r}`);
      assert.ok([a, r].includes('APPROVAL_ALREADY_DECIDED'), `${a} ${r}`);
      const decided = await w.domain.approvals.get(w.manager, approvalId);
      assert.equal(decided.decisions.length, 1);
      const after = await w.domain.vouchers.get(w.admin, String(v._id));
      assert.equal(after.state, a === 'ok' ? 'redeemed' : 'completed');
      assert.equal(after.pendingApprovalId, null);
    });
  }

  it('concurrent cancel and schedule of one reserved voucher: one applies, the other is explained', async () => {
    const v = await newVoucher(w);
    await w.domain.vouchers.reserve(w.staffFr, {
      voucherId: String(v._id),
      locationId: 'FR-PAR',
      engagementCountry: 'FR',
      termsAccepted: true,
    });
    const [c, s] = await Promise.all([
      outcome(w.domain.vouchers.cancel(w.staffFr, { voucherId: String(v._id), reason: 'changed plans' })),
      outcome(
        second.vouchers.schedule(w.staffFr, {
          voucherId: String(v._id),
          start: '2025-03-10',
          end: '2025-03-11',
          consultantAadObjectId: w.staffFr.aadObjectId,
        }),
      ),
    ]);
    assert.equal([c, s].filter((x) => x === 'ok').length, 1, `${c} ${s}`);
    const after = await w.domain.vouchers.get(w.admin, String(v._id));
    assert.equal(replayStates(after.audit), after.state);
  });

  for (let round = 1; round <= 8; round++) {
    it(`two 15-day reservations of one customer, one known by agreement and one only by name, approved at once: one holds it (round ${round})`, async () => {
      const customer = `Race Customer ${round}`;
      const make = async (number: string, agreementNumber: string | null) => {
        const r = await w.domain.vouchers.intake(w.staffFr, {
          voucherNumber: number,
          program: 'SDPS',
          days: 15,
          customerName: customer,
          agreementNumber,
          voucherAdminEmail: 'it@race.test',
          assignedOn: '2025-03-01',
          source: { kind: 'manual' },
        });
        const { voucher } = await w.domain.vouchers.validate(w.staffFr, {
          voucherId: String(r.voucher._id),
          voucherAdminEmail: 'it@race.test',
        });
        const asked = await w.domain.vouchers.reserve(w.staffFr, {
          voucherId: String(voucher._id),
          locationId: 'FR-PAR',
          engagementCountry: 'FR',
          termsAccepted: true,
        });
        return String(asked.approval?._id);
      };
      const [a, b] = [await make(`RACE-${round}-A`, `9000-${round}`), await make(`RACE-${round}-B`, null)];
      const results = await Promise.all([
        w.domain.approvals.approve(w.manager, { approvalId: a }),
        second.approvals.approve(w.manager, { approvalId: b }),
      ]);
      const outcomes = results.flatMap((r) => r.approval.outcomes.map((o) => (o.applied ? 'applied' : o.code)));
      assert.deepEqual(outcomes.filter((o) => o === 'applied').length, 1, outcomes.join(','));
      assert.ok(outcomes.includes('FIFTEEN_DAY_RULE'), outcomes.join(','));
      const holders = await w.domain.deps.models.vouchers.countDocuments({ customerName: customer, fifteenDaySlot: { $exists: true } });
      assert.equal(holders, 1);
    });
  }
});
