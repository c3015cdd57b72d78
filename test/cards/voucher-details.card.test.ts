import assert from 'node:assert/strict';
import type { VoucherEvent, VoucherState } from '../../domain/voucher/voucher.machine';
import { render } from '../../cards/render';
import { parseVerbData } from '../../cards/verbs';
import { toStaleNotice, toVoucherDetailsData, type DetailsContext } from '../../cards/voucher-details.card';
import { actionNamed, actionTitles, allText, assertNeutralised, assertValidCard, HOSTILE, markdownTexts } from './card-check';
import { LOCATIONS, NAMES, NOW, PROGRAMS, STATES, voucherIn } from './fixtures';

/** What a staff member may do in each state (the domain computes this; the card only shows it). */
const ALLOWED: Record<VoucherState, VoucherEvent[]> = {
  assigned: ['validate', 'reserve'],
  reserved: ['cancel', 'schedule'],
  scheduled: ['cancel', 'schedule', 'complete', 'addDeliverable'],
  completed: ['requestRedemption', 'addDeliverable'],
  redeemed: ['claim'],
  claimed: ['pay'],
  paid: [],
  expired: [],
};
const TITLES = {
  en: {
    reserve: 'Reserve',
    cancel: 'Cancel reservation',
    schedule: 'Schedule',
    complete: 'Complete',
    requestRedemption: 'Redeem',
    claim: 'Claim',
    pay: 'Mark paid',
  },
  fr: {
    reserve: 'Réserver',
    cancel: 'Annuler la réservation',
    schedule: 'Planifier',
    complete: 'Terminer',
    requestRedemption: 'Échanger',
    claim: 'Réclamer',
    pay: 'Marquer payé',
  },
} as const;

const context = (state: VoucherState, extra: Partial<DetailsContext> = {}): DetailsContext => ({
  allowed: ALLOWED[state],
  location: state === 'assigned' || state === 'expired' ? null : (LOCATIONS[0] ?? null),
  pendingApproval: null,
  names: NAMES,
  programs: PROGRAMS,
  ...extra,
});

describe('voucher-details card', () => {
  for (const locale of ['en', 'fr'] as const) {
    for (const state of STATES) {
      it(`shows the ${state} voucher with only its allowed buttons, in ${locale}`, () => {
        const v = voucherIn(state);
        const card = render('voucher-details', toVoucherDetailsData(v, context(state), { locale, now: NOW }));
        assertValidCard(card, state);
        const expected = ALLOWED[state].flatMap((e) => (e in TITLES[locale] ? [TITLES[locale][e as keyof (typeof TITLES)['en']]] : []));
        assert.deepEqual([...actionTitles(card)].sort(), [...expected].sort());
        for (const action of card.actions as { verb: string; data: unknown }[]) {
          assert.ok(parseVerbData(action.verb as 'voucher.reserve-form', action.data).success, action.verb);
        }
        const text = allText(card);
        assert.match(text, /AB-123456/);
        assert.match(text, /Fabrikam SA/);
        assert.match(text, locale === 'fr' ? /3 avr\. 2026/ : /Apr 3, 2026/);
        if (state === 'scheduled') assert.match(text, /Cleo Consultant/);
        if (state === 'completed') assert.match(text, /\[Planning report\]\(https:\/\/contoso\.sharepoint\.com\/report\.docx\)/);
        if (state === 'claimed') assert.match(text, /CLM-778/);
        assert.match(text, locale === 'fr' ? /validé par Sam Staff/ : /validated by Sam Staff/);
      });
    }

    it(`carries the shown state in button data and highlights 24 days left, in ${locale}`, () => {
      const v = voucherIn('reserved');
      const card = render('voucher-details', toVoucherDetailsData(v, context('reserved'), { locale, now: NOW }));
      const data = parseVerbData('voucher.schedule-form', actionNamed(card, TITLES[locale].schedule).data);
      assert.deepEqual(data.data, { voucherId: String(v._id), expectedState: 'reserved' });
      assert.match(
        JSON.stringify(card),
        locale === 'fr' ? /"text":"24 jours restants","color":"Attention"/ : /"text":"24 days left","color":"Attention"/,
      );
    });
  }

  it('offers Redeem as a review of this one voucher', () => {
    const v = voucherIn('completed');
    const card = render('voucher-details', toVoucherDetailsData(v, context('completed'), { locale: 'en', now: NOW }));
    assert.deepEqual(parseVerbData('redemption.review', actionNamed(card, 'Redeem').data).data, { voucherIds: [String(v._id)] });
  });

  it('shows a pending approval, the stale notice, and the last 5 changes newest first', () => {
    const v = voucherIn('completed');
    const audit = Array.from({ length: 7 }, (_, i) => ({
      at: new Date(Date.UTC(2026, 1, 1 + i, 9)),
      by: 'aad-staff',
      event: 'addDeliverable',
      reason: `r${i}`,
    }));
    const card = render(
      'voucher-details',
      toVoucherDetailsData(
        { ...v, audit },
        context('completed', {
          allowed: [],
          pendingApproval: { kind: 'redeem', requestedBy: 'aad-staff', requestedOn: NOW },
          notice: `${toStaleNotice('completed', 'en')}\n\nRedemption requested.`,
        }),
        { locale: 'en', now: NOW },
      ),
    );
    assertValidCard(card);
    const text = allText(card);
    assert.match(text, /Pending approval: redemption, requested by Sam Staff/);
    assert.match(text, /This card was out of date: the voucher is now Completed/);
    assert.match(text, /now Completed\.\n\nRedemption requested\./, 'each notice keeps its own paragraph');
    const history = markdownTexts(card).filter((t) => t.includes('deliverable added'));
    assert.deepEqual(
      history.map((h) => h.slice(-2)),
      ['r6', 'r5', 'r4', 'r3', 'r2'],
    );
    assert.deepEqual(actionTitles(card), []);
  });

  it('neutralises hostile voucher text, deliverable names and links', () => {
    for (const h of HOSTILE) {
      const v = { ...voucherIn('completed', { customerName: h, number: h, agreementNumber: h, voucherAdminEmail: h }) };
      v.deliverables = [{ kind: 'link', name: h, url: `https://x.example/${h.slice(0, 100)}`, addedOn: NOW }];
      v.completion = v.completion && { ...v.completion, summary: h, recommendations: h, attendees: [h, h] };
      const card = render(
        'voucher-details',
        toVoucherDetailsData(v, context('completed', { names: { 'aad-staff': h } }), { locale: 'fr', now: NOW }),
      );
      assertValidCard(card);
      assertNeutralised(card);
    }
  });
});
