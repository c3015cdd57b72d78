import assert from 'node:assert/strict';
import { toClaimData } from '../../cards/claim.card';
import { render } from '../../cards/render';
import { parseVerbData } from '../../cards/verbs';
import { actionNamed, actionTitles, allText, assertNeutralised, assertValidCard, HOSTILE, inputs } from './card-check';
import { NOW, voucherIn } from './fixtures';

const deadline = new Date('2026-04-11T00:00:00Z');
const rate = { amount: 1000, currency: 'EUR' };

describe('claim card', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`shows the 60-day deadline and the amount at the day rate, in ${locale}`, () => {
      const v = voucherIn('redeemed');
      const card = render('claim', toClaimData(v, { deadline, dayRate: rate }, { locale, now: NOW }));
      assertValidCard(card);
      const text = allText(card);
      assert.match(
        text,
        locale === 'fr' ? /Réclamer avant le 11 avr\. 2026 \(32 jours restants\)/ : /Claim by Apr 11, 2026 \(32 days left\)/,
      );
      assert.match(
        text,
        locale === 'fr' ? /5 jours à 1\u202f000,00\u00a0€ par jour : 5\u202f000,00\u00a0€/ : /5 days at €1,000\.00 a day: €5,000\.00/,
      );
      assert.deepEqual(actionTitles(card), [locale === 'fr' ? 'Réclamer' : 'Claim']);
      const data = parseVerbData('voucher.claim', {
        ...actionNamed(card, locale === 'fr' ? 'Réclamer' : 'Claim').data,
        claimNumber: 'CLM-1',
      });
      assert.deepEqual(data.data, { voucherId: String(v._id), expectedState: 'redeemed', claimNumber: 'CLM-1' });
    });

    it(`asks the payment date of a claimed voucher, in ${locale}`, () => {
      const v = voucherIn('claimed');
      const card = render('claim', toClaimData(v, { deadline, dayRate: rate }, { locale, now: NOW }));
      assertValidCard(card);
      assert.deepEqual(actionTitles(card), [locale === 'fr' ? 'Marquer payé' : 'Mark paid']);
      assert.equal(inputs(card).get('paidOn')?.value, '2026-03-10');
      assert.match(allText(card), /CLM-778/);
      const data = parseVerbData('voucher.pay', {
        ...actionNamed(card, locale === 'fr' ? 'Marquer payé' : 'Mark paid').data,
        paidOn: '2026-03-09',
      });
      assert.deepEqual(data.data, { voucherId: String(v._id), expectedState: 'claimed', paidOn: '2026-03-09' });
    });
  }

  it('says when the claim window closed and when no day rate is known', () => {
    const card = render(
      'claim',
      toClaimData(voucherIn('redeemed'), { deadline: new Date('2026-03-09T00:00:00Z'), dayRate: null }, { locale: 'en', now: NOW }),
    );
    assertValidCard(card);
    assert.match(allText(card), /The 60-day claim window closed on Mar 9, 2026/);
    assert.match(allText(card), /No day rate is known for country FR/);
  });

  for (const locale of ['en', 'fr'] as const) {
    it(`a claim made with no day rate on file shows its amount as to be set, never a number, in ${locale}`, () => {
      const base = voucherIn('claimed');
      const v = { ...base, engagementCountry: 'IT', claim: base.claim ? { ...base.claim, amount: null, currency: null } : null };
      const card = render('claim', toClaimData(v, { deadline, dayRate: null }, { locale, now: NOW }));
      assertValidCard(card);
      const text = allText(card);
      assert.match(
        text,
        locale === 'fr'
          ? /À confirmer : aucun tarif journalier n'est enregistré pour le pays IT/
          : /To be confirmed: no day rate is on file for country IT/,
      );
      assert.doesNotMatch(text, /0[.,]00|NaN/);
    });
  }

  it('neutralises hostile text', () => {
    for (const h of HOSTILE) {
      const v = { ...voucherIn('claimed', { number: h }), engagementCountry: h };
      const card = render('claim', toClaimData(v, { deadline, dayRate: null, notice: h }, { locale: 'fr', now: NOW }));
      assertValidCard(card);
      assertNeutralised(card);
    }
  });
});
