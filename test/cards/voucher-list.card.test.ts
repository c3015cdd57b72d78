import assert from 'node:assert/strict';
import { render } from '../../cards/render';
import { parseVerbData } from '../../cards/verbs';
import { toVoucherListData } from '../../cards/voucher-list.card';
import { actionNamed, actionTitles, allText, assertNeutralised, assertValidCard, HOSTILE, visibleActions } from './card-check';
import { NOW, STATES, voucherIn } from './fixtures';

const twelve = Array.from({ length: 12 }, (_, i) => ({ ...voucherIn(STATES[i % STATES.length] ?? 'assigned'), number: `AB-${100 + i}` }));

describe('voucher-list card', () => {
  for (const locale of ['en', 'fr'] as const) {
    const t =
      locale === 'fr'
        ? { details: 'Détails', next: 'Suivant', previous: 'Précédent' }
        : { details: 'Details', next: 'Next', previous: 'Previous' };

    it(`shows 10 rows with a Details button each and Next on the first page, in ${locale}`, () => {
      const card = render('voucher-list', toVoucherListData(twelve, { index: 0, state: null, hasNext: true }, { locale, now: NOW }));
      assertValidCard(card);
      const details = visibleActions(card).filter((a) => a.title === t.details);
      assert.equal(details.length, 10);
      assert.deepEqual(parseVerbData('voucher.details', details[0]?.data).data, { voucherId: String(twelve[0]?._id) });
      assert.ok(actionTitles(card).includes(t.next));
      assert.ok(!actionTitles(card).includes(t.previous));
      assert.deepEqual(parseVerbData('vouchers.page', actionNamed(card, t.next).data).data, { page: 1 });
      const text = allText(card);
      assert.match(text, /AB-100/);
      assert.match(text, /AB-109/);
      assert.doesNotMatch(text, /AB-110/);
      assert.match(text, locale === 'fr' ? /Bons : Tous/ : /Vouchers: All/);
      assert.match(text, locale === 'fr' ? /24 jours restants/ : /24 days left/);
    });

    it(`pages back with the state filter and says when the list is empty, in ${locale}`, () => {
      const card = render(
        'voucher-list',
        toVoucherListData(twelve.slice(10), { index: 1, state: 'reserved', hasNext: false }, { locale, now: NOW }),
      );
      assertValidCard(card);
      assert.deepEqual(parseVerbData('vouchers.page', actionNamed(card, t.previous).data).data, { state: 'reserved', page: 0 });
      assert.ok(!actionTitles(card).includes(t.next));
      assert.match(allText(card), locale === 'fr' ? /bons 11 à 12/ : /vouchers 11 to 12/);
      const empty = render('voucher-list', toVoucherListData([], { index: 0, state: 'paid', hasNext: false }, { locale, now: NOW }));
      assertValidCard(empty);
      assert.match(allText(empty), locale === 'fr' ? /Aucun bon/ : /No voucher/);
      assert.deepEqual(actionTitles(empty), []);
    });
  }

  it('highlights days left at 30 days and less, not at 31', () => {
    const at31 = { ...voucherIn('reserved'), expiresOn: new Date('2026-04-10T00:00:00Z') };
    const at30 = { ...voucherIn('reserved'), expiresOn: new Date('2026-04-09T00:00:00Z') };
    const data = toVoucherListData([at31, at30], { index: 0, state: null, hasNext: false }, { locale: 'en', now: NOW });
    assert.deepEqual(
      data.rows.map((r) => [r.daysLeft, r.soon]),
      [
        ['31 days left', false],
        ['30 days left', true],
      ],
    );
    const card = render('voucher-list', data);
    assert.match(JSON.stringify(card), /"text":"30 days left","color":"Attention"/);
  });

  it('stays under 25 KB with hostile customer names on a full page', () => {
    for (const h of HOSTILE) {
      const rows = twelve.map((v) => ({ ...v, customerName: h, number: h.slice(0, 64) }));
      const card = render('voucher-list', toVoucherListData(rows, { index: 3, state: null, hasNext: true }, { locale: 'fr', now: NOW }));
      assertValidCard(card);
      assertNeutralised(card);
    }
  });
});
