import assert from 'node:assert/strict';
import { render } from '../../cards/render';
import { parseVerbData } from '../../cards/verbs';
import { toVoucherNewData } from '../../cards/voucher-new.card';
import { actionNamed, actionTitles, allText, assertNeutralised, assertValidCard, HOSTILE } from './card-check';
import { NOW, PROGRAMS, voucherIn } from './fixtures';

describe('voucher-new card (a customer forwarded a voucher)', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`names the customer and offers Reserve and Details, in ${locale}`, () => {
      const v = voucherIn('assigned');
      const card = render('voucher-new', toVoucherNewData(v, PROGRAMS, { locale, now: NOW }));
      assertValidCard(card);
      assert.match(allText(card), locale === 'fr' ? /Nouveau bon de Fabrikam SA/ : /New voucher from Fabrikam SA/);
      assert.deepEqual(actionTitles(card), locale === 'fr' ? ['Réserver', 'Détails'] : ['Reserve', 'Details']);
      assert.deepEqual(parseVerbData('voucher.reserve-form', actionNamed(card, locale === 'fr' ? 'Réserver' : 'Reserve').data).data, { voucherId: String(v._id), expectedState: 'assigned' });
    });

    it(`flags a forward from someone else and drops Reserve once reserved, in ${locale}`, () => {
      const v = { ...voucherIn('reserved'), needsConfirmation: { sender: 'someone@else.example' } };
      const card = render('voucher-new', toVoucherNewData(v, PROGRAMS, { locale, now: NOW }));
      assertValidCard(card);
      assert.match(allText(card), /someone@else\.example/);
      assert.deepEqual(actionTitles(card), [locale === 'fr' ? 'Détails' : 'Details']);
    });
  }

  it('neutralises hostile customer and sender text', () => {
    for (const h of HOSTILE) {
      const v = { ...voucherIn('assigned', { customerName: h, number: h }), needsConfirmation: { sender: h } };
      const card = render('voucher-new', toVoucherNewData(v, PROGRAMS, { locale: 'en', now: NOW }));
      assertValidCard(card);
      assertNeutralised(card);
    }
  });
});
