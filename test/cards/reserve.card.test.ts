import assert from 'node:assert/strict';
import { toReserveData } from '../../cards/reserve.card';
import { render } from '../../cards/render';
import { parseVerbData } from '../../cards/verbs';
import { actionNamed, actionTitles, allText, assertNeutralised, assertValidCard, HOSTILE, inputs } from './card-check';
import { LOCATIONS, NOW, PROGRAMS, voucherIn } from './fixtures';

describe('reserve card', () => {
  for (const locale of ['en', 'fr'] as const) {
    const reserve = locale === 'fr' ? 'Réserver' : 'Reserve';

    it(`asks for validation, location and the terms of an unvalidated voucher, in ${locale}`, () => {
      const v = voucherIn('assigned');
      const card = render('reserve', toReserveData(v, { locations: LOCATIONS, programs: PROGRAMS }, { locale, now: NOW }));
      assertValidCard(card);
      const asked = inputs(card);
      assert.deepEqual([...asked.keys()], ['voucherAdminEmail', 'locationId', 'engagementCountry', 'plannedStart', 'termsAccepted']);
      assert.equal(asked.get('engagementCountry')?.value, 'FR');
      assert.match(
        allText(card),
        locale === 'fr'
          ? /5 jours de planification du programme Services de planification du déploiement SharePoint \(SDPS\)/
          : /pays 5 planning days of SharePoint Deployment Planning Services \(SDPS\)/,
      );
      assert.match(allText(card), locale === 'fr' ? /avant le 3 avr\. 2026/ : /before Apr 3, 2026/);
      const submitted = parseVerbData('voucher.reserve', {
        ...actionNamed(card, reserve).data,
        voucherAdminEmail: 'Admin@Fabrikam.example',
        locationId: 'paris',
        engagementCountry: 'fr',
        termsAccepted: 'true',
        plannedStart: '',
      });
      assert.ok(submitted.success);
      assert.deepEqual(submitted.data, {
        voucherId: String(v._id),
        expectedState: 'assigned',
        voucherAdminEmail: 'admin@fabrikam.example',
        locationId: 'paris',
        engagementCountry: 'FR',
        termsAccepted: true,
        plannedStart: undefined,
      });
    });

    it(`skips validation once done, asks the 15-day exception, and refuses without a location, in ${locale}`, () => {
      const v = { ...voucherIn('assigned'), validated: { on: NOW, by: 'aad-staff' }, days: 15 };
      const card = render('reserve', toReserveData(v, { locations: LOCATIONS, programs: PROGRAMS }, { locale, now: NOW }));
      assertValidCard(card);
      assert.ok(!inputs(card).has('voucherAdminEmail'));
      assert.ok(inputs(card).has('fifteenDayException'));
      assert.match(allText(card), locale === 'fr' ? /Validé le 10 mars 2026/ : /Validated on Mar 10, 2026/);
      const none = render('reserve', toReserveData(v, { locations: [], programs: PROGRAMS }, { locale, now: NOW }));
      assertValidCard(none);
      assert.deepEqual(actionTitles(none), []);
      assert.deepEqual([...inputs(none).keys()], []);
      assert.match(allText(none), locale === 'fr' ? /Vous n'êtes contact d'aucun site/ : /You are a contact of no location/);
    });
  }

  it('neutralises hostile location names and voucher text', () => {
    for (const h of HOSTILE) {
      const v = voucherIn('assigned', { number: h, customerName: h });
      const card = render(
        'reserve',
        toReserveData(
          v,
          { locations: [{ locationId: h, name: h, country: 'FR' }], programs: PROGRAMS, notice: h },
          { locale: 'en', now: NOW },
        ),
      );
      assertValidCard(card);
      assertNeutralised(card);
    }
  });
});
