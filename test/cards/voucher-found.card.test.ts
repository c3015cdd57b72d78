import assert from 'node:assert/strict';
import type { VoucherParseResult } from '../../domain/intake/types';
import { render } from '../../cards/render';
import { parseVerbData } from '../../cards/verbs';
import { toVoucherFoundData } from '../../cards/voucher-found.card';
import { actionNamed, actionTitles, allText, assertNeutralised, assertValidCard, HOSTILE, inputs } from './card-check';
import { PROGRAMS } from './fixtures';

const complete: VoucherParseResult = {
  voucherNumber: 'AB-123456',
  program: 'SDPS',
  days: 5,
  customerName: 'Fabrikam SA',
  agreementNumber: '1234567',
  voucherAdminEmail: 'admin@fabrikam.example',
  assignedOn: '2026-01-05',
  expiresOn: null,
  confidence: 0.95,
  missing: ['expiresOn'],
};
const partial: VoucherParseResult = {
  ...complete,
  program: null,
  days: null,
  customerName: null,
  confidence: 0.5,
  missing: ['program', 'days', 'customerName', 'expiresOn'],
};

describe('voucher-found card', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`shows the parsed fields and both buttons, in ${locale}`, () => {
      const card = render(
        'voucher-found',
        toVoucherFoundData({ parsed: complete, senderEmail: 'admin@fabrikam.example', messageId: '<m1@x>' }, PROGRAMS, locale),
      );
      assertValidCard(card);
      const text = allText(card);
      assert.match(text, /AB-123456/);
      assert.match(text, /Fabrikam SA/);
      assert.match(text, locale === 'fr' ? /5 jours/ : /5 days/);
      assert.match(text, locale === 'fr' ? /5 janv\. 2026/ : /Jan 5, 2026/);
      assert.match(text, locale === 'fr' ? /transféré par l'administrateur/ : /forwarded by the voucher administrator/);
      const [add, addReserve] = locale === 'fr' ? ['Ajouter le bon', 'Ajouter et réserver'] : ['Add voucher', 'Add and reserve'];
      assert.deepEqual(actionTitles(card), [add, addReserve]);
      // Only the missing expiry is asked; the parsed fields travel in the action's data.
      assert.deepEqual([...inputs(card).keys()], ['expiresOn']);
      const parsed = parseVerbData('voucher.add', { ...actionNamed(card, addReserve).data, expiresOn: '2026-07-04' });
      assert.ok(parsed.success);
      assert.equal(parsed.data.andReserve, true);
      assert.equal(parsed.data.voucherNumber, 'AB-123456');
      assert.equal(parsed.data.days, 5);
      assert.equal(parsed.data.messageId, '<m1@x>');
      assert.equal(parseVerbData('voucher.add', actionNamed(card, add).data).data?.andReserve, false);
    });

    it(`asks for missing and uncertain fields with choice sets, in ${locale}`, () => {
      const card = render(
        'voucher-found',
        toVoucherFoundData({ parsed: partial, senderEmail: 'someone@else.example', messageId: null }, PROGRAMS, locale),
      );
      assertValidCard(card);
      const asked = inputs(card);
      assert.deepEqual([...asked.keys()].sort(), ['assignedOn', 'customerName', 'days', 'expiresOn', 'program']);
      assert.deepEqual(
        (asked.get('days')?.choices as { value: string }[]).map((c) => c.value),
        ['1', '3', '5', '10', '15'],
      );
      assert.deepEqual(
        (asked.get('program')?.choices as { value: string }[]).map((c) => c.value),
        ['SDPS', 'AZDPS'],
      );
      assert.equal(asked.get('assignedOn')?.value, '2026-01-05', 'an uncertain field is prefilled for checking');
      assert.match(allText(card), /someone@else\.example/);
      assert.match(allText(card), locale === 'fr' ? /n'est pas l'administrateur/ : /not by the voucher administrator/);
      const data = actionNamed(card, locale === 'fr' ? 'Ajouter le bon' : 'Add voucher').data;
      assert.equal(data.program, undefined);
      const parsed = parseVerbData('voucher.add', {
        ...data,
        program: 'AZDPS',
        days: '10',
        customerName: 'Contoso',
        assignedOn: '2026-01-05',
        expiresOn: '',
      });
      assert.ok(parsed.success);
      assert.equal(parsed.data.days, 10);
    });
  }

  it('says so when the sender is unknown', () => {
    const card = render('voucher-found', toVoucherFoundData({ parsed: complete, senderEmail: null, messageId: null }, PROGRAMS, 'en'));
    assert.match(allText(card), /sender is not known/);
  });

  it('neutralises hostile email text in facts and input values', () => {
    for (const h of HOSTILE) {
      const parsed = { ...complete, customerName: h, agreementNumber: h, voucherAdminEmail: h, voucherNumber: h };
      for (const p of [parsed, { ...parsed, missing: ['customerName' as const, 'voucherNumber' as const] }]) {
        const card = render('voucher-found', toVoucherFoundData({ parsed: p, senderEmail: h, messageId: h }, PROGRAMS, 'en'));
        assertValidCard(card);
        assertNeutralised(card);
      }
    }
  });
});
