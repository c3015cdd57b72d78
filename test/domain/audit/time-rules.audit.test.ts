import assert from 'node:assert/strict';
import type { Voucher, VoucherState } from '../../../domain/domain';
import { dayRateFor, PROGRAM_CODES } from '../../../domain/program/program.catalog';
import { systemActor } from '../../../domain/person/person.service';
import { replayStates } from '../../../domain/voucher/voucher.machine';
import { useTestDatabase } from '../../helpers/db';
import { Refusal } from '../../../domain/refusal';
import { completedVoucher, createWorld, newVoucher, reserveFr, START, type World } from '../world';
import { idOf, refusedWithoutTrace } from './audit-helpers';

/**
 * Audit of DOMAIN.md's dated rules through the public API, both sides of each boundary: 180-day
 * expiry, reserve before the start, end on or before expiry, delivered-on, the 60-day claim
 * window; the engagement lengths; the state machine and its audit trail.
 */
describe('audit: dated rules, lengths and the state machine (real database)', function () {
  this.timeout(180_000);
  const db = useTestDatabase('audit-time');
  let w: World;
  const at = (day: string) => w.clock.set(`${day}T12:00:00.000Z`);
  const schedule = (v: Voucher, start: string, end: string) =>
    w.domain.vouchers.schedule(w.staffFr, { voucherId: idOf(v), start, end, consultantAadObjectId: w.staffFr.aadObjectId });
  const complete = (v: Voucher, deliveredOn: string) =>
    w.domain.vouchers.complete(w.staffFr, { voucherId: idOf(v), deliveredOn, summary: 'Done', attendees: ['CIO'], recommendations: 'Go' });
  async function redeemed(): Promise<Voucher> {
    const v = await completedVoucher(w);
    const asked = await w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [idOf(v)] });
    return (await w.domain.approvals.approve(w.manager, { approvalId: String(asked.approval._id) })).vouchers[0] as Voucher;
  }
  before(async () => {
    w = await createWorld(db.connection, 'audit-time');
    // A current enrollment through the vouchers' whole life (assigned 2025-03-01, expire 2025-08-28).
    for (const program of PROGRAM_CODES) {
      await w.domain.partners.enroll(systemActor(w.admin.partnerId), {
        program,
        enrolledOn: '2025-03-01',
        agreementSignedOn: '2025-02-20',
        complianceTrainingOn: '2025-02-25',
        locationIds: ['FR-PAR', 'US-SEA'],
      });
    }
  });
  beforeEach(() => w.clock.set(START));

  describe('180 days: usable on day 180 (2025-08-28), expired from day 181', () => {
    const rows: { name: string; ready: () => Promise<Voucher>; act: (v: Voucher) => Promise<unknown> }[] = [
      { name: 'reserve', ready: () => newVoucher(w), act: (v) => reserveFr(w, v) },
      {
        name: 'cancel',
        ready: async () => (await reserveFr(w, await newVoucher(w))).voucher,
        act: (v) => w.domain.vouchers.cancel(w.staffFr, { voucherId: idOf(v), reason: 'postponed' }),
      },
      {
        name: 'schedule',
        ready: async () => (await reserveFr(w, await newVoucher(w))).voucher,
        act: (v) => schedule(v, '2025-08-28', '2025-08-28'),
      },
      {
        name: 'complete',
        ready: async () => {
          const v = await newVoucher(w);
          await reserveFr(w, v);
          return (await schedule(v, '2025-03-10', '2025-03-14')).voucher;
        },
        act: (v) => complete(v, '2025-03-14'),
      },
      {
        name: 'ask to redeem',
        ready: () => completedVoucher(w),
        act: (v) => w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [idOf(v)] }),
      },
      {
        name: 'correct',
        ready: () => newVoucher(w),
        act: (v) => w.domain.vouchers.correct(w.staffFr, { voucherId: idOf(v), customerName: 'Corrected Name' }),
      },
    ];
    for (const row of rows) {
      it(`${row.name}: accepted on 2025-08-28, refused VOUCHER_EXPIRED on 2025-08-29 with nothing written`, async () => {
        const [ok, late] = [await row.ready(), await row.ready()];
        at('2025-08-28');
        await row.act(ok);
        at('2025-08-29');
        const e = await refusedWithoutTrace(w, () => row.act(late), 'VOUCHER_EXPIRED');
        assert.equal((e.params as Record<string, unknown>).expiresOn, '2025-08-28');
      });
    }

    it('a redemption asked on day 180 and approved on day 181 does not redeem: the manager is told why', async () => {
      const v = await completedVoucher(w);
      at('2025-08-28');
      const asked = await w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [idOf(v)] });
      at('2025-08-29');
      const r = await w.domain.approvals.approve(w.manager, { approvalId: String(asked.approval._id) });
      assert.deepEqual(
        r.outcomes.map((o) => [o.applied, o.code]),
        [[false, 'VOUCHER_EXPIRED']],
      );
      assert.equal((await w.domain.vouchers.get(w.staffFr, idOf(v))).state, 'completed');
      await w.domain.sweep.partner(w.admin.partnerId);
      const swept = await w.domain.vouchers.get(w.staffFr, idOf(v));
      assert.equal(swept.state, 'expired');
      assert.match(swept.audit.at(-1)?.reason ?? '', /pool/, "an expired voucher says its days go back to the customer's pool");
    });

    it('a redeemed voucher does not expire: claimed on day 181 within its claim window', async () => {
      const v = await completedVoucher(w);
      at('2025-08-28');
      const asked = await w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [idOf(v)] });
      await w.domain.approvals.approve(w.manager, { approvalId: String(asked.approval._id) });
      at('2025-08-29');
      assert.equal((await w.domain.vouchers.claim(w.staffFr, { voucherId: idOf(v), claimNumber: 'CLM-181' })).voucher.state, 'claimed');
    });
  });

  describe('reserve before the engagement starts; the engagement ends on or before expiry', () => {
    it('a planned start today is refused, tomorrow accepted; after expiry refused, on expiry accepted', async () => {
      const [a, b] = [await newVoucher(w), await newVoucher(w)];
      await refusedWithoutTrace(w, () => reserveFr(w, a, { plannedStart: '2025-03-03' }), 'ENGAGEMENT_ALREADY_STARTED');
      await reserveFr(w, a, { plannedStart: '2025-03-04' });
      await refusedWithoutTrace(w, () => reserveFr(w, b, { plannedStart: '2025-08-29' }), 'ENGAGEMENT_STARTS_AFTER_EXPIRY');
      await reserveFr(w, b, { plannedStart: '2025-08-28' });
    });

    it('a schedule starting on the reservation day is refused, the day after accepted', async () => {
      const v = (await reserveFr(w, await newVoucher(w))).voucher;
      await refusedWithoutTrace(w, () => schedule(v, '2025-03-03', '2025-03-05'), 'ENGAGEMENT_ALREADY_STARTED');
      assert.equal((await schedule(v, '2025-03-04', '2025-03-05')).voucher.state, 'scheduled');
      at('2025-03-20');
      await refusedWithoutTrace(w, () => schedule(v, '2025-03-19', '2025-03-21'), 'ENGAGEMENT_ALREADY_STARTED');
    });

    it('an end on the expiry day is accepted, the day after refused; an end before the start refused', async () => {
      const v = (await reserveFr(w, await newVoucher(w))).voucher;
      await refusedWithoutTrace(w, () => schedule(v, '2025-08-20', '2025-08-29'), 'ENGAGEMENT_ENDS_AFTER_EXPIRY');
      await refusedWithoutTrace(w, () => schedule(v, '2025-08-20', '2025-08-19'), 'SCHEDULE_END_BEFORE_START');
      assert.equal((await schedule(v, '2025-08-20', '2025-08-28')).voucher.schedule?.end.toISOString().slice(0, 10), '2025-08-28');
    });
  });

  describe('completion: delivered on not in the future and not before the scheduled start', () => {
    const rows: [string, string | null][] = [
      ['2025-03-16', 'DELIVERED_IN_FUTURE'],
      ['2025-03-15', null],
      ['2025-03-09', 'DELIVERED_BEFORE_START'],
      ['2025-03-10', null],
    ];
    for (const [deliveredOn, code] of rows) {
      it(`delivered on ${deliveredOn} (start 2025-03-10, today 2025-03-15): ${code ?? 'accepted'}`, async () => {
        const v = await newVoucher(w);
        await reserveFr(w, v);
        await schedule(v, '2025-03-10', '2025-03-14');
        at('2025-03-15');
        if (code) await refusedWithoutTrace(w, () => complete(v, deliveredOn), code);
        else assert.equal((await complete(v, deliveredOn)).voucher.state, 'completed');
      });
    }
  });

  describe('the claim: within 60 days of redemption, at the day rate of the delivery country', () => {
    it('redeemed 2025-03-15: a claim on day 60 (2025-05-14) is accepted at days x FR rate, on day 61 refused', async () => {
      const [ok, late] = [await redeemed(), await redeemed()];
      at('2025-05-14');
      const claimed = (await w.domain.vouchers.claim(w.staffFr, { voucherId: idOf(ok), claimNumber: 'CLM-60' })).voucher;
      const rate = dayRateFor('FR');
      assert.deepEqual([claimed.claim?.amount, claimed.claim?.currency], [(rate?.amount ?? NaN) * 5, rate?.currency]);
      at('2025-05-15');
      const e = await refusedWithoutTrace(
        w,
        () => w.domain.vouchers.claim(w.staffFr, { voucherId: idOf(late), claimNumber: 'CLM-61' }),
        'CLAIM_WINDOW_CLOSED',
      );
      assert.equal((e.params as Record<string, unknown>).deadline, '2025-05-14');
    });

    it('a US engagement is claimed at the US day rate', async () => {
      const v = await newVoucher(w, { days: 3 });
      await w.domain.vouchers.reserve(w.admin, { voucherId: idOf(v), locationId: 'US-SEA', engagementCountry: 'US', termsAccepted: true });
      await w.domain.vouchers.schedule(w.admin, {
        voucherId: idOf(v),
        start: '2025-03-10',
        end: '2025-03-12',
        consultantAadObjectId: w.staffFr.aadObjectId,
      });
      await w.domain.deliverables.addLink(w.admin, { voucherId: idOf(v), name: 'Plan', url: 'https://contoso.sharepoint.com/plan.docx' });
      at('2025-03-13');
      await w.domain.vouchers.complete(w.admin, {
        voucherId: idOf(v),
        deliveredOn: '2025-03-12',
        summary: 's',
        attendees: ['CTO'],
        recommendations: 'r',
      });
      const asked = await w.domain.approvals.requestRedemption(w.admin, { voucherIds: [idOf(v)] });
      await w.domain.approvals.approve(w.manager, { approvalId: String(asked.approval._id) });
      const claimed = (await w.domain.vouchers.claim(w.admin, { voucherId: idOf(v), claimNumber: 'CLM-US' })).voucher;
      const rate = dayRateFor('US');
      assert.deepEqual([claimed.claim?.amount, claimed.claim?.currency], [(rate?.amount ?? NaN) * 3, rate?.currency]);
    });
  });

  describe('an engagement covers 1, 3, 5, 10 or 15 days; a training voucher is not a planning voucher', () => {
    const take = (over: Record<string, unknown>) =>
      w.domain.vouchers.intake(w.staffFr, {
        voucherNumber: `DAYS-${Math.random().toString(36).slice(2, 10)}`,
        program: 'AZDPS',
        assignedOn: '2025-03-01',
        source: { kind: 'manual' },
        ...over,
      } as Parameters<World['domain']['vouchers']['intake']>[1]);
    for (const days of [0, 2, 4, 6, 7, 11, 14, 16, 20, 15.5, -1, '5']) {
      it(`${JSON.stringify(days)} days is refused INVALID_INPUT (days)`, async () => {
        const e = await refusedWithoutTrace(w, () => take({ days }), 'INVALID_INPUT');
        assert.deepEqual((e.params as Record<string, unknown>).fields, ['days']);
      });
    }
    it('1, 3, 5, 10 and 15 days are taken in; a correction to 4 days is refused, to 10 accepted', async () => {
      for (const days of [1, 3, 5, 10, 15]) assert.equal((await take({ days })).voucher.days, days);
      const v = await newVoucher(w);
      await refusedWithoutTrace(w, () => w.domain.vouchers.correct(w.staffFr, { voucherId: idOf(v), days: 4 }), 'INVALID_INPUT');
      assert.equal((await w.domain.vouchers.correct(w.staffFr, { voucherId: idOf(v), days: 10 })).voucher.days, 10);
    });
    it('a training voucher (SATV) is refused', async () => {
      const e = await refusedWithoutTrace(w, () => take({ days: 3, program: 'SATV' }), 'INVALID_INPUT');
      assert.deepEqual((e.params as Record<string, unknown>).fields, ['program']);
    });
  });

  describe('voucher states and transitions exactly as DOMAIN.md lists them', () => {
    type Act = (v: Voucher) => Promise<unknown>;
    const acts: Record<string, Act> = {
      validate: (v) => w.domain.vouchers.validate(w.admin, { voucherId: idOf(v), voucherAdminEmail: 'it-admin@customer.test' }),
      reserve: (v) =>
        w.domain.vouchers.reserve(w.admin, { voucherId: idOf(v), locationId: 'FR-PAR', engagementCountry: 'FR', termsAccepted: true }),
      cancel: (v) => w.domain.vouchers.cancel(w.admin, { voucherId: idOf(v), reason: 'audit' }),
      schedule: (v) =>
        w.domain.vouchers.schedule(w.admin, {
          voucherId: idOf(v),
          start: '2025-04-10',
          end: '2025-04-11',
          consultantAadObjectId: w.staffFr.aadObjectId,
        }),
      complete: (v) =>
        w.domain.vouchers.complete(w.admin, {
          voucherId: idOf(v),
          deliveredOn: '2025-03-15',
          summary: 's',
          attendees: ['a'],
          recommendations: 'r',
        }),
      addLink: (v) =>
        w.domain.deliverables.addLink(w.admin, { voucherId: idOf(v), name: 'Plan', url: 'https://contoso.sharepoint.com/plan.docx' }),
      requestRedemption: (v) => w.domain.approvals.requestRedemption(w.admin, { voucherIds: [idOf(v)] }),
      claim: (v) => w.domain.vouchers.claim(w.admin, { voucherId: idOf(v), claimNumber: 'C-X' }),
      markPaid: (v) => w.domain.vouchers.markPaid(w.admin, { voucherId: idOf(v), paidOn: '2025-03-15' }),
    };
    /** What each state allows (DOMAIN.md, Voucher states and the journey's steps); everything else is refused. */
    const allowed: Record<VoucherState, string[]> = {
      assigned: ['validate', 'reserve'],
      reserved: ['cancel', 'schedule'],
      scheduled: ['cancel', 'schedule', 'complete', 'addLink'],
      completed: ['requestRedemption', 'addLink'],
      redeemed: ['claim'],
      claimed: ['markPaid'],
      paid: [],
      expired: [],
    };
    const REFUSED = ['VOUCHER_WRONG_STATE', 'VOUCHER_ALREADY_RESERVED', 'COMPLETION_REPORT_MISSING', 'VOUCHER_EXPIRED'];
    let byState: Record<VoucherState, Voucher>;
    before(async () => {
      const paidOne = await redeemed();
      await w.domain.vouchers.claim(w.staffFr, { voucherId: idOf(paidOne), claimNumber: 'C-P' });
      await w.domain.vouchers.markPaid(w.staffFr, { voucherId: idOf(paidOne), paidOn: '2025-03-15' });
      const claimedOne = await redeemed();
      await w.domain.vouchers.claim(w.staffFr, { voucherId: idOf(claimedOne), claimNumber: 'C-C' });
      w.clock.set(START);
      const reservedOne = (await reserveFr(w, await newVoucher(w))).voucher;
      const scheduledOne = (await reserveFr(w, await newVoucher(w))).voucher;
      await schedule(scheduledOne, '2025-03-10', '2025-03-14');
      const old = {
        voucherNumber: 'AUDIT-OLD-1',
        program: 'AZDPS',
        days: 5,
        assignedOn: '2024-08-01',
        source: { kind: 'manual' },
      } as const;
      const expiredOne = (await w.domain.vouchers.intake(w.staffFr, old)).voucher;
      await w.domain.sweep.partner(w.admin.partnerId);
      const ids = {
        assigned: await newVoucher(w),
        reserved: reservedOne,
        scheduled: scheduledOne,
        completed: await completedVoucher(w),
        redeemed: await redeemed(),
        claimed: claimedOne,
        paid: paidOne,
        expired: expiredOne,
      };
      byState = Object.fromEntries(
        await Promise.all(Object.entries(ids).map(async ([s, v]) => [s, await w.domain.vouchers.get(w.admin, idOf(v))])),
      ) as Record<VoucherState, Voucher>;
      for (const [s, v] of Object.entries(byState)) assert.equal(v.state, s);
    });

    for (const state of Object.keys(allowed) as VoucherState[]) {
      it(`${state}: every action DOMAIN.md does not allow is refused, with nothing written`, async () => {
        at('2025-03-15');
        for (const [name, act] of Object.entries(acts).filter(([n]) => !allowed[state].includes(n))) {
          const before = await w.domain.vouchers.get(w.admin, idOf(byState[state]));
          const e = await act(before).then(
            () => null,
            (x: unknown) => x,
          );
          assert.ok(e instanceof Refusal && REFUSED.includes(e.code), `${state} + ${name}: ${e instanceof Refusal ? e.code : String(e)}`);
          assert.deepEqual(await w.domain.vouchers.get(w.admin, idOf(before)), before, `${state} + ${name} changed the voucher`);
        }
      });
    }

    it("the paid voucher's audit replays assigned -> ... -> paid, each entry with who, when, from, to and why", async () => {
      const v = await w.domain.vouchers.get(w.admin, idOf(byState.paid));
      assert.equal(replayStates(v.audit), 'paid');
      const moves = v.audit.filter((a) => a.from !== a.to).map((a) => `${a.from}>${a.to}`);
      assert.deepEqual(moves, [
        'null>assigned',
        'assigned>reserved',
        'reserved>scheduled',
        'scheduled>completed',
        'completed>redeemed',
        'redeemed>claimed',
        'claimed>paid',
      ]);
      for (const a of v.audit) {
        assert.ok(a.by && a.at instanceof Date && (a.from ?? a.event === 'intake') && a.to, JSON.stringify(a));
        assert.ok((a.reason ?? '').trim().length > 3, `empty why for ${a.event}`);
      }
    });
  });
});
