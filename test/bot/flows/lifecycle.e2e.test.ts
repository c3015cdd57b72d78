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

  it('pastes, adds and reserves, schedules, completes with a link, redeems, approves, claims, marks paid; the audit trail shows each step', async function () {
    this.timeout(60_000);
    const { w, drive, as } = world();
    const staff = as(w.staffFr);
    const found = await drive.say(staff, EMAIL);
    assert.match(found.readable, /E2E-2025-0042/);
    assert.ok(found.buttons.includes('Add voucher') && found.buttons.includes('Add and reserve'), found.buttons.join());
    const addAndReserve = found.actions.find((a) => a.title === 'Add and reserve');
    assert.ok(addAndReserve);
    const added = await drive.click(staff, addAndReserve.verb, addAndReserve.data);
    assert.equal(added.status, 200);
    assert.equal(added.invoke?.statusCode, 200);
    const v = await w.domain.vouchers.findByNumber(w.staffFr, 'E2E-2025-0042');
    assert.equal(v.state, 'assigned');
    assert.equal(v.customerName, 'Fabrikam');

    const reserved = await drive.click(staff, 'voucher.reserve', { voucherId: String(v._id), expectedState: 'assigned', voucherAdminEmail: 'it-admin@fabrikam.test', locationId: 'FR-PAR', termsAccepted: 'true' });
    assert.match(reserved.readable, /reserved/i);
    const scheduled = await drive.say(staff, 'schedule E2E-2025-0042 2025-03-10 2025-03-14');
    assert.match(scheduled.readable, /scheduled/i);

    w.clock.set('2025-03-15T09:00:00.000Z');
    const report = { voucherId: String(v._id), expectedState: 'scheduled', deliveredOn: '2025-03-14', summary: 'Azure landing zone plan.', attendees: 'CIO\nCloud lead', recommendations: 'Pilot in Q2.' };
    const completed = await drive.click(staff, 'voucher.complete', { ...report, deliverableUrl: 'https://fabrikam.sharepoint.com/sites/plan/E2E.docx' });
    assert.match(completed.readable, /completed/i, completed.readable);

    await drive.say(staff, 'redeem E2E-2025-0042');
    const requested = await drive.click(staff, 'redemption.confirm', { voucherIds: String(v._id) });
    assert.equal(requested.invoke?.statusCode, 200);
    const locked = await w.domain.vouchers.get(w.staffFr, String(v._id));
    assert.ok(locked.pendingApprovalId, 'the redemption waits for a manager');

    const approved = await drive.say(as(w.manager), 'approve E2E-2025-0042 fine');
    assert.equal(approved.status, 200);
    assert.equal((await w.domain.vouchers.get(w.staffFr, String(v._id))).state, 'redeemed');

    w.clock.set('2025-03-20T09:00:00.000Z');
    const claimed = await drive.say(staff, 'claim E2E-2025-0042 CLM-77');
    assert.match(claimed.readable, /claimed/i, claimed.readable);
    w.clock.set('2025-04-20T09:00:00.000Z');
    const paid = await drive.say(staff, 'paid E2E-2025-0042 4/18/2025');
    assert.match(paid.readable, /paid/i, paid.readable);

    const final = await w.domain.vouchers.get(w.staffFr, String(v._id));
    assert.equal(final.state, 'paid');
    const events = final.audit.map((a) => a.event);
    for (const step of ['intake', 'validate', 'reserve', 'schedule', 'addDeliverable', 'complete', 'requestRedemption', 'redeem', 'claim', 'pay']) {
      assert.ok(events.includes(step), `audit has ${step}: ${events.join(', ')}`);
    }
    assert.equal(events.filter((e) => e === 'reserve').length, 1);
    assert.ok(final.audit.filter((a) => a.event === 'redeem').every((a) => a.by === w.manager.aadObjectId));
  });
});
