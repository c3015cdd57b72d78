import assert from 'node:assert/strict';
import { useTestDatabase } from '../../helpers/db';
import { useBotWorld } from '../../helpers/bot-world';

const EMAIL = [
  'Please find our voucher below.',
  '',
  '---------- Forwarded message ---------',
  'From: Volume Licensing <vlsc@microsoft.com>',
  'Date: Mon, Mar 3, 2025 at 9:12 AM',
  'Subject: Planning Services voucher assigned',
  'To: it-admin@fabrikam.test',
  '',
  'Voucher Number: E2E-2025-0042',
  'Program: Azure Deployment Planning Services',
  'Number of Days: 5',
  'Customer Name: Fabrikam',
  'Agreement Number: 8765 4321',
  'Voucher Administrator: it-admin@fabrikam.test',
  'Date Created: 3/1/2025',
  'Expiration Date: 8/28/2025',
].join('\n');

describe('bot end to end: from the pasted email to the paid claim, through /api/messages', () => {
  const db = useTestDatabase('bot-e2e');
  const world = useBotWorld(db, 'e2e');

  it('pastes, adds and reserves, schedules, completes with a link, redeems, approves, claims, marks paid, each by a card button; the audit trail shows each step', async function () {
    this.timeout(60_000);
    const { w, drive, as } = world();
    const staff = as(w.staffFr);
    const found = await drive.say(staff, EMAIL);
    assert.match(found.readable, /E2E-2025-0042/);
    assert.ok(found.buttons.includes('Add voucher') && found.buttons.includes('Add and reserve'), found.buttons.join());
    const form = await drive.submit(staff, found, 'Add and reserve');
    assert.equal(form.invoke?.statusCode, 200);
    const v = await w.domain.vouchers.findByNumber(w.staffFr, 'E2E-2025-0042');
    assert.equal(v.customerName, 'Fabrikam');
    assert.ok(form.buttons.includes('Reserve'), `the reservation form follows: ${form.buttons.join()}`);
    const reserved = await drive.submit(staff, form, 'Reserve', { voucherAdminEmail: 'it-admin@fabrikam.test', termsAccepted: 'true' });
    assert.match(reserved.readable, /Reserved/, reserved.readable);

    const scheduleForm = await drive.submit(staff, reserved, 'Schedule');
    const scheduled = await drive.submit(staff, scheduleForm, 'Schedule', { start: '2025-03-10', end: '2025-03-14' });
    assert.match(scheduled.readable, /Scheduled/, scheduled.readable);

    w.clock.set('2025-03-15T09:00:00.000Z');
    const details = await drive.say(staff, 'voucher E2E-2025-0042');
    const completeForm = await drive.submit(staff, details, 'Complete');
    const report = {
      deliveredOn: '2025-03-14',
      summary: 'Azure landing zone plan.',
      attendees: 'CIO\nCloud lead',
      recommendations: 'Pilot in Q2.',
      deliverableUrl: 'https://fabrikam.sharepoint.com/sites/plan/E2E.docx',
    };
    const completed = await drive.submit(staff, completeForm, 'Complete', report);
    assert.match(completed.readable, /Completed/, completed.readable);

    const review = await drive.submit(staff, completed, 'Redeem');
    const requested = await drive.submit(staff, review, 'Yes, redeem');
    assert.equal(requested.invoke?.statusCode, 200);
    assert.ok((await w.domain.vouchers.get(w.staffFr, String(v._id))).pendingApprovalId, 'the redemption waits for a manager');

    const manager = as(w.manager);
    const waiting = await drive.say(manager, 'approvals');
    assert.match(waiting.readable, /E2E-2025-0042/);
    const request = await drive.submit(manager, waiting, 'Details');
    assert.ok(request.buttons.includes('Approve') && request.buttons.includes('Reject'), request.buttons.join());
    const approved = await drive.submit(manager, request, 'Approve', { comment: 'fine' });
    assert.equal(approved.invoke?.statusCode, 200);
    assert.equal((await w.domain.vouchers.get(w.staffFr, String(v._id))).state, 'redeemed');

    w.clock.set('2025-03-20T09:00:00.000Z');
    const redeemed = await drive.say(staff, 'voucher E2E-2025-0042');
    const claimForm = await drive.submit(staff, redeemed, 'Claim');
    assert.match(claimForm.readable, /Claim by/, claimForm.readable);
    const claimed = await drive.submit(staff, claimForm, 'Claim', { claimNumber: 'CLM-77' });
    assert.match(claimed.readable, /Claimed/, claimed.readable);
    w.clock.set('2025-04-20T09:00:00.000Z');
    const payForm = await drive.submit(staff, claimed, 'Mark paid');
    const paid = await drive.submit(staff, payForm, 'Mark paid', { paidOn: '2025-04-18' });
    assert.match(paid.readable, /Paid/, paid.readable);

    const final = await w.domain.vouchers.get(w.staffFr, String(v._id));
    assert.equal(final.state, 'paid');
    const events = final.audit.map((a) => a.event);
    for (const step of [
      'intake',
      'validate',
      'reserve',
      'schedule',
      'addDeliverable',
      'complete',
      'requestRedemption',
      'redeem',
      'claim',
      'pay',
    ]) {
      assert.ok(events.includes(step), `audit has ${step}: ${events.join(', ')}`);
    }
    assert.equal(events.filter((e) => e === 'reserve').length, 1);
    assert.ok(final.audit.filter((a) => a.event === 'redeem').every((a) => a.by === w.manager.aadObjectId));
  });
});
