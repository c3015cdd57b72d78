import assert from 'node:assert/strict';
import { labelsFor } from '../../../cards/locale';
import { ADMIN_VERBS } from '../../../cards/admin-verbs';
import { VERB_NAMES } from '../../../cards/verbs';
import type { Voucher } from '../../../domain/domain';
import { useBotWorld } from '../../helpers/bot-world';
import { voucherIn } from '../../helpers/bot-vouchers';
import { useTestDatabase } from '../../helpers/db';
import type { World } from '../../domain/world';

type Locale = 'en' | 'fr';
const L = labelsFor;
const esc = (s: string) => new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
let serial = 0;

interface Case {
  state: Parameters<typeof voucherIn>[1];
  who?: 'manager';
  data: (v: Voucher, w: World) => Record<string, unknown>;
  reads: (v: Voucher, l: Locale) => RegExp[];
  after?: Voucher['state'];
  at?: string;
}
const ref = (v: Voucher) => ({ voucherId: String(v._id), expectedState: v.state });

/** One click per verb, as Teams posts it (Action.Execute data with the card's inputs merged). */
const CASES: Record<string, Case> = {
  'voucher.add': {
    state: 'assigned',
    data: () => ({
      andReserve: 'false',
      voucherNumber: `ADD-${++serial}-X`,
      program: 'SDPS',
      days: '3',
      customerName: 'Northwind',
      voucherAdminEmail: 'a@northwind.test',
      assignedOn: '2025-03-01',
    }),
    reads: (_v, l) => [esc(L(l).state.assigned), /Northwind/],
  },
  'voucher.details': {
    state: 'reserved',
    data: (v) => ({ voucherId: String(v._id) }),
    reads: (v, l) => [esc(v.number), esc(L(l).state.reserved)],
  },
  'vouchers.page': { state: 'assigned', data: () => ({ state: 'assigned', page: '0' }), reads: (v) => [esc(v.number)] },
  'voucher.reserve-form': { state: 'assigned', data: ref, reads: (v, l) => [esc(v.number), esc(L(l).reserve.acceptLabel)] },
  'voucher.reserve': {
    state: 'assigned',
    data: (v) => ({ ...ref(v), locationId: 'FR-PAR', termsAccepted: 'true' }),
    reads: (_v, l) => [esc(L(l).state.reserved)],
    after: 'reserved',
  },
  'voucher.cancel-form': { state: 'reserved', data: ref, reads: (_v, l) => [esc(L(l).cancel.reason['offer-changed'])] },
  'voucher.cancel': {
    state: 'reserved',
    data: (v) => ({ ...ref(v), reason: 'other', reasonText: 'budget frozen' }),
    reads: (_v, l) => [esc(L(l).state.assigned)],
    after: 'assigned',
  },
  'voucher.schedule-form': { state: 'reserved', data: ref, reads: (_v, l) => [esc(L(l).schedule.startLabel)] },
  'voucher.schedule': {
    state: 'reserved',
    data: (v, w) => ({ ...ref(v), start: '2025-03-10', end: '2025-03-12', consultant: w.staffFr.aadObjectId }),
    reads: (_v, l) => [esc(L(l).state.scheduled)],
    after: 'scheduled',
  },
  // The completion form opens once the engagement has started (the domain's complete rule).
  'voucher.complete-form': {
    state: 'scheduled',
    at: '2025-03-15T10:00:00.000Z',
    data: ref,
    reads: (_v, l) => [esc(L(l).complete.summaryLabel)],
  },
  'voucher.complete': {
    state: 'scheduled',
    at: '2025-03-15T10:00:00.000Z',
    data: (v) => ({
      ...ref(v),
      deliveredOn: '2025-03-14',
      summary: 'Done',
      attendees: 'CIO, CTO',
      recommendations: 'Go',
      deliverableUrl: 'https://contoso.sharepoint.com/x.docx',
    }),
    reads: (_v, l) => [esc(L(l).state.completed)],
    after: 'completed',
  },
  'redemption.pick': { state: 'completed', data: () => ({}), reads: (v) => [esc(v.number)] },
  'redemption.review': { state: 'completed', data: (v) => ({ voucherIds: String(v._id) }), reads: (v) => [esc(v.number)] },
  'redemption.confirm': {
    state: 'completed',
    data: (v) => ({ voucherIds: String(v._id) }),
    reads: (v) => [esc(v.number)],
    after: 'completed',
  },
  'voucher.claim-form': { state: 'redeemed', data: ref, reads: (v) => [esc(v.number)] },
  'voucher.claim': {
    state: 'redeemed',
    data: (v) => ({ ...ref(v), claimNumber: 'CLM-5' }),
    reads: (_v, l) => [esc(L(l).state.claimed)],
    after: 'claimed',
  },
  'voucher.pay-form': { state: 'claimed', data: ref, reads: (v) => [esc(v.number)] },
  'voucher.pay': {
    state: 'claimed',
    at: '2025-03-25T10:00:00.000Z',
    data: (v) => ({ ...ref(v), paidOn: '2025-03-24' }),
    reads: (_v, l) => [esc(L(l).state.paid)],
    after: 'paid',
  },
  'approval.approve': {
    state: 'pendingRedeem',
    who: 'manager',
    data: (v) => ({ approvalId: String(v.pendingApprovalId) }),
    reads: (v) => [esc(v.number)],
    after: 'redeemed',
  },
  'approval.reject': {
    state: 'pendingRedeem',
    who: 'manager',
    data: (v) => ({ approvalId: String(v.pendingApprovalId), reason: 'missing report' }),
    reads: (v) => [esc(v.number)],
    after: 'completed',
  },
  'approval.refresh': {
    state: 'pendingRedeem',
    who: 'manager',
    data: (v) => ({ approvalId: String(v.pendingApprovalId) }),
    reads: (v) => [esc(v.number)],
    after: 'completed',
  },
  'help.suggest': {
    state: 'assigned',
    data: (v) => ({ text: `voucher ${v.number}` }),
    reads: (v, l) => [esc(v.number), esc(L(l).state.assigned)],
  },
};

describe('bot card verbs, each in English and in French, as Universal Actions through /api/messages', () => {
  const db = useTestDatabase('bot-verbs');
  const world = useBotWorld(db, 'verb');

  it('covers every voucher-lifecycle verb of cards/verbs.ts (partner administration verbs are issue 9)', () => {
    assert.deepEqual(Object.keys(CASES).sort(), VERB_NAMES.filter((v) => !Object.hasOwn(ADMIN_VERBS, v)).sort());
  });

  for (const [verb, c] of Object.entries(CASES)) {
    for (const locale of ['en', 'fr'] as const) {
      it(`${verb} (${locale}) answers HTTP 200 with a card or message`, async () => {
        const { w, drive, as } = world();
        const v = await voucherIn(w, c.state);
        if (c.at) w.clock.set(c.at);
        const r = await drive.click(as(c.who === 'manager' ? w.manager : w.staffFr, locale), verb, c.data(v, w));
        assert.equal(r.status, 200);
        assert.equal(r.invoke?.statusCode, 200);
        assert.equal(r.invoke?.type, 'application/vnd.microsoft.card.adaptive', r.readable);
        for (const expected of c.reads(v, locale)) assert.match(r.readable, expected);
        if (c.after) assert.equal((await w.domain.vouchers.get(w.admin, String(v._id))).state, c.after);
      });
    }
  }
});
