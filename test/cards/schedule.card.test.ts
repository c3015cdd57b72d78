import assert from 'node:assert/strict';
import { render } from '../../cards/render';
import { toScheduleData } from '../../cards/schedule.card';
import { parseVerbData } from '../../cards/verbs';
import { actionNamed, actionTitles, allText, assertNeutralised, assertValidCard, HOSTILE, inputs } from './card-check';
import { NOW, PEOPLE, voucherIn } from './fixtures';

describe('schedule card', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`asks dates within validity and a qualified consultant, in ${locale}`, () => {
      const v = voucherIn('reserved');
      const card = render('schedule', toScheduleData(v, PEOPLE, { locale, now: NOW }));
      assertValidCard(card);
      const asked = inputs(card);
      assert.equal(asked.get('end')?.max, '2026-04-03');
      assert.equal(asked.get('start')?.min, '2026-03-10');
      assert.deepEqual(
        (asked.get('consultant')?.choices as { title: string; value: string }[]).map((c) => c.title),
        ['Cleo Consultant', 'Sam Staff'],
      );
      assert.match(allText(card), locale === 'fr' ? /au plus tard le 3 avr\. 2026/ : /on or before Apr 3, 2026/);
      const data = parseVerbData('voucher.schedule', {
        ...actionNamed(card, locale === 'fr' ? 'Planifier' : 'Schedule').data,
        start: '2026-03-16',
        end: '2026-03-20',
        consultant: 'aad-consultant',
      });
      assert.deepEqual(data.data, {
        voucherId: String(v._id),
        expectedState: 'reserved',
        start: '2026-03-16',
        end: '2026-03-20',
        consultant: 'aad-consultant',
      });
    });

    it(`prefills a rescheduled engagement and explains when nobody is qualified, in ${locale}`, () => {
      const v = voucherIn('scheduled');
      const card = render('schedule', toScheduleData(v, PEOPLE, { locale, now: NOW }));
      assert.equal(inputs(card).get('start')?.value, '2026-02-02');
      assert.equal(inputs(card).get('consultant')?.value, 'aad-consultant');
      const none = render('schedule', toScheduleData(v, [], { locale, now: NOW }));
      assertValidCard(none);
      assert.deepEqual(actionTitles(none), []);
      assert.match(allText(none), locale === 'fr' ? /Personne n'est encore qualifié/ : /Nobody is qualified/);
    });
  }

  it('neutralises hostile consultant names', () => {
    for (const h of HOSTILE) {
      const card = render(
        'schedule',
        toScheduleData(voucherIn('reserved', { number: h }), [{ aadObjectId: h, name: h }], { locale: 'en', now: NOW }, h),
      );
      assertValidCard(card);
      assertNeutralised(card);
    }
  });
});
