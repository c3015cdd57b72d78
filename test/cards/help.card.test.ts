import assert from 'node:assert/strict';
import { toHelpData, toWelcomeData, type HelpCommand } from '../../cards/help.card';
import { render } from '../../cards/render';
import { parseVerbData } from '../../cards/verbs';
import { actionNamed, actionTitles, allText, assertNeutralised, assertValidCard, HOSTILE } from './card-check';
import { NOW } from './fixtures';

const STAFF: HelpCommand[] = ['vouchers', 'voucher', 'reserve', 'cancel', 'schedule', 'complete', 'redeem', 'claim', 'paid', 'help'];
const MANAGER: HelpCommand[] = ['vouchers', 'voucher', 'approvals', 'approve', 'reject', 'help'];

describe('help and welcome cards', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`help for staff lists their commands with examples and quick buttons, in ${locale}`, () => {
      const card = render('help', toHelpData(['staff'], STAFF, { locale, now: NOW }));
      assertValidCard(card);
      const text = allText(card);
      assert.match(text, locale === 'fr' ? /Vos rôles : équipe/ : /Your roles: staff/);
      assert.match(text, locale === 'fr' ? /réserver <numéro> \[site\]/ : /reserve <number> \[location\]/);
      assert.match(
        text,
        locale === 'fr' ? /Exemple : planifier AB-123456 02\/03\/2026 06\/03\/2026/ : /Example: schedule AB-123456 2026-03-02 2026-03-06/,
      );
      assert.match(text, locale === 'fr' ? /Collez ici un e-mail/ : /Paste a forwarded voucher email/);
      assert.doesNotMatch(text, locale === 'fr' ? /approuver </ : /approve </);
      assert.deepEqual(actionTitles(card), locale === 'fr' ? ['Mes bons', 'Échanger'] : ['My vouchers', 'Redeem']);
      assert.deepEqual(parseVerbData('help.suggest', actionNamed(card, locale === 'fr' ? 'Mes bons' : 'My vouchers').data).data, {
        text: locale === 'fr' ? 'bons' : 'vouchers',
      });
      assert.equal(actionNamed(card, locale === 'fr' ? 'Échanger' : 'Redeem').verb, 'redemption.pick');
    });

    it(`help for a manager shows approvals and no paste hint, in ${locale}`, () => {
      const card = render('help', toHelpData(['manager'], MANAGER, { locale, now: NOW }));
      assertValidCard(card);
      const text = allText(card);
      assert.match(text, locale === 'fr' ? /rejeter <numéro> <motif>/ : /reject <number> <reason>/);
      assert.doesNotMatch(text, locale === 'fr' ? /Collez ici/ : /Paste a forwarded/);
      assert.deepEqual(actionTitles(card), locale === 'fr' ? ['Mes bons', 'Approbations'] : ['My vouchers', 'Approvals']);
    });

    it(`welcome names the partner and offers help, in ${locale}`, () => {
      const card = render('welcome', toWelcomeData('Contoso Consulting', { locale, now: NOW }));
      assertValidCard(card);
      assert.match(allText(card), /Contoso Consulting/);
      assert.deepEqual(parseVerbData('help.suggest', actionNamed(card, locale === 'fr' ? 'Aide' : 'Help').data).data, {
        text: locale === 'fr' ? 'aide' : 'help',
      });
      assertValidCard(render('welcome', toWelcomeData(null, { locale, now: NOW })));
    });
  }

  it('neutralises a hostile partner name', () => {
    for (const h of HOSTILE) {
      const card = render('welcome', toWelcomeData(h, { locale: 'en', now: NOW }));
      assertValidCard(card);
      assertNeutralised(card);
    }
  });
});
