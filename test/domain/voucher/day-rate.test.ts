import assert from 'node:assert/strict';
import { addDays, isoDay } from '../../../domain/calendar';
import { noticeText, type Voucher } from '../../../domain/domain';
import { systemActor } from '../../../domain/person/person.service';
import { dayRateFor, PROGRAM_CODES } from '../../../domain/program/program.catalog';
import { useTestDatabase } from '../../helpers/db';
import { refused } from '../refused';
import { createWorld, newVoucher, START, type World } from '../world';

/**
 * Microsoft pays the day rate of the country of delivery (DOMAIN.md, Engagement and payment facts),
 * and the rate card (programs.json) may not have that country. Nothing may strand the voucher then:
 * the reservation warns before money is at stake, and the claim is still made within its 60 days
 * (DOMAIN.md, Program rules), its amount left to be confirmed rather than refused.
 */
describe('domain: a country with no day rate on file (real database)', function () {
  this.timeout(120_000);
  const db = useTestDatabase('day-rate');
  let w: World;
  const reserveAt = (v: Voucher, locationId: string, country: string) =>
    w.domain.vouchers.reserve(w.admin, { voucherId: String(v._id), locationId, engagementCountry: country, termsAccepted: true });

  /** Reserved at `locationId` on START, delivered, redeemed on 2025-03-15; returns the voucher as redeemed. */
  async function redeemedAt(locationId: string, country: string): Promise<Voucher> {
    w.clock.set(START);
    const v = await newVoucher(w);
    const id = String(v._id);
    await reserveAt(v, locationId, country);
    await w.domain.vouchers.schedule(w.admin, {
      voucherId: id,
      start: '2025-03-10',
      end: '2025-03-14',
      consultantAadObjectId: w.staffFr.aadObjectId,
    });
    await w.domain.deliverables.addLink(w.admin, { voucherId: id, name: 'Plan', url: 'https://contoso.sharepoint.com/sites/x/plan.docx' });
    w.clock.set('2025-03-15T09:00:00Z');
    await w.domain.vouchers.complete(w.admin, {
      voucherId: id,
      deliveredOn: '2025-03-14',
      summary: 'Delivered',
      attendees: ['CIO'],
      recommendations: 'Migrate',
    });
    const { approval } = await w.domain.approvals.requestRedemption(w.admin, { voucherIds: [id] });
    const decided = await w.domain.approvals.approve(w.manager, { approvalId: String(approval._id) });
    assert.equal(decided.vouchers[0]?.state, 'redeemed');
    return w.domain.vouchers.get(w.admin, id);
  }

  before(async () => {
    w = await createWorld(db.connection, 'day-rate');
    assert.equal(dayRateFor('IT'), undefined, 'the test needs a country the rate card lacks');
    const system = systemActor(w.admin.partnerId);
    await w.domain.partners.upsertLocation(system, { locationId: 'IT-MIL', name: 'Milano', country: 'IT' });
    for (const program of PROGRAM_CODES) {
      await w.domain.partners.enroll(system, {
        program,
        enrolledOn: '2024-06-01',
        agreementSignedOn: '2024-05-20',
        complianceTrainingOn: '2024-05-25',
        locationIds: ['FR-PAR', 'US-SEA', 'IT-MIL'],
      });
    }
  });
  beforeEach(() => w.clock.set(START));

  it('reserving where no day rate is on file says so, in English and French; a country with a rate says nothing of it', async () => {
    const it = await reserveAt(await newVoucher(w), 'IT-MIL', 'IT');
    assert.equal(it.voucher.state, 'reserved');
    const warned = it.notices.find((n) => n.code === 'DAY_RATE_UNKNOWN');
    assert.ok(warned, 'a notice warns before money is at stake');
    assert.match(noticeText(warned, 'en'), /No day rate is on file for Italy \(IT\).*to be confirmed/);
    assert.match(noticeText(warned, 'fr'), /Aucun tarif journalier.*Italie \(IT\).*à confirmer/);
    const fr = await reserveAt(await newVoucher(w), 'FR-PAR', 'FR');
    assert.deepEqual(
      fr.notices.map((n) => n.code),
      ['VOUCHER_NOW'],
    );
  });

  it('a reservation sent to a manager is warned too', async () => {
    const asked = await reserveAt(await newVoucher(w, { days: 10 }), 'IT-MIL', 'IT');
    assert.ok(asked.approval);
    assert.deepEqual(
      asked.notices.map((n) => n.code),
      ['APPROVAL_REQUESTED', 'DAY_RATE_UNKNOWN'],
    );
    await w.domain.approvals.reject(w.manager, { approvalId: String(asked.approval._id), comment: 'test cleanup' });
  });

  it('once redeemed, the claim is offered with its 60-day deadline and no amount, and is made on day 60', async () => {
    const v = await redeemedAt('IT-MIL', 'IT');
    const redeemedOn = v.redemption?.on;
    assert.ok(redeemedOn);
    w.clock.set(`${isoDay(addDays(redeemedOn, 60))}T18:00:00Z`);
    const details = await w.domain.queries.details(w.admin, String(v._id));
    assert.deepEqual(
      [details.claim?.amount, details.claim?.dayRate, details.claim?.currency, details.claim?.daysLeft],
      [null, null, null, 0],
    );
    assert.equal(details.claim?.deadline?.toISOString(), addDays(redeemedOn, 60).toISOString());
    assert.ok(details.actions.includes('claim'), 'the claim button is there on the last day');
    const r = await w.domain.vouchers.claim(w.admin, { voucherId: String(v._id), claimNumber: 'CLM-IT-1' });
    assert.equal(r.voucher.state, 'claimed');
    assert.deepEqual([r.voucher.claim?.amount, r.voucher.claim?.currency, r.voucher.claim?.number], [null, null, 'CLM-IT-1']);
    const told = r.notices.find((n) => n.code === 'DAY_RATE_UNKNOWN');
    assert.ok(told);
    assert.match(noticeText(told, 'en'), /without an amount.*Italy \(IT\)/);
    assert.match(noticeText(told, 'fr'), /sans montant.*Italie \(IT\)/);
    assert.match(r.voucher.audit.at(-1)?.reason ?? '', /no day rate on file for IT, amount to be confirmed/);
    w.clock.set(`${isoDay(addDays(redeemedOn, 61))}T09:00:00Z`);
    const paid = await w.domain.vouchers.markPaid(w.admin, { voucherId: String(v._id), paidOn: isoDay(addDays(redeemedOn, 61)) });
    assert.equal(paid.voucher.state, 'paid');
  });

  it('on day 61 the claim window is closed, as for any country', async () => {
    const v = await redeemedAt('IT-MIL', 'IT');
    const redeemedOn = v.redemption?.on;
    assert.ok(redeemedOn);
    w.clock.set(`${isoDay(addDays(redeemedOn, 61))}T00:00:00Z`);
    assert.ok(!(await w.domain.queries.details(w.admin, String(v._id))).actions.includes('claim'));
    await refused(w.domain.vouchers.claim(w.admin, { voucherId: String(v._id), claimNumber: 'CLM-IT-LATE' }), 'CLAIM_WINDOW_CLOSED');
  });

  it('a country with a day rate gets its amount, with no warning', async () => {
    const v = await redeemedAt('FR-PAR', 'FR');
    const r = await w.domain.vouchers.claim(w.admin, { voucherId: String(v._id), claimNumber: 'CLM-FR-1' });
    const rate = dayRateFor('FR');
    assert.deepEqual([r.voucher.claim?.amount, r.voucher.claim?.currency], [(rate?.amount ?? NaN) * 5, rate?.currency]);
    assert.ok(!r.notices.some((n) => n.code === 'DAY_RATE_UNKNOWN'));
  });
});
