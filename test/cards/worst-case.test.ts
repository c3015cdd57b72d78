import assert from 'node:assert/strict';
import { toApprovalRequestData } from '../../cards/approval.card';
import { toRedeemReviewData } from '../../cards/redeem.card';
import { render } from '../../cards/render';
import { toVoucherDetailsData } from '../../cards/voucher-details.card';
import { toVoucherListData } from '../../cards/voucher-list.card';
import { allText, assertValidCard, MAX_CARD_BYTES } from './card-check';
import { approvalOf, LOCATIONS, NOW, PROGRAMS, voucherIn } from './fixtures';

/** Every text at the longest the domain stores, every list at its longest: still under 25 KB. */
const long = (n: number) => '*'.repeat(n);
const longUrl = `https://contoso.sharepoint.com/${'a/'.repeat(995)}`;

function heaviestVoucher() {
  const v = voucherIn('completed', { number: long(64), customerName: long(300), agreementNumber: long(64), voucherAdminEmail: long(300) });
  v.deliverables = Array.from({ length: 40 }, () => ({ kind: 'link' as const, name: long(255), url: longUrl, addedOn: NOW }));
  v.audit = Array.from({ length: 200 }, () => ({ at: NOW, by: long(64), event: 'addDeliverable', reason: long(500) }));
  v.completion = v.completion && {
    ...v.completion,
    summary: long(5000),
    recommendations: long(5000),
    attendees: Array.from({ length: 50 }, () => long(200)),
  };
  return v;
}

describe('cards at their largest', () => {
  it('a details card of a voucher with every list full', () => {
    const card = render(
      'voucher-details',
      toVoucherDetailsData(
        heaviestVoucher(),
        {
          allowed: ['requestRedemption'],
          location: LOCATIONS[0] ?? null,
          pendingApproval: { kind: 'redeem', requestedBy: long(64), requestedOn: NOW },
          names: {},
          programs: PROGRAMS,
          notice: long(1000),
        },
        { locale: 'fr', now: NOW },
      ),
    );
    assertValidCard(card);
    assert.match(allText(card), /Et 32 de plus/);
  });

  it('an approval card for 50 vouchers with long deliverable links', () => {
    const vouchers = Array.from({ length: 50 }, heaviestVoucher);
    const approval = {
      ...approvalOf(vouchers),
      voucherNumbers: vouchers.map(() => long(64)),
      approvers: Array.from({ length: 200 }, (_, i) => `aad-${i}`),
    };
    const card = render(
      'approval-request',
      toApprovalRequestData(approval, vouchers, { aadObjectId: 'aad-1' }, {}, { locale: 'fr', now: NOW }),
    );
    assertValidCard(card);
    assert.match(allText(card), /Et 44 autres bons/);
    // A link longer than Teams can afford is shown as its name.
    assert.doesNotMatch(allText(card), /\]\(https:/);
  });

  it('a review of 50 vouchers and a full list page', () => {
    const vouchers = Array.from({ length: 50 }, heaviestVoucher);
    assertValidCard(render('redeem-review', toRedeemReviewData(vouchers, { locale: 'fr', now: NOW })));
    assertValidCard(
      render('voucher-list', toVoucherListData(vouchers, { index: 999, state: 'completed', hasNext: true }, { locale: 'fr', now: NOW })),
    );
    assert.ok(MAX_CARD_BYTES === 25 * 1024);
  });
});
