import assert from 'node:assert/strict';
import { labelsFor } from '../../../cards/locale';
import type { Actor, Voucher } from '../../../domain/domain';
import { useBotWorld } from '../../helpers/bot-world';
import { voucherIn } from '../../helpers/bot-vouchers';
import { useTestDatabase } from '../../helpers/db';
import type { World } from '../../domain/world';

type Locale = 'en' | 'fr';
interface Case {
  id: string;
  who: (w: World) => Actor;
  state: Parameters<typeof voucherIn>[1];
  say: (v: Voucher, locale: Locale) => string;
  /** What the user must read, in their language. */
  reads: (v: Voucher, locale: Locale) => RegExp[];
  /** The state the voucher is in afterwards (a command that changes nothing keeps it). */
  after?: Voucher['state'];
}

const L = labelsFor;
const esc = (s: string) => new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
const kw = (en: string, fr: string) => (locale: Locale) => (locale === 'fr' ? fr : en);

const CASES: Case[] = [
  {
    id: 'help',
    who: (w) => w.staffFr,
    state: 'assigned',
    say: (_v, l) => kw('help', 'aide')(l),
    reads: (_v, l) => [l === 'fr' ? /réserver/ : /reserve/, l === 'fr' ? /planifier/ : /schedule/],
  },
  {
    id: 'vouchers',
    who: (w) => w.staffFr,
    state: 'assigned',
    say: (_v, l) => kw('vouchers assigned', 'bons attribué')(l),
    reads: (v, l) => [esc(v.number), esc(L(l).state.assigned)],
  },
  {
    id: 'voucher',
    who: (w) => w.manager,
    state: 'reserved',
    say: (v, l) => `${kw('voucher', 'bon')(l)} ${v.number}`,
    reads: (v, l) => [esc(v.number), esc(L(l).state.reserved)],
  },
  {
    id: 'reserve',
    who: (w) => w.staffFr,
    state: 'assigned',
    say: (v, l) => `${kw('reserve', 'réserver')(l)} ${v.number} FR-PAR`,
    reads: (v) => [esc(v.number)],
    after: 'assigned',
  },
  {
    id: 'cancel',
    who: (w) => w.staffFr,
    state: 'reserved',
    say: (v, l) => `${kw('cancel', 'annuler')(l)} ${v.number} offer-changed`,
    reads: (v, l) => [esc(v.number), esc(L(l).state.assigned)],
    after: 'assigned',
  },
  {
    id: 'schedule',
    who: (w) => w.staffFr,
    state: 'reserved',
    say: (v, l) => `${kw('schedule', 'planifier')(l)} ${v.number} ${l === 'fr' ? '10/03/2025 14/03/2025' : '3/10/2025 3/14/2025'}`,
    reads: (v, l) => [esc(L(l).state.scheduled)],
    after: 'scheduled',
  },
  {
    id: 'complete',
    who: (w) => w.staffFr,
    state: 'scheduled',
    say: (v, l) => `${kw('complete', 'terminer')(l)} ${v.number}`,
    reads: (v) => [esc(v.number)],
    after: 'scheduled',
  },
  {
    id: 'redeem',
    who: (w) => w.staffFr,
    state: 'completed',
    say: (v, l) => `${kw('redeem', 'échanger')(l)} ${v.number}`,
    reads: (v) => [esc(v.number)],
    after: 'completed',
  },
  {
    id: 'approvals',
    who: (w) => w.manager,
    state: 'pendingRedeem',
    say: (_v, l) => kw('approvals', 'approbations')(l),
    reads: (v) => [esc(v.number)],
  },
  {
    id: 'approve',
    who: (w) => w.manager,
    state: 'pendingRedeem',
    say: (v, l) => `${kw('approve', 'approuver')(l)} ${v.number} ok`,
    reads: (v) => [esc(v.number)],
    after: 'redeemed',
  },
  {
    id: 'reject',
    who: (w) => w.manager,
    state: 'pendingRedeem',
    say: (v, l) => `${kw('reject', 'rejeter')(l)} ${v.number} report incomplete`,
    reads: (v) => [esc(v.number)],
    after: 'completed',
  },
  {
    id: 'claim',
    who: (w) => w.staffFr,
    state: 'redeemed',
    say: (v, l) => `${kw('claim', 'réclamer')(l)} ${v.number} CLM-9`,
    reads: (v, l) => [esc(L(l).state.claimed)],
    after: 'claimed',
  },
  {
    id: 'paid',
    who: (w) => w.staffFr,
    state: 'claimed',
    say: (v, l) => `${kw('paid', 'payé')(l)} ${v.number} ${l === 'fr' ? '21/03/2025' : '3/21/2025'}`,
    reads: (v, l) => [esc(L(l).state.paid)],
    after: 'paid',
  },
];

describe('bot commands, each in English and in French, through /api/messages', () => {
  const db = useTestDatabase('bot-commands');
  const world = useBotWorld(db, 'cmd');

  for (const c of CASES) {
    for (const locale of ['en', 'fr'] as const) {
      it(`${c.id} (${locale})`, async () => {
        const { w, drive, as } = world();
        const v = await voucherIn(w, c.state);
        if (c.id === 'paid') w.clock.set('2025-03-25T10:00:00.000Z');
        const r = await drive.say(as(c.who(w), locale), c.say(v, locale));
        assert.equal(r.status, 200);
        assert.ok(r.activities.length > 0, 'an answer');
        for (const expected of c.reads(v, locale)) assert.match(r.readable, expected);
        if (c.after) assert.equal((await w.domain.vouchers.get(w.admin, String(v._id))).state, c.after);
      });
    }
  }
});
