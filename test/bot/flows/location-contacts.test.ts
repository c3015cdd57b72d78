import assert from 'node:assert/strict';
import { systemActor } from '../../../domain/person/person.service';
import { useBotWorld } from '../../helpers/bot-world';
import { useTestDatabase } from '../../helpers/db';
import { newVoucher } from '../../domain/world';

/**
 * Anyone with a contact role on a location may reserve on its behalf (DOMAIN.md, Program rules):
 * a person named among the location's contacts, with no location of their own on record, is offered
 * that location on the reserve form, and the reservation goes through; staff of another location are not.
 */
describe('bot: the reserve form offers the locations a person is a contact of', () => {
  const db = useTestDatabase('bot-location-contacts');
  const world = useBotWorld(db, 'loccontacts');

  it('a contact named on Paris sees Paris and reserves there; staff of Seattle do not see Paris', async () => {
    const { w, drive, as } = world();
    const system = systemActor(w.admin.partnerId);
    await w.domain.people.upsert(system, {
      aadObjectId: 'loccontacts-cora',
      name: 'Cora Contact',
      email: 'cora@loccontacts.test',
      roles: ['staff'],
    });
    await w.domain.partners.upsertLocation(system, {
      locationId: 'FR-PAR',
      name: 'Paris',
      country: 'FR',
      contacts: [{ aadObjectId: 'loccontacts-cora', name: 'Cora Contact', email: 'cora@loccontacts.test' }],
    });
    const cora = await w.domain.people.resolveActor(w.admin.partnerId, 'loccontacts-cora');
    const v = await newVoucher(w);
    const data = { voucherId: String(v._id), expectedState: 'assigned' };
    const form = await drive.click(as(cora), 'voucher.reserve-form', data);
    assert.ok(form.readable.includes('Paris (FR)'), form.readable);
    const far = await drive.click(as(w.staffUs), 'voucher.reserve-form', data);
    assert.ok(!far.readable.includes('Paris (FR)'), far.readable);
    const r = await w.domain.vouchers.reserve(cora, {
      voucherId: String(v._id),
      locationId: 'FR-PAR',
      engagementCountry: 'FR',
      termsAccepted: true,
    });
    assert.equal(r.voucher.state, 'reserved');
  });
});
