import assert from 'node:assert/strict';
import { useTestDatabase } from '../../helpers/db';
import { refused } from '../refused';
import { createWorld, newVoucher, reserveFr, START, type World } from '../world';

describe('domain/voucher reserve rules (real database)', function () {
  const db = useTestDatabase('reserve');
  let w: World;
  before(async () => {
    w = await createWorld(db.connection, 'res');
    await w.domain.partners.upsertLocation(w.admin, {
      locationId: 'DE-BER',
      name: 'Berlin',
      country: 'DE',
      contacts: [{ aadObjectId: w.staffFr.aadObjectId, name: 'S', email: 's@x.test' }],
    });
  });
  beforeEach(() => w.clock.set(START));

  it('reserves on expiry day 180 (2025-08-28, last minute) and refuses on day 181', async () => {
    const a = await newVoucher(w);
    const b = await newVoucher(w);
    w.clock.set('2025-08-28T23:59:59Z');
    // enrollment renews on 2025-06-01: renew it so only expiry is at stake
    await w.domain.partners.enroll(w.admin, {
      program: 'AZDPS',
      enrolledOn: '2025-05-30',
      agreementSignedOn: '2025-05-30',
      complianceTrainingOn: '2025-05-30',
      locationIds: ['FR-PAR', 'US-SEA'],
    });
    assert.equal((await reserveFr(w, a)).voucher.state, 'reserved');
    w.clock.set('2025-08-29T00:00:00Z');
    const e = await refused(reserveFr(w, b), 'VOUCHER_EXPIRED');
    assert.deepEqual(e.params, { number: b.number, expiresOn: '2025-08-28' });
    await w.domain.partners.enroll(w.admin, {
      program: 'AZDPS',
      enrolledOn: '2024-06-01',
      agreementSignedOn: '2024-05-20',
      complianceTrainingOn: '2024-05-25',
      locationIds: ['FR-PAR', 'US-SEA'],
    });
  });

  it('is current on the renew-by day (enrolled 2024-06-01, renew by 2025-06-01) and lapsed the day after', async () => {
    const a = await newVoucher(w);
    const b = await newVoucher(w);
    w.clock.set('2025-06-01T12:00:00Z');
    await reserveFr(w, a);
    w.clock.set('2025-06-02T00:00:00Z');
    const e = await refused(reserveFr(w, b), 'ENROLLMENT_LAPSED');
    assert.deepEqual(e.params, { program: 'AZDPS', renewBy: '2025-06-01' });
  });

  it('reserves before the engagement starts: a planned start today is refused, tomorrow accepted', async () => {
    const v = await newVoucher(w);
    await refused(reserveFr(w, v, { plannedStart: '2025-03-03' }), 'ENGAGEMENT_ALREADY_STARTED');
    assert.equal((await reserveFr(w, v, { plannedStart: '2025-03-04' })).voucher.state, 'reserved');
  });

  it('requires the program terms to be accepted, and records when', async () => {
    const v = await newVoucher(w);
    await refused(reserveFr(w, v, { termsAccepted: false }), 'TERMS_NOT_ACCEPTED');
    const r = await reserveFr(w, v);
    assert.equal(r.voucher.reservation?.termsAcceptedOn.toISOString(), START);
  });

  it('requires location country = engagement country, an approved location and a contact', async () => {
    const v = await newVoucher(w);
    await refused(reserveFr(w, v, { engagementCountry: 'US' }), 'LOCATION_COUNTRY_MISMATCH');
    await refused(reserveFr(w, v, { locationId: 'DE-BER', engagementCountry: 'DE' }), 'LOCATION_NOT_APPROVED');
    await refused(reserveFr(w, v, { locationId: 'XX-NOPE' }), 'LOCATION_NOT_FOUND');
    const asUs = w.domain.vouchers.reserve(w.staffUs, {
      voucherId: String(v._id),
      locationId: 'FR-PAR',
      engagementCountry: 'FR',
      termsAccepted: true,
    });
    await refused(asUs, 'NOT_LOCATION_CONTACT');
    const byAdmin = await w.domain.vouchers.reserve(w.admin, {
      voucherId: String(v._id),
      locationId: 'FR-PAR',
      engagementCountry: 'FR',
      termsAccepted: true,
    });
    assert.equal(byAdmin.voucher.reservation?.by, w.admin.aadObjectId);
  });

  it('requires active eligibility and refuses a manager who is no contact of the location', async () => {
    const v = await newVoucher(w, { program: 'SDPS' });
    await w.domain.partners.tickEligibility(w.admin, { program: 'SDPS', item: 'SDPS.exam', done: false });
    await refused(reserveFr(w, v), 'ELIGIBILITY_NOT_ACTIVE');
    await w.domain.partners.tickEligibility(w.admin, { program: 'SDPS', item: 'SDPS.exam', done: true });
    await refused(
      w.domain.vouchers.reserve(w.manager, {
        voucherId: String(v._id),
        locationId: 'FR-PAR',
        engagementCountry: 'FR',
        termsAccepted: true,
      }),
      'NOT_LOCATION_CONTACT',
    );
    assert.equal((await reserveFr(w, v)).voucher.state, 'reserved');
    await refused(reserveFr(w, v), 'VOUCHER_ALREADY_RESERVED');
  });

  it('sends a reservation at or above the days threshold to a manager and blocks the voucher meanwhile', async () => {
    const v9 = await newVoucher(w, { days: 5 });
    assert.equal((await reserveFr(w, v9)).approval, null);
    const v = await newVoucher(w, { days: 10 });
    const r = await reserveFr(w, v);
    assert.ok(r.approval);
    assert.equal(r.voucher.state, 'assigned');
    await refused(reserveFr(w, v), 'APPROVAL_PENDING');
    await refused(w.domain.approvals.approve(w.staffFr, { approvalId: String(r.approval._id) }), 'NOT_PERMITTED');
    const d = await w.domain.approvals.approve(w.manager, { approvalId: String(r.approval._id), comment: 'ok' });
    assert.equal(d.vouchers[0]?.state, 'reserved');
    assert.equal(d.vouchers[0]?.reservation?.by, w.staffFr.aadObjectId);
    await refused(
      w.domain.approvals.reject(w.manager, { approvalId: String(r.approval._id), comment: 'late' }),
      'APPROVAL_ALREADY_DECIDED',
    );
  });

  it('a rejected reservation releases the voucher, still assigned', async () => {
    const v = await newVoucher(w, { days: 15 });
    const r = await reserveFr(w, v);
    assert.ok(r.approval);
    await refused(w.domain.approvals.reject(w.manager, { approvalId: String(r.approval._id), comment: '' }), 'INVALID_INPUT');
    const d = await w.domain.approvals.reject(w.manager, { approvalId: String(r.approval._id), comment: 'budget' });
    assert.equal(d.vouchers[0]?.pendingApprovalId, null);
    assert.equal(d.vouchers[0]?.state, 'assigned');
  });

  it('refuses a 15-day voucher whose customer is unknown: the 15-day rule needs one', async () => {
    const r = await w.domain.vouchers.intake(w.staffFr, {
      voucherNumber: 'NO-CUSTOMER-15',
      program: 'AZDPS',
      days: 15,
      customerName: null,
      voucherAdminEmail: 'it@c.test',
      assignedOn: '2025-03-01',
      source: { kind: 'manual' },
    });
    await w.domain.vouchers.validate(w.staffFr, { voucherId: String(r.voucher._id), voucherAdminEmail: 'it@c.test' });
    await refused(reserveFr(w, r.voucher), 'VOUCHER_CUSTOMER_UNKNOWN');
  });

  it('refuses a second 15-day engagement of a program for a customer unless an exception is recorded', async () => {
    const approveAll = async (r: { approval: { _id: unknown } | null }) =>
      w.domain.approvals.approve(w.manager, { approvalId: String(r.approval?._id) });
    const first = await newVoucher(w, { days: 15, customerName: 'Contoso Pharma', program: 'SSDPS' });
    await approveAll(await reserveFr(w, first));
    const second = await newVoucher(w, { days: 15, customerName: 'CONTOSO  pharma', program: 'SSDPS' });
    const e = await refused(reserveFr(w, second), 'FIFTEEN_DAY_RULE');
    assert.equal((e.params as { otherNumber?: string }).otherNumber, first.number);
    const other = await newVoucher(w, { days: 15, customerName: 'Contoso Pharma', program: 'SDPS' });
    await approveAll(await reserveFr(w, other));
    const withReason = await approveAll(await reserveFr(w, second, { fifteenDayException: 'EMEA legal entity, BI products' }));
    assert.equal(withReason.vouchers[0]?.reservation?.fifteenDayException, 'EMEA legal entity, BI products');
    assert.match(withReason.vouchers[0]?.audit.at(-1)?.reason ?? '', /15-day exception/);
    await w.domain.vouchers.cancel(w.staffFr, { voucherId: String(first._id), reason: 'customer postponed' });
    const third = await newVoucher(w, { days: 15, customerName: 'Contoso Pharma', program: 'SSDPS' });
    const ok = await approveAll(await reserveFr(w, third));
    assert.equal(ok.vouchers[0]?.state, 'reserved');
  });

  it('cancels with a reason back to assigned, available again; refuses without reason or from assigned', async () => {
    const v = await newVoucher(w);
    await refused(w.domain.vouchers.cancel(w.staffFr, { voucherId: String(v._id), reason: 'x' }), 'VOUCHER_WRONG_STATE');
    await reserveFr(w, v);
    await refused(w.domain.vouchers.cancel(w.staffFr, { voucherId: String(v._id), reason: '  ' }), 'INVALID_INPUT');
    const { voucher: c } = await w.domain.vouchers.cancel(w.staffFr, { voucherId: String(v._id), reason: 'customer asked' });
    assert.equal(c.state, 'assigned');
    assert.equal(c.cancellations[0]?.reason, 'customer asked');
    assert.equal((await reserveFr(w, c)).voucher.state, 'reserved');
  });
});
