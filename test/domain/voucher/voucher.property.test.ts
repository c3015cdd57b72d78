import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createDomain, type Domain } from '../../../domain/domain';
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
    const pendingApproval = async (v: Voucher) =>
      String((await d().vouchers.get(w.admin, id(v))).pendingApprovalId ?? '000000000000000000000000');
    return [
      fc.constant({
        name: 'reserve',
        run: (v: Voucher) =>
          d().vouchers.reserve(w.staffFr, { voucherId: id(v), locationId: 'FR-PAR', engagementCountry: 'FR', termsAccepted: true }),
      }),
      fc.constant({ name: 'cancel', run: (v: Voucher) => d().vouchers.cancel(w.staffFr, { voucherId: id(v), reason: 'property' }) }),
      fc.integer({ min: 1, max: 30 }).map((n) => ({
        name: `schedule+${n}`,
        run: (v: Voucher) => {
          const start = new Date(w.clock.now().getTime() + n * 86_400_000).toISOString().slice(0, 10);
          return d().vouchers.schedule(w.staffFr, { voucherId: id(v), start, end: start, consultantAadObjectId: w.staffFr.aadObjectId });
        },
      })),
      fc.constant({
        name: 'link',
        run: (v: Voucher) => d().deliverables.addLink(w.staffFr, { voucherId: id(v), name: 'p', url: 'https://contoso.sharepoint.com/p' }),
      }),
      fc.constant({
        name: 'complete',
        run: async (v: Voucher) => {
          const s = (await d().vouchers.get(w.admin, id(v))).schedule?.start ?? w.clock.now();
          return d().vouchers.complete(w.staffFr, {
            voucherId: id(v),
            deliveredOn: s.toISOString().slice(0, 10),
            summary: 's',
            attendees: ['a'],
            recommendations: 'r',
          });
        },
      }),
      fc.constant({ name: 'requestRedemption', run: (v: Voucher) => d().approvals.requestRedemption(w.staffFr, { voucherIds: [id(v)] }) }),
      fc.constant({
        name: 'approve',
        run: async (v: Voucher) => d().approvals.approve(w.manager, { approvalId: await pendingApproval(v) }),
      }),
      fc.constant({
        name: 'reject',
        run: async (v: Voucher) => d().approvals.reject(w.manager, { approvalId: await pendingApproval(v), comment: 'no' }),
      }),
      fc.constant({ name: 'claim', run: (v: Voucher) => d().vouchers.claim(w.staffFr, { voucherId: id(v), claimNumber: 'C' }) }),
      fc.constant({
        name: 'pay',
        run: (v: Voucher) => d().vouchers.markPaid(w.staffFr, { voucherId: id(v), paidOn: w.clock.now().toISOString().slice(0, 10) }),
      }),
      fc.integer({ min: 1, max: 90 }).map((n) => ({ name: `wait${n}`, run: async () => w.clock.advanceDays(n) })),
      fc.constant({ name: 'sweep', run: () => d().sweep.all() }),
      fc.constantFrom('it-admin@customer.test', 'it-admin2@customer.test').map((email) => ({
        name: `correct ${email}`,
        run: (v: Voucher) => d().vouchers.correct(w.admin, { voucherId: id(v), voucherAdminEmail: email }),
      })),
      fc.constantFrom('it-admin@customer.test', 'it-admin2@customer.test').map((email) => ({
        name: `validate ${email}`,
        run: (v: Voucher) => d().vouchers.validate(w.staffFr, { voucherId: id(v), voucherAdminEmail: email }),
      })),
    ];
  };

  it('never reaches a forbidden state and the audit trail replays to the current state', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(...ops()), { minLength: 1, maxLength: 14 }),
        fc.constantFrom(3, 5, 10, 15),
        async (sequence, days) => {
          w.clock.set(START);
          const v = await newVoucher(w, { days });
          for (const op of sequence) {
            await op.run(v).catch((e: unknown) => {
              if (!(e instanceof Refusal)) throw e;
            });
            const now = await w.domain.vouchers.get(w.admin, String(v._id));
            assert.ok(VOUCHER_STATES.includes(now.state));
            assert.ok(
              now.audit.every((a) => isAllowedStep(a.from, a.to)),
              now.audit.map((a) => `${a.from}->${a.to}`).join(' '),
            );
            assert.equal(replayStates(now.audit), now.state, `after ${sequence.map((o) => o.name).join(',')}`);
            assert.equal(now.version, now.audit.length);
            if (now.state === 'redeemed') assert.ok(now.completion && now.deliverables.length > 0);
            if (now.state === 'expired') assert.ok(w.clock.now().getTime() > now.expiresOn.getTime());
            if (now.state !== 'assigned' && now.state !== 'expired') assert.ok(now.reservation, 'a held voucher keeps its reservation');
          }
        },
      ),
      { numRuns: 40, seed: 20250303 },
    );
  });
});

/**
 * Shared customers contest the one-15-day-engagement rule (DOMAIN.md, Program rules), with random
 * operations run two to four at a time through two connections, as two bot instances would.
 */
