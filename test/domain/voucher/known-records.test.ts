import assert from 'node:assert/strict';
import { Types } from 'mongoose';
import { useTestDatabase } from '../../helpers/db';
import { refused } from '../refused';
import { createWorld, newVoucher, START, type World } from '../world';

/**
 * Records a caller has already read in its turn and hands to the domain to save reads (the bot's
 * details card and reserve click): only the caller's partner's records are taken, and a stale one
 * never makes a write apply over a newer state.
 */
describe('domain: records handed in by the caller (real database)', function () {
  const db = useTestDatabase('known-records');
  let a: World;
  let b: World;
  before(async () => {
    a = await createWorld(db.connection, 'ka');
    b = await createWorld(db.connection, 'kb');
  });
  beforeEach(() => a.clock.set(START));

  it('resolves the partner and the person of a tenant together; a person of another partner with the same AAD id is not taken', async () => {
    const found = await a.domain.people.resolveInTenant('tenant-ka', 'ka-staff-fr');
    assert.equal(found.partner?.slug, 'ka');
    assert.deepEqual(found.partner && found.actor.roles, ['staff']);
    await b.domain.people.upsert(b.admin, { aadObjectId: 'kb-only', name: 'Only B', email: 'only@kb.test', roles: ['admin'] });
    await refused(a.domain.people.resolveInTenant('tenant-ka', 'kb-only'), 'PERSON_NOT_FOUND');
    assert.deepEqual(await a.domain.people.resolveInTenant('tenant-nobody', 'ka-admin'), { partner: null });
  });

  it('reserve with a stale voucher handed in: refused with what it is now, the first reservation kept', async () => {
    const v = await newVoucher(a);
    const input = {
      voucherId: String(v._id),
      expectedState: 'assigned' as const,
      locationId: 'FR-PAR',
      engagementCountry: 'FR',
      termsAccepted: true,
    };
    const first = await a.domain.vouchers.reserve(a.staffFr, input);
    await refused(a.domain.vouchers.reserve(a.admin, input, { voucher: v }), 'VOUCHER_CHANGED');
    const now = await a.domain.vouchers.get(a.admin, String(v._id));
    assert.equal(now.version, first.voucher.version);
    assert.equal(now.reservation?.by, a.staffFr.aadObjectId);
  });

  it('reserve takes only a handed-in voucher with the input id, and a partner of its own', async () => {
    const target = await newVoucher(a);
    const other = await newVoucher(a);
    const kb = await a.domain.partners.bySlug('kb');
    assert.ok(kb);
    const foreignPartner = { ...kb, settings: { approvalDaysThreshold: 1, approvalTtlDays: 7, allowSelfApproval: false } };
    const r = await a.domain.vouchers.reserve(
      a.staffFr,
      { voucherId: String(target._id), locationId: 'FR-PAR', engagementCountry: 'FR', termsAccepted: true },
      { voucher: other, partner: foreignPartner },
    );
    assert.equal(String(r.voucher._id), String(target._id));
    assert.equal(r.voucher.state, 'reserved', "partner kb's threshold of 1 day would have asked a manager");
    assert.equal((await a.domain.vouchers.get(a.admin, String(other._id))).state, 'assigned');
  });

  it('details of a handed-in voucher of another partner is refused as not found; of its own, the card of that voucher', async () => {
    const theirs = await newVoucher(b);
    await refused(a.domain.queries.details(a.admin, theirs), 'VOUCHER_NOT_FOUND');
    await refused(a.domain.queries.details(a.admin, { ...theirs, partnerId: new Types.ObjectId() }), 'VOUCHER_NOT_FOUND');
    const mine = await newVoucher(a);
    const d = await a.domain.queries.details(a.staffFr, mine);
    assert.equal(d.voucher.number, mine.number);
    assert.ok(d.actions.includes('reserve'));
    assert.equal(await a.domain.queries.byNumber(a.admin, theirs.number), null, 'by number stays within the partner');
    assert.equal((await a.domain.queries.byNumber(a.admin, ` ${mine.number.toLowerCase()} `))?.number, mine.number);
  });
});
