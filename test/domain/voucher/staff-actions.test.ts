import assert from 'node:assert/strict';
import { Types } from 'mongoose';
import { useTestDatabase } from '../../helpers/db';
import { refused } from '../refused';
import { createWorld, newVoucher, reserveFr, START, type World } from '../world';

/**
 * The new-voucher card is seen by several staff at once (a channel, or every staff member's chat),
 * so its Reserve button comes from what the domain lets staff do now (`vouchers.staffActions`),
 * never from the state alone: a voucher locked by an approval or past its expiry is still `assigned`.
 */
describe('domain: the actions staff could take, for a card several people see (real database)', function () {
  this.timeout(60_000);
  const db = useTestDatabase('staff-actions');
  let w: World;
  before(async () => {
    w = await createWorld(db.connection, 'staff-actions');
  });
  beforeEach(() => w.clock.set(START));
  const actions = async (id: string) => w.domain.vouchers.staffActions(w.admin, await w.domain.vouchers.get(w.admin, id));

  it('a validated voucher can be reserved; one only taken in can be validated (the reserve form does both)', async () => {
    const v = await newVoucher(w);
    assert.ok((await actions(String(v._id))).includes('reserve'));
    const { voucher } = await w.domain.vouchers.intake(w.staffFr, {
      voucherNumber: 'SA-NEW-1',
      program: 'AZDPS',
      days: 5,
      customerName: 'Fabrikam',
      voucherAdminEmail: 'it@fabrikam.test',
      assignedOn: '2025-03-01',
      source: { kind: 'email', messageId: 'm-1', senderEmail: 'it@fabrikam.test' },
    });
    const fresh = await actions(String(voucher._id));
    assert.deepEqual([fresh.includes('validate'), fresh.includes('reserve')], [true, false]);
  });

  it('an assigned voucher locked by a pending approval, or expired, offers neither', async () => {
    const locked = (await reserveFr(w, await newVoucher(w, { days: 10 }))).voucher;
    assert.equal(locked.state, 'assigned');
    assert.deepEqual(
      (await actions(String(locked._id))).filter((a) => a === 'reserve' || a === 'validate'),
      [],
    );
    const old = await newVoucher(w);
    w.clock.set('2025-08-29T00:00:00Z');
    assert.deepEqual(
      (await actions(String(old._id))).filter((a) => a === 'reserve' || a === 'validate'),
      [],
    );
  });

  it('is a query: it takes an actor the domain issued, of a role that may read vouchers', async () => {
    const v = await newVoucher(w);
    await refused(w.domain.vouchers.staffActions({ ...w.staffFr }, v), 'PERSON_NOT_FOUND');
    await refused(w.domain.vouchers.staffActions({ ...w.staffFr, partnerId: new Types.ObjectId() }, v), 'PERSON_NOT_FOUND');
  });
});
