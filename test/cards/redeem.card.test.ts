import assert from 'node:assert/strict';
import { toRedeemPickData, toRedeemReviewData } from '../../cards/redeem.card';
import { render } from '../../cards/render';
import { parseVerbData } from '../../cards/verbs';
import { actionNamed, actionTitles, allText, assertNeutralised, assertValidCard, HOSTILE, inputs } from './card-check';
import { NOW, voucherIn } from './fixtures';

describe('redeem cards', () => {
  const a = voucherIn('completed', { number: 'AB-1' });
  const b = voucherIn('completed', { number: 'AB-2', customerName: 'Contoso' });

  for (const locale of ['en', 'fr'] as const) {
    it(`pick: expanded checkboxes of completed vouchers, then review, in ${locale}`, () => {
      const card = render('redeem-pick', toRedeemPickData([a, b], { locale, now: NOW }));
      assertValidCard(card);
      const pick = inputs(card).get('voucherIds');
      assert.equal(pick?.isMultiSelect, true);
      assert.equal(pick?.style, 'expanded');
      assert.deepEqual(
        (pick?.choices as { value: string }[]).map((c) => c.value),
        [String(a._id), String(b._id)],
      );
      assert.match(allText(card), /AB-2 · Contoso · SDPS/);
      const button = actionNamed(card, locale === 'fr' ? 'Échanger' : 'Redeem');
      assert.equal(button.verb, 'redemption.review');
      assert.deepEqual(parseVerbData('redemption.review', { ...button.data, voucherIds: `${String(a._id)},${String(b._id)}` }).data, {
        voucherIds: [String(a._id), String(b._id)],
      });
      const none = render('redeem-pick', toRedeemPickData([], { locale, now: NOW }));
      assertValidCard(none);
      assert.deepEqual(actionTitles(none), []);
      assert.match(allText(none), locale === 'fr' ? /Aucun bon terminé/ : /No completed voucher/);
    });

    it(`review of one voucher reads in the singular, of none or two in the plural forms, in ${locale}`, () => {
      const one = allText(render('redeem-review', toRedeemReviewData([a], { locale, now: NOW })));
      assert.match(one, locale === 'fr' ? /Échanger ce bon \?/ : /Redeem this voucher\?/);
      assert.doesNotMatch(one, /\b1 (vouchers|bons)\b/);
      const noDeliverable = allText(render('redeem-review', toRedeemReviewData([{ ...b, deliverables: [] }], { locale, now: NOW })));
      // French counts zero as one ("0 livrable"), English as more ("0 deliverables").
      assert.match(noDeliverable, locale === 'fr' ? /0 livrable ·/ : /0 deliverables ·/);
    });

    it(`review: each voucher's facts and Yes, redeem for exactly those, in ${locale}`, () => {
      const card = render('redeem-review', toRedeemReviewData([a, b], { locale, now: NOW }));
      assertValidCard(card);
      const text = allText(card);
      assert.match(text, locale === 'fr' ? /Échanger ces 2 bons/ : /Redeem these 2 vouchers/);
      assert.match(text, /AB-1 · Fabrikam SA/);
      assert.match(text, locale === 'fr' ? /1 livrable ·/ : /1 deliverable ·/);
      assert.match(text, locale === 'fr' ? /6 févr\. 2026/ : /Feb 6, 2026/);
      const yes = actionNamed(card, locale === 'fr' ? 'Oui, échanger' : 'Yes, redeem');
      assert.deepEqual(parseVerbData('redemption.confirm', yes.data).data, { voucherIds: [String(a._id), String(b._id)] });
    });
  }

  it('neutralises hostile customer names in both cards', () => {
    for (const h of HOSTILE) {
      const v = voucherIn('completed', { number: h, customerName: h });
      for (const card of [
        render('redeem-pick', toRedeemPickData([v, v], { locale: 'en', now: NOW })),
        render('redeem-review', toRedeemReviewData([v, v], { locale: 'fr', now: NOW })),
      ]) {
        assertValidCard(card);
        assertNeutralised(card);
      }
    }
  });

  it('reviews and redeems at most 20 vouchers at once, says so, and stays under 25 KB', () => {
    const many = Array.from({ length: 25 }, (_, i) => voucherIn('completed', { number: `AB-${i}`, customerName: 'y'.repeat(300) }));
    const card = render('redeem-review', toRedeemReviewData(many, { locale: 'fr', now: NOW }));
    assertValidCard(card);
    assert.match(allText(card), /Seuls les 20 premiers sont affichés et seront échangés/);
    assert.equal(parseVerbData('redemption.confirm', actionNamed(card, 'Oui, échanger').data).data?.voucherIds.length, 20);
  });
});
