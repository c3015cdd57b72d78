import assert from 'node:assert/strict';
import { partnerAdmin } from '../../../domain/partner/partner-admin';
import { systemActor } from '../../../domain/person/person.service';
import { PROGRAM_CODES } from '../../../domain/program/program.catalog';
import { reasonOf } from '../../../domain/refusal';
import { useTestDatabase } from '../../helpers/db';
import { refused } from '../refused';
import { createWorld, newVoucher, START, type World } from '../world';

/**
 * Reserve, redeem and claim under a location whose country is the engagement's (DOMAIN.md, Program
 * rules). An admin who changes a location's country while it holds vouchers before their claim would
 * leave them to be refused at redemption or claim as their 60-day clock runs: the change is refused.
 */
describe("domain: a location's country while it holds vouchers (real database)", function () {
  this.timeout(60_000);
  const db = useTestDatabase('location-country');
  let w: World;
  const save = (country: string, name = 'Lille') =>
    partnerAdmin(w.domain.deps).locations.saveLocation(w.admin, { locationId: 'FR-LIL', name, country });
  before(async () => {
    w = await createWorld(db.connection, 'location-country');
    const system = systemActor(w.admin.partnerId);
    await w.domain.partners.upsertLocation(system, { locationId: 'FR-LIL', name: 'Lille', country: 'FR' });
    for (const program of PROGRAM_CODES) {
      await w.domain.partners.enroll(system, {
        program,
        enrolledOn: '2024-06-01',
        agreementSignedOn: '2024-05-20',
        complianceTrainingOn: '2024-05-25',
        locationIds: ['FR-PAR', 'US-SEA', 'FR-LIL'],
      });
    }
  });

  it('refuses a new country while a voucher is reserved there, allows a new name, and the new country once the voucher is gone', async () => {
    w.clock.set(START);
    const v = await newVoucher(w);
    const reserved = await w.domain.vouchers.reserve(w.admin, {
      voucherId: String(v._id),
      locationId: 'FR-LIL',
      engagementCountry: 'FR',
      termsAccepted: true,
    });
    assert.equal(reserved.voucher.state, 'reserved');
    const e = await refused(save('BE'), 'LOCATION_IN_USE');
    assert.deepEqual(e.params, { locationId: 'FR-LIL', country: 'FR', count: 1 });
    assert.match(reasonOf(e, 'en'), /FR-LIL holds 1 voucher/);
    assert.match(reasonOf(e, 'fr'), /Le site FR-LIL détient 1 bon/);
    assert.equal((await partnerAdmin(w.domain.deps).locations.get(w.admin, 'FR-LIL'))?.country, 'FR', 'nothing changed');
    assert.equal((await save('FR', 'Lille Europe')).name, 'Lille Europe');
    await w.domain.vouchers.cancel(w.admin, { voucherId: String(v._id), reason: 'customer postponed' });
    assert.equal((await save('BE')).country, 'BE');
  });
});