describe('domain/voucher property: shared customers and concurrent operations on two connections (real database)', function () {
  this.timeout(300_000);
  const db = useTestDatabase('property-shared');
  let w: World;
  let second: Domain;
  before(async () => {
    w = await createWorld(db.connection, 'shared');
    second = createDomain({ connection: await db.openAnother(), clock: w.clock });
  });

  /** Customers that are the same by agreement under two names, or the same by name without an agreement. */
  const CUSTOMERS = [
    { customerName: 'Alpine Ski House', agreementNumber: '4400-1001' },
    { customerName: 'Alpine Ski House SAS', agreementNumber: '44001001' },
    { customerName: 'Coho Winery', agreementNumber: null },
    { customerName: 'COHO  winery', agreementNumber: null },
    { customerName: 'Coho Winery', agreementNumber: '5500-2002' },
    { customerName: 'Coho Winery', agreementNumber: '5500-2003' },
  ];
  const norm = (s: string | null) =>
    (s ?? '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  const agr = (s: string | null) => (s ?? '').replace(/[^0-9A-Za-z]/g, '');
  const sameCustomer = (a: Voucher, b: Voucher) =>
    agr(a.agreementNumber) && agr(b.agreementNumber)
      ? agr(a.agreementNumber) === agr(b.agreementNumber)
      : norm(a.customerName) === norm(b.customerName);

  type Op = (vs: Voucher[]) => Promise<unknown>;
  const ignoreRefusal = (e: unknown) => {
    if (!(e instanceof Refusal)) throw e;
  };
  const domains = () => [w.domain, second];
  const pick = <T>(xs: T[], i: number) => xs[i % xs.length] as T;
  const pending = async (v: Voucher) =>
    String((await w.domain.vouchers.get(w.admin, String(v._id))).pendingApprovalId ?? '000000000000000000000000');
  const op = (): fc.Arbitrary<Op> =>
    fc.tuple(fc.nat(), fc.nat(1), fc.constantFrom('reserve', 'approve', 'reject', 'cancel', 'wait', 'sweep')).map(([i, c, name]) => {
      const d = pick(domains(), c);
      const ops: Record<string, Op> = {
        reserve: (vs) =>
          d.vouchers.reserve(w.staffFr, {
            voucherId: String(pick(vs, i)._id),
            locationId: 'FR-PAR',
            engagementCountry: 'FR',
            termsAccepted: true,
          }),
        approve: async (vs) => d.approvals.approve(w.manager, { approvalId: await pending(pick(vs, i)) }),
        reject: async (vs) => d.approvals.reject(w.manager, { approvalId: await pending(pick(vs, i)), comment: 'no' }),
        cancel: (vs) => d.vouchers.cancel(w.staffFr, { voucherId: String(pick(vs, i)._id), reason: 'property' }),
        wait: async () => w.clock.advanceDays(1 + (i % 5)),
        sweep: () => d.sweep.partner(w.admin.partnerId),
      };
      return ops[name] as Op;
    });

  it("never lets two vouchers hold the same customer's 15-day engagement, nor loses a write, whatever runs at once", async () => {
    let round = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(op(), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.subarray([0, 1, 2, 3, 4, 5], { minLength: 2 }),
        async (batches, who) => {
          round += 1;
          w.clock.set(START);
          const vs: Voucher[] = [];
          for (const [k, c] of who.entries()) {
            const number = `SH-${round}-${k}`;
            const r = await w.domain.vouchers.intake(w.staffFr, {
              voucherNumber: number,
              program: 'SSDPS',
              days: 15,
              ...pick(CUSTOMERS, c),
              voucherAdminEmail: 'it@shared.test',
              assignedOn: '2025-03-01',
              source: { kind: 'manual' },
            });
            vs.push(
              (await w.domain.vouchers.validate(w.staffFr, { voucherId: String(r.voucher._id), voucherAdminEmail: 'it@shared.test' }))
                .voucher,
            );
          }
          for (const batch of batches) {
            await Promise.all(batch.map((o) => o(vs).catch(ignoreRefusal)));
            const now = await w.domain.deps.models.vouchers
              .find({ partnerId: w.admin.partnerId, number: { $regex: `^SH-${round}-` } })
              .lean<Voucher[]>();
            for (const v of now) {
              assert.equal(replayStates(v.audit), v.state, v.audit.map((a) => `${a.from}->${a.to}`).join(' '));
              assert.equal(v.version, v.audit.length, v.number);
              assert.equal(
                Boolean(v.fifteenDaySlot),
                ['reserved', 'scheduled', 'completed', 'redeemed', 'claimed', 'paid'].includes(v.state) ||
                  (v.state === 'expired' && Boolean(v.completion)),
                `${v.number} ${v.state} slot ${String(v.fifteenDaySlot)}`,
              );
            }
            const holders = now.filter((v) => v.fifteenDaySlot);
            for (const a of holders)
              for (const b of holders)
                if (a !== b) assert.ok(!sameCustomer(a, b), `${a.number} and ${b.number} both hold ${a.customerName}'s 15-day engagement`);
          }
          // Release what is still held, so the next run starts from a clean customer list.
          for (const v of await w.domain.deps.models.vouchers
            .find({ partnerId: w.admin.partnerId, number: { $regex: `^SH-${round}-` } })
            .lean<Voucher[]>()) {
            if (v.pendingApprovalId)
              await w.domain.approvals
                .reject(w.manager, { approvalId: String(v.pendingApprovalId), comment: 'end of run' })
                .catch(ignoreRefusal);
            if (['reserved', 'scheduled'].includes(v.state))
              await w.domain.vouchers.cancel(w.admin, { voucherId: String(v._id), reason: 'end of run' }).catch(ignoreRefusal);
          }
        },
      ),
      { numRuns: 25, seed: 20261202 },
    );
  });
});
