import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Refusal } from '../../../domain/refusal';
import { isAllowedStep, replayStates, VOUCHER_STATES } from '../../../domain/voucher/voucher.machine';
import type { Voucher } from '../../../domain/voucher/voucher.model';
import { useTestDatabase } from '../../helpers/db';
import { createWorld, newVoucher, START, type World } from '../world';

/** Random sequences of operations never reach a forbidden state; the audit trail replays to the state. */
describe('domain/voucher property: random operation sequences (real database)', function () {
  this.timeout(120_000);
  const db = useTestDatabase('property');
  let w: World;
  before(async () => {
    w = await createWorld(db.connection, 'prop');
  });

  type Op = { name: string; run: (v: Voucher) => Promise<unknown> };
  const ops = (): fc.Arbitrary<Op>[] => {
    const id = (v: Voucher) => String(v._id);
    const d = () => w.domain;
    const pendingApproval = async (v: Voucher) => String((await d().vouchers.get(w.admin, id(v))).pendingApprovalId ?? '000000000000000000000000');
    return [
      fc.constant({ name: 'reserve', run: (v: Voucher) => d().vouchers.reserve(w.staffFr, { voucherId: id(v), locationId: 'FR-PAR', engagementCountry: 'FR', termsAccepted: true }) }),
      fc.constant({ name: 'cancel', run: (v: Voucher) => d().vouchers.cancel(w.staffFr, { voucherId: id(v), reason: 'property' }) }),
      fc.integer({ min: 1, max: 30 }).map((n) => ({
        name: `schedule+${n}`,
        run: (v: Voucher) => {
          const start = new Date(w.clock.now().getTime() + n * 86_400_000).toISOString().slice(0, 10);
          return d().vouchers.schedule(w.staffFr, { voucherId: id(v), start, end: start, consultantAadObjectId: w.staffFr.aadObjectId });
        },
      })),
      fc.constant({ name: 'link', run: (v: Voucher) => d().deliverables.addLink(w.staffFr, { voucherId: id(v), name: 'p', url: 'https://contoso.sharepoint.com/p' }) }),
      fc.constant({ name: 'complete', run: async (v: Voucher) => {
        const s = (await d().vouchers.get(w.admin, id(v))).schedule?.start ?? w.clock.now();
        return d().vouchers.complete(w.staffFr, { voucherId: id(v), deliveredOn: s.toISOString().slice(0, 10), summary: 's', attendees: ['a'], recommendations: 'r' });
      } }),
      fc.constant({ name: 'requestRedemption', run: (v: Voucher) => d().approvals.requestRedemption(w.staffFr, { voucherIds: [id(v)] }) }),
      fc.constant({ name: 'approve', run: async (v: Voucher) => d().approvals.approve(w.manager, { approvalId: await pendingApproval(v) }) }),
      fc.constant({ name: 'reject', run: async (v: Voucher) => d().approvals.reject(w.manager, { approvalId: await pendingApproval(v), comment: 'no' }) }),
      fc.constant({ name: 'claim', run: (v: Voucher) => d().vouchers.claim(w.staffFr, { voucherId: id(v), claimNumber: 'C' }) }),
      fc.constant({ name: 'pay', run: (v: Voucher) => d().vouchers.markPaid(w.staffFr, { voucherId: id(v), paidOn: w.clock.now().toISOString().slice(0, 10) }) }),
      fc.integer({ min: 1, max: 90 }).map((n) => ({ name: `wait${n}`, run: async () => w.clock.advanceDays(n) })),
      fc.constant({ name: 'sweep', run: () => d().sweep.all() }),
    ];
  };

  it('never reaches a forbidden state and the audit trail replays to the current state', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(...ops()), { minLength: 1, maxLength: 14 }), fc.constantFrom(3, 5, 10, 15), async (sequence, days) => {
        w.clock.set(START);
        const v = await newVoucher(w, { days });
        for (const op of sequence) {
          await op.run(v).catch((e: unknown) => {
            if (!(e instanceof Refusal)) throw e;
          });
          const now = await w.domain.vouchers.get(w.admin, String(v._id));
          assert.ok(VOUCHER_STATES.includes(now.state));
          assert.ok(now.audit.every((a) => isAllowedStep(a.from, a.to)), now.audit.map((a) => `${a.from}->${a.to}`).join(' '));
          assert.equal(replayStates(now.audit), now.state, `after ${sequence.map((o) => o.name).join(',')}`);
          assert.equal(now.version, now.audit.length);
          if (now.state === 'redeemed') assert.ok(now.completion && now.deliverables.length > 0);
          if (now.state === 'expired') assert.ok(w.clock.now().getTime() > now.expiresOn.getTime());
        }
      }),
      { numRuns: 40, seed: 20250303 },
    );
  });
});
