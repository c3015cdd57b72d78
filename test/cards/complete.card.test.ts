import assert from 'node:assert/strict';
import { toCompleteData } from '../../cards/complete.card';
import { render } from '../../cards/render';
import { parseVerbData } from '../../cards/verbs';
import { actionNamed, allText, assertNeutralised, assertValidCard, HOSTILE, inputs } from './card-check';
import { NOW, voucherIn } from './fixtures';

describe('complete card', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`asks the completion report and an https deliverable link, in ${locale}`, () => {
      const v = voucherIn('scheduled');
      const card = render('complete', toCompleteData(v, { locale, now: NOW }));
      assertValidCard(card);
      const asked = inputs(card);
      assert.deepEqual([...asked.keys()], ['deliveredOn', 'summary', 'attendees', 'recommendations', 'deliverableUrl']);
      assert.equal(asked.get('deliveredOn')?.value, '2026-02-06');
      assert.equal(asked.get('deliveredOn')?.min, '2026-02-02');
      assert.equal(asked.get('deliveredOn')?.max, '2026-03-10');
      assert.match(allText(card), locale === 'fr' ? /lien https \(SharePoint ou OneDrive\)/ : /https link \(SharePoint or OneDrive\)/);
      const button = actionNamed(card, locale === 'fr' ? 'Terminer' : 'Complete');
      const form = {
        deliveredOn: '2026-02-06',
        summary: 'Plan agreed',
        attendees: 'Jane Doe\nJon Roe; Ann Poe',
        recommendations: 'Move',
        deliverableUrl: 'https://contoso.sharepoint.com/r.docx',
      };
      const data = parseVerbData('voucher.complete', { ...button.data, ...form });
      assert.deepEqual(data.data?.attendees, ['Jane Doe', 'Jon Roe', 'Ann Poe']);
      assert.ok(!parseVerbData('voucher.complete', { ...button.data, ...form, deliverableUrl: 'http://insecure.example/r' }).success);
    });
  }

  it('neutralises a hostile voucher number', () => {
    for (const h of HOSTILE) {
      const card = render('complete', toCompleteData(voucherIn('scheduled', { number: h }), { locale: 'en', now: NOW }, h));
      assertValidCard(card);
      assertNeutralised(card);
    }
  });
});
