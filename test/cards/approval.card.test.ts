import assert from 'node:assert/strict';
import { MAX_REFRESH_USERS, toApprovalOutcomeData, toApprovalRequestData, toApprovalsListData } from '../../cards/approval.card';
import { render } from '../../cards/render';
import { parseVerbData } from '../../cards/verbs';
import { actionNamed, actionTitles, allText, assertNeutralised, assertValidCard, HOSTILE, inputs } from './card-check';
import { approvalOf, NAMES, NOW, voucherIn } from './fixtures';

const TITLES = { en: { approve: 'Approve', reject: 'Reject' }, fr: { approve: 'Approuver', reject: 'Rejeter' } } as const;

describe('approval cards', () => {
  const vouchers = [voucherIn('completed', { number: 'AB-1' }), voucherIn('completed', { number: 'AB-2' })];

  for (const locale of ['en', 'fr'] as const) {
    const t = TITLES[locale];

    it(`an approver sees the facts, links, inputs and Approve / Reject, in ${locale}`, () => {
      const approval = approvalOf(vouchers);
      const card = render(
        'approval-request',
        toApprovalRequestData(approval, vouchers, { aadObjectId: 'aad-manager' }, NAMES, { locale, now: NOW }),
      );
      assertValidCard(card);
      assert.deepEqual(actionTitles(card), [t.approve, t.reject]);
      assert.deepEqual([...inputs(card).keys()], ['comment', 'reason']);
      const text = allText(card);
      assert.match(text, locale === 'fr' ? /Votre décision est attendue/ : /Your decision is needed/);
      assert.match(text, /AB-1, AB-2/);
      assert.match(text, /Sam Staff/);
      assert.match(text, locale === 'fr' ? /16 mars 2026, 08:00 UTC/ : /Mar 16, 2026, 8:00 AM UTC/);
      assert.match(text, /\[Planning report\]\(https:\/\/contoso\.sharepoint\.com\/report\.docx\)/);
      const refresh = card.refresh as { action: { verb: string; data: unknown }; userIds: string[] };
      assert.equal(refresh.action.verb, 'approval.refresh');
      assert.deepEqual(refresh.userIds, ['aad-manager']);
      assert.deepEqual(
        parseVerbData('approval.reject', { ...actionNamed(card, t.reject).data, comment: '', reason: 'Report missing' }).data,
        { approvalId: String(approval._id), reason: 'Report missing' },
      );
      assert.ok(
        !parseVerbData('approval.reject', { ...actionNamed(card, t.reject).data, reason: '  ' }).success,
        'a rejection needs a reason',
      );
      assert.ok(parseVerbData('approval.approve', { ...actionNamed(card, t.approve).data, comment: '', reason: '' }).success);
    });

    it(`anyone else sees the status without buttons, in ${locale}`, () => {
      for (const viewer of [{ aadObjectId: 'aad-staff' }, null]) {
        const card = render('approval-request', toApprovalRequestData(approvalOf(vouchers), vouchers, viewer, NAMES, { locale, now: NOW }));
        assertValidCard(card);
        assert.deepEqual(actionTitles(card), []);
        assert.deepEqual([...inputs(card).keys()], []);
        assert.match(allText(card), locale === 'fr' ? /En attente de la décision/ : /Waiting for a manager's decision/);
      }
    });

    it(`the decided card says who, when and why, and the expired one says so, in ${locale}`, () => {
      const rejected = render(
        'approval-request',
        toApprovalRequestData(approvalOf(vouchers, 'rejected'), vouchers, { aadObjectId: 'aad-manager' }, NAMES, { locale, now: NOW }),
      );
      assertValidCard(rejected);
      assert.deepEqual(actionTitles(rejected), []);
      assert.match(
        allText(rejected),
        locale === 'fr' ? /Rejeté par Mia Manager le 10 mars 2026/ : /Rejected by Mia Manager on Mar 10, 2026/,
      );
      assert.match(allText(rejected), /Report missing/);
      const approved = render(
        'approval-request',
        toApprovalRequestData(approvalOf(vouchers, 'approved'), vouchers, null, NAMES, { locale, now: NOW }),
      );
      assertValidCard(approved);
      assert.match(allText(approved), locale === 'fr' ? /Approuvé par Mia Manager/ : /Approved by Mia Manager/);
      const expired = render(
        'approval-request',
        toApprovalRequestData(approvalOf(vouchers, 'expired'), vouchers, { aadObjectId: 'aad-manager' }, NAMES, { locale, now: NOW }),
      );
      assertValidCard(expired);
      assert.deepEqual(actionTitles(expired), []);
      assert.match(allText(expired), locale === 'fr' ? /a expiré le/ : /expired on/);
    });

    it(`lists waiting approvals with Details, in ${locale}`, () => {
      const approvals = [approvalOf(vouchers), approvalOf(vouchers.slice(0, 1))];
      const card = render('approvals-list', toApprovalsListData(approvals, NAMES, { locale, now: NOW }));
      assertValidCard(card);
      const details = actionNamed(card, locale === 'fr' ? 'Détails' : 'Details');
      assert.equal(details.verb, 'approval.refresh');
      assert.deepEqual(parseVerbData('approval.refresh', details.data).data, { approvalId: String(approvals[0]?._id) });
      assert.match(
        allText(card),
        locale === 'fr' ? /échange de AB-1, AB-2, demandé par Sam Staff/ : /redemption of AB-1, AB-2, asked by Sam Staff/,
      );
      const empty = render('approvals-list', toApprovalsListData([], NAMES, { locale, now: NOW }));
      assertValidCard(empty);
      assert.match(allText(empty), locale === 'fr' ? /Aucune approbation/ : /No approval is waiting/);
    });
  }

  it('names at most 60 approvers for refresh and offers the others a button', () => {
    const approvers = Array.from({ length: 75 }, (_, i) => `aad-m${i}`);
    const approval = { ...approvalOf(vouchers), approvers };
    const channel = render('approval-request', toApprovalRequestData(approval, vouchers, null, NAMES, { locale: 'en', now: NOW }));
    assertValidCard(channel);
    assert.equal((channel.refresh as { userIds: string[] }).userIds.length, MAX_REFRESH_USERS);
    assert.equal(actionNamed(channel, 'Open the decision').verb, 'approval.refresh');
    const seventieth = render(
      'approval-request',
      toApprovalRequestData(approval, vouchers, { aadObjectId: 'aad-m70' }, NAMES, { locale: 'en', now: NOW }),
    );
    assert.deepEqual(actionTitles(seventieth), ['Approve', 'Reject']);
  });

  it('neutralises hostile comments, names and voucher text', () => {
    for (const h of HOSTILE) {
      const v = voucherIn('completed', { number: h, customerName: h });
      const approval = { ...approvalOf([v], 'rejected'), voucherNumbers: [h] };
      approval.decisions = approval.decisions.map((d) => ({ ...d, comment: h }));
      const card = render(
        'approval-request',
        toApprovalRequestData(approval, [v], null, { 'aad-manager': h, 'aad-staff': h }, { locale: 'en', now: NOW }),
      );
      assertValidCard(card);
      assertNeutralised(card);
      const list = render('approvals-list', toApprovalsListData([approval], { 'aad-staff': h }, { locale: 'fr', now: NOW }));
      assertValidCard(list);
      assertNeutralised(list);
    }
  });

  it('tells the requester the outcome in their language, and nothing while pending', () => {
    for (const locale of ['en', 'fr'] as const) {
      assert.equal(toApprovalOutcomeData(approvalOf(vouchers), NAMES, { locale, now: NOW }), null);
      const rejected = toApprovalOutcomeData(approvalOf(vouchers, 'rejected'), NAMES, { locale, now: NOW });
      assert.ok(rejected);
      const card = render('message', rejected);
      assertValidCard(card);
      assert.match(
        allText(card),
        locale === 'fr'
          ? /Votre demande \(échange\) pour AB-1, AB-2 a été rejetée par Mia Manager/
          : /Your redemption request for AB-1, AB-2 was rejected by Mia Manager/,
      );
      assert.match(allText(card), /Report missing/);
      const approved = toApprovalOutcomeData(approvalOf(vouchers, 'approved'), NAMES, { locale, now: NOW });
      assert.ok(approved);
      assert.match(allText(render('message', approved)), locale === 'fr' ? /approuvée par Mia Manager/ : /approved by Mia Manager/);
      const expired = toApprovalOutcomeData(approvalOf(vouchers, 'expired'), NAMES, { locale, now: NOW });
      assert.ok(expired);
      assert.match(allText(render('message', expired)), locale === 'fr' ? /a expiré le 16 mars 2026/ : /expired on Mar 16, 2026/);
    }
  });

  it('neutralises a hostile rejection comment in the outcome', () => {
    for (const h of HOSTILE) {
      const approval = approvalOf(vouchers, 'rejected');
      approval.decisions = approval.decisions.map((d) => ({ ...d, comment: h }));
      const data = toApprovalOutcomeData(approval, { 'aad-manager': h }, { locale: 'en', now: NOW });
      assert.ok(data);
      const card = render('message', data);
      assertValidCard(card);
      assertNeutralised(card);
    }
  });
});
