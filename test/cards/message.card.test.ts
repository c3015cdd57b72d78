import assert from 'node:assert/strict';
import {
  toApologyData,
  toDidYouMeanData,
  toDoneData,
  toMessageData,
  toNotVoucherData,
  toRefusalData,
  toUnknownPersonData,
  toUnknownTenantData,
} from '../../cards/message.card';
import { render } from '../../cards/render';
import { parseVerbData } from '../../cards/verbs';
import { actionNamed, actionTitles, allText, assertNeutralised, assertValidCard, HOSTILE } from './card-check';

const LOCALES = ['en', 'fr'] as const;

describe('message card', () => {
  for (const locale of LOCALES) {
    it(`renders every kind of message in ${locale}`, () => {
      const cards = {
        refusal: render('message', toRefusalData('Voucher AB-1 is already reserved.', locale)),
        done: render('message', toDoneData('Voucher AB-1 reserved.', locale)),
        didYouMean: render('message', toDidYouMeanData('vouchrs', locale === 'fr' ? 'bons' : 'vouchers', locale)),
        apology: render('message', toApologyData('ref-7f3a', locale)),
        unknownPerson: render('message', toUnknownPersonData('Contoso Consulting', ['Alice Admin', 'Bob Boss'], locale)),
        unknownTenant: render('message', toUnknownTenantData(locale)),
        notVoucher: render('message', toNotVoucherData(locale)),
        facts: render('message', toMessageData({ title: 'T', text: 'x', facts: [{ title: 'a', value: 'b' }] }, locale)),
      };
      for (const [kind, card] of Object.entries(cards)) assertValidCard(card, kind);
      assert.match(allText(cards.apology), /ref-7f3a/);
      assert.match(allText(cards.apology), locale === 'fr' ? /Rien n'a été modifié/ : /Nothing was changed/);
      assert.match(allText(cards.unknownPerson), /Alice Admin, Bob Boss/);
      assert.deepEqual(actionTitles(cards.refusal), []);
      const yes = actionNamed(cards.didYouMean, locale === 'fr' ? 'Oui, bons' : 'Yes, vouchers');
      assert.equal(yes.verb, 'help.suggest');
      assert.deepEqual(parseVerbData('help.suggest', yes.data).data, { text: locale === 'fr' ? 'bons' : 'vouchers' });
    });
  }

  it('neutralises hostile text in titles, texts, facts and button titles', () => {
    for (const h of HOSTILE) {
      const card = render(
        'message',
        toMessageData(
          {
            title: h,
            text: h,
            facts: [{ title: h, value: h }],
            buttons: [{ title: h, verb: 'voucher.details', data: { voucherId: 'a'.repeat(24) } }],
          },
          'en',
        ),
      );
      assertValidCard(card);
      assertNeutralised(card);
      const card2 = render('message', toDidYouMeanData(h, h, 'fr'));
      assertValidCard(card2);
      assertNeutralised(card2);
    }
  });
});
