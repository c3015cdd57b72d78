import assert from 'node:assert/strict';
import type { Voucher } from '../../../domain/domain';
import { useBotWorld, type BotWorld } from '../../helpers/bot-world';
import { voucherIn } from '../../helpers/bot-vouchers';
import { useTestDatabase } from '../../helpers/db';
import type { TurnResult } from '../../helpers/turn-driver';

type Locale = 'en' | 'fr';
const ref = (v: Voucher) => ({ voucherId: String(v._id), expectedState: v.state });

interface Family {
  state: Parameters<typeof voucherIn>[1];
  run: (bw: BotWorld, v: Voucher, locale: Locale) => Promise<TurnResult>;
  reads: Record<Locale, RegExp>;
}

/** One refusal of each family of rules; each must read as what to do next, in the user's language. */
const FAMILIES: Record<string, Family> = {
  'input (a field missing on a form)': {
    state: 'reserved',
    run: ({ drive, as, w }, v, l) =>
      drive.click(as(w.staffFr, l), 'voucher.schedule', { ...ref(v), start: '2025-03-10', consultant: w.staffFr.aadObjectId }),
    reads: { en: /missing or invalid: end date/, fr: /manquent ou sont invalides : date de fin/ },
  },
  'state machine (an action the state does not allow)': {
    state: 'assigned',
    run: ({ drive, as, w }, v, l) => drive.click(as(w.staffFr, l), 'voucher.claim', { ...ref(v), claimNumber: 'CLM-1' }),
    reads: { en: /cannot/, fr: /impossible/ },
  },
  'program dates (engagement after expiry)': {
    state: 'reserved',
    run: ({ drive, as, w }, v, l) =>
      drive.say(as(w.staffFr, l), `${l === 'fr' ? 'planifier' : 'schedule'} ${v.number} 2025-08-20 2025-09-30 Sacha Staff`),
    reads: { en: /after the voucher expires/, fr: /après l'expiration/ },
  },
  'location (staff of another location)': {
    state: 'reserved',
    run: ({ drive, as, w }, v, l) => drive.say(as(w.staffUs, l), `${l === 'fr' ? 'annuler' : 'cancel'} ${v.number} other no budget`),
    reads: { en: /not a contact of location FR-PAR/, fr: /pas contact du site FR-PAR/ },
  },
  'approval (a request already pending)': {
    state: 'pendingRedeem',
    run: ({ drive, as, w }, v, l) => drive.click(as(w.staffFr, l), 'redemption.confirm', { voucherIds: [String(v._id)] }),
    reads: { en: /approval is pending/, fr: /approbation est en attente/ },
  },
  'payment (claim after 60 days)': {
    state: 'redeemed',
    run: async ({ drive, as, w }, v, l) => {
      w.clock.set('2025-06-30T10:00:00.000Z');
      return drive.say(as(w.staffFr, l), `${l === 'fr' ? 'réclamer' : 'claim'} ${v.number} CLM-2`);
    },
    reads: { en: /the claim had to be created by/, fr: /demande de paiement devait être créée/ },
  },
  'lookup (no such voucher)': {
    state: 'assigned',
    run: ({ drive, as, w }, _v, l) => drive.say(as(w.staffFr, l), `${l === 'fr' ? 'bon' : 'voucher'} NOPE-000`),
    reads: { en: /NOPE-000/, fr: /NOPE-000/ },
  },
  'role (a manager reserving)': {
    state: 'assigned',
    run: ({ drive, as, w }, v, l) => drive.say(as(w.manager, l), `${l === 'fr' ? 'réserver' : 'reserve'} ${v.number}`),
    reads: { en: /Only staff or partner admins|Only partner admins or staff/, fr: /Seuls les/ },
  },
};

describe('bot refusals: one of each family, in English and in French, changing nothing', () => {
  const db = useTestDatabase('bot-refusals');
  const world = useBotWorld(db, 'ref');

  for (const [family, f] of Object.entries(FAMILIES)) {
    it(family, async () => {
      const bw = world();
      const answers: string[] = [];
      for (const locale of ['en', 'fr'] as const) {
        const v = await voucherIn(bw.w, f.state);
        const r = await f.run(bw, v, locale);
        assert.equal(r.status, 200);
        if (r.invoke) assert.equal(r.invoke.statusCode, 200);
        assert.match(r.readable, f.reads[locale]);
        assert.doesNotMatch(r.readable, /\b[A-Z]+_[A-Z_]+\b|Error|undefined|\bat .+:\d+/, 'no code, stack or internal name');
        const line = bw.bot.log.lines().find((l) => l.msg === 'turn' && l.activityId === r.id);
        assert.equal(line?.outcome, 'refused');
        assert.equal((await bw.w.domain.vouchers.get(bw.w.admin, String(v._id))).version, v.version, 'nothing changed');
        answers.push(r.readable);
      }
      assert.notEqual(answers[0], answers[1]);
    });
  }
});
