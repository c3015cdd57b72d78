import assert from 'node:assert/strict';
import { toCancelData } from '../../cards/cancel.card';
import { render } from '../../cards/render';
import { parseVerbData } from '../../cards/verbs';
import { actionNamed, allText, assertNeutralised, assertValidCard, HOSTILE, inputs } from './card-check';
import { NOW, voucherIn } from './fixtures';

describe('cancel card', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`offers the four reasons and free text, in ${locale}`, () => {
      for (const state of ['reserved', 'scheduled'] as const) {
        const v = voucherIn(state);
        const card = render('cancel', toCancelData(v, { locale, now: NOW }));
        assertValidCard(card);
        const choices = (inputs(card).get('reason')?.choices as { title: string }[]).map((c) => c.title);
        assert.deepEqual(
          choices,
          locale === 'fr'
            ? ["L'offre a changé", "La mission n'aura pas lieu", 'Le client a choisi un autre partenaire', 'Autre']
            : ['The offer changed', "The engagement won't happen", 'The customer chose another partner', 'Other'],
        );
        const button = actionNamed(card, locale === 'fr' ? 'Annuler la réservation' : 'Cancel reservation');
        assert.deepEqual(parseVerbData('voucher.cancel', { ...button.data, reason: 'offer-changed', reasonText: '' }).data, {
          voucherId: String(v._id),
          expectedState: state,
          reason: 'offer-changed',
          reasonText: undefined,
        });
        assert.ok(!parseVerbData('voucher.cancel', { ...button.data, reason: 'other', reasonText: ' ' }).success, 'other needs a text');
        assert.match(allText(card), /AB-123456/);
      }
    });
  }

  it('neutralises a hostile voucher number and notice', () => {
    for (const h of HOSTILE) {
      const card = render('cancel', toCancelData(voucherIn('reserved', { number: h }), { locale: 'fr', now: NOW }, h));
      assertValidCard(card);
      assertNeutralised(card);
    }
  });
});
