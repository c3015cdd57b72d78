import assert from 'node:assert/strict';
import type { Voucher } from '../../../domain/domain';
import { COMMANDS } from '../../../bot/router';
import { useBotWorld, type BotWorld } from '../../helpers/bot-world';
import { voucherIn } from '../../helpers/bot-vouchers';
import { useTestDatabase } from '../../helpers/db';
import type { Speaker } from '../../helpers/turn-driver';

type Who = 'admin' | 'staffOtherLocation' | 'manager' | 'stranger' | 'otherTenant';
type Outcome = 'ok' | 'refused' | 'unknown-person' | 'unknown-tenant';
const WHO: Who[] = ['admin', 'staffOtherLocation', 'manager', 'stranger', 'otherTenant'];

interface Row {
  state: Parameters<typeof voucherIn>[1];
  text: (v: Voucher) => string;
  /** Outcome for admin, staff of another location, manager (strangers never get in). */
  expect: [Outcome, Outcome, Outcome];
  /** Outcome in a tenant no partner owns (setup is the first run there, issue 9). */
  elsewhere?: Outcome;
}

/** Every command: which of the three roles succeed on a voucher of the Paris location. */
const MATRIX: Record<string, Row> = {
  help: { state: 'assigned', text: () => 'help', expect: ['ok', 'ok', 'ok'] },
  vouchers: { state: 'assigned', text: () => 'vouchers', expect: ['ok', 'ok', 'ok'] },
  voucher: { state: 'assigned', text: (v) => `voucher ${v.number}`, expect: ['ok', 'ok', 'ok'] },
  reserve: { state: 'assigned', text: (v) => `reserve ${v.number}`, expect: ['ok', 'ok', 'refused'] },
  cancel: { state: 'reserved', text: (v) => `cancel ${v.number} other changed plans`, expect: ['ok', 'refused', 'refused'] },
  schedule: {
    state: 'reserved',
    text: (v) => `schedule ${v.number} 2025-03-10 2025-03-14 Sacha Staff`,
    expect: ['ok', 'refused', 'refused'],
  },
  complete: { state: 'scheduled', text: (v) => `complete ${v.number}`, expect: ['ok', 'ok', 'refused'] },
  redeem: { state: 'completed', text: (v) => `redeem ${v.number}`, expect: ['ok', 'ok', 'refused'] },
  approvals: { state: 'pendingRedeem', text: () => 'approvals', expect: ['refused', 'refused', 'ok'] },
  approve: { state: 'pendingRedeem', text: (v) => `approve ${v.number}`, expect: ['refused', 'refused', 'ok'] },
  reject: { state: 'pendingRedeem', text: (v) => `reject ${v.number} not this time`, expect: ['refused', 'refused', 'ok'] },
  claim: { state: 'redeemed', text: (v) => `claim ${v.number} CLM-1`, expect: ['ok', 'refused', 'refused'] },
  paid: { state: 'claimed', text: (v) => `paid ${v.number} 2025-03-21`, expect: ['ok', 'refused', 'refused'] },
  // Partner administration (issue 9; verbs and the first run in test/bot/flows/onboarding.test.ts).
  status: { state: 'assigned', text: () => 'status', expect: ['ok', 'ok', 'ok'] },
  setup: { state: 'assigned', text: () => 'setup', expect: ['ok', 'refused', 'refused'], elsewhere: 'ok' },
  people: { state: 'assigned', text: () => 'people', expect: ['ok', 'refused', 'refused'] },
  add: { state: 'assigned', text: () => 'add someone staff', expect: ['ok', 'refused', 'refused'] },
  remove: { state: 'assigned', text: () => 'remove someone', expect: ['ok', 'refused', 'refused'] },
  locations: { state: 'assigned', text: () => 'locations', expect: ['ok', 'refused', 'refused'] },
  eligibility: { state: 'assigned', text: () => 'eligibility AZDPS', expect: ['ok', 'refused', 'refused'] },
  enroll: { state: 'assigned', text: () => 'enroll AZDPS', expect: ['ok', 'refused', 'refused'] },
  renew: { state: 'assigned', text: () => 'renew AZDPS', expect: ['ok', 'refused', 'refused'] },
  profile: { state: 'assigned', text: () => 'profile', expect: ['ok', 'ok', 'ok'] },
};

function speaker(world: BotWorld, who: Who): Speaker {
  const { w, as } = world;
  if (who === 'admin') return as(w.admin);
  if (who === 'staffOtherLocation') return as(w.staffUs);
  if (who === 'manager') return as(w.manager);
  return who === 'stranger' ? world.stranger() : world.elsewhere();
}

describe('bot permission matrix: every command x admin, staff of another location, manager, unknown person, other tenant', () => {
  const db = useTestDatabase('bot-permissions');
  const world = useBotWorld(db, 'perm');

  it('covers every command of the router', () => {
    assert.deepEqual(Object.keys(MATRIX).sort(), COMMANDS.map((c) => c.id).sort());
  });

  for (const [id, row] of Object.entries(MATRIX)) {
    it(`${id}: only the allowed roles succeed, and a refusal changes nothing`, async function () {
      this.timeout(30_000);
      const bw = world();
      for (const [i, who] of WHO.entries()) {
        const v = await voucherIn(bw.w, row.state);
        if (id === 'paid') bw.w.clock.set('2025-03-25T10:00:00.000Z');
        const r = await bw.drive.say(speaker(bw, who), row.text(v));
        assert.equal(r.status, 200);
        assert.ok(r.readable.length > 0, `${id} x ${who}: an answer`);
        const line = bw.bot.log.lines().find((l) => l.msg === 'turn' && l.activityId === r.id);
        const expected: Outcome =
          who === 'stranger' ? 'unknown-person' : who === 'otherTenant' ? (row.elsewhere ?? 'unknown-tenant') : (row.expect[i] as Outcome);
        assert.equal(line?.outcome, expected, `${id} x ${who}: ${r.readable}`);
        const after = await bw.w.domain.vouchers.get(bw.w.admin, String(v._id));
        if (expected !== 'ok') assert.equal(after.version, v.version, `${id} x ${who} changed nothing`);
      }
    });
  }
});
