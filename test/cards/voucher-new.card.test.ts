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
      const card = render('voucher-new', toVoucherNewData(v, ['validate', 'correct'], PROGRAMS, { locale, now: NOW }));
      assertValidCard(card);
      assert.match(allText(card), locale === 'fr' ? /Nouveau bon de Fabrikam SA/ : /New voucher from Fabrikam SA/);
      assert.deepEqual(actionTitles(card), locale === 'fr' ? ['Réserver', 'Détails'] : ['Reserve', 'Details']);
      assert.deepEqual(parseVerbData('voucher.reserve-form', actionNamed(card, locale === 'fr' ? 'Réserver' : 'Reserve').data).data, {
        voucherId: String(v._id),
        expectedState: 'assigned',
      });
    });

    it(`flags a forward from someone else and drops Reserve once reserved, in ${locale}`, () => {
      const v = { ...voucherIn('reserved'), needsConfirmation: { sender: 'someone@else.example' } };
      const card = render('voucher-new', toVoucherNewData(v, ['cancel', 'schedule'], PROGRAMS, { locale, now: NOW }));
      assertValidCard(card);
      assert.match(allText(card), /someone@else\.example/);
      assert.deepEqual(actionTitles(card), [locale === 'fr' ? 'Détails' : 'Details']);
    });
  }

  it('offers Reserve exactly when the domain lets staff reserve or validate, whatever the state says', () => {
    const assigned = voucherIn('assigned');
    const titles = (actions: Parameters<typeof toVoucherNewData>[1]) =>
      actionTitles(render('voucher-new', toVoucherNewData(assigned, actions, PROGRAMS, { locale: 'en', now: NOW })));
    assert.deepEqual(titles(['reserve', 'correct']), ['Reserve', 'Details']);
    assert.deepEqual(titles(['validate']), ['Reserve', 'Details']);
    // Assigned but locked by a pending approval, or past its expiry: the domain allows nothing, so no Reserve.
    assert.deepEqual(titles([]), ['Details']);
    assert.deepEqual(titles(['correct']), ['Details']);
  });

  it('neutralises hostile customer and sender text', () => {
    for (const h of HOSTILE) {
      const v = { ...voucherIn('assigned', { customerName: h, number: h }), needsConfirmation: { sender: h } };
      const card = render('voucher-new', toVoucherNewData(v, ['reserve'], PROGRAMS, { locale: 'en', now: NOW }));
      assertValidCard(card);
      assertNeutralised(card);
    }
  });
});
