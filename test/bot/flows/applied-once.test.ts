import assert from 'node:assert/strict';
import { startTestBot } from '../../helpers/bot-harness';
import { useBotWorld } from '../../helpers/bot-world';
import { useTestDatabase } from '../../helpers/db';
import { turnDriver } from '../../helpers/turn-driver';
import { newVoucher, reserveFr } from '../../domain/world';
import { voucherIn } from '../../helpers/bot-vouchers';

describe('bot: each delivery applied once, across instances, with the same answer', () => {
  const db = useTestDatabase('bot-once');
  const world = useBotWorld(db, 'once');

  it('applies a redelivered activity (same id) once and answers it the same, even when both arrive together', async () => {
    const { w, drive, as } = world();
    const v = await newVoucher(w);
    await reserveFr(w, v);
    const activity = drive.activity(as(w.staffFr), { type: 'message', text: `schedule ${v.number} 2025-03-10 2025-03-14` });
    const [first, second] = await Promise.all([drive.post(activity), drive.post(activity)]);
    const third = await drive.post(activity);
    assert.equal(first.readable, second.readable);
    assert.equal(first.readable, third.readable);
    assert.match(first.readable, /scheduled/i);
    const after = await w.domain.vouchers.get(w.staffFr, String(v._id));
    assert.equal(after.audit.filter((a) => a.event === 'schedule').length, 1);
  });

  it('applies a write typed another way (politeness, a synonym, the number in pieces, connecting words) once on redelivery', async () => {
    const { w, drive, as } = world();
    const v = await newVoucher(w);
    await reserveFr(w, v);
    const pieces = v.number.toLowerCase().split('-').join(' ');
    const activity = drive.activity(as(w.staffFr), {
      type: 'message',
      text: `please reschedule ${pieces} from 2025-03-10 to 2025-03-14, thanks`,
    });
    const [first, second] = await Promise.all([drive.post(activity), drive.post(activity)]);
    const third = await drive.post(activity);
    assert.equal(first.readable, second.readable);
    assert.equal(first.readable, third.readable);
    assert.match(first.readable, /is now scheduled/i);
    const after = await w.domain.vouchers.get(w.staffFr, String(v._id));
    assert.equal(after.audit.filter((a) => a.event === 'schedule').length, 1);
  });

  it('applies a double click (two invokes, same card and data) once; the second gets the first answer', async () => {
    const { w, drive, as } = world();
    const v = await newVoucher(w);
    const data = {
      voucherId: String(v._id),
      expectedState: 'assigned',
      voucherAdminEmail: 'it-admin@customer.test',
      locationId: 'FR-PAR',
      termsAccepted: 'true',
    };
    const extra = { replyToId: 'card-message-1' };
    const [a, b] = await Promise.all([
      drive.click(as(w.staffFr), 'voucher.reserve', data, extra),
      drive.click(as(w.staffFr), 'voucher.reserve', data, extra),
    ]);
    assert.equal(a.invoke?.statusCode, 200);
    assert.deepEqual(a.invoke, b.invoke);
    const after = await w.domain.vouchers.get(w.staffFr, String(v._id));
    assert.equal(after.state, 'reserved');
    assert.equal(after.audit.filter((e) => e.event === 'reserve').length, 1);
  });

  it("runs the same click again once a refusal is gone (a refused click is not remembered as the click's answer)", async () => {
    const { w, drive, as } = world();
    const v = await voucherIn(w, 'pendingRedeem');
    const data = { voucherIds: [String(v._id)] };
    const extra = { replyToId: 'review-card-1' };
    const refused = await drive.click(as(w.staffFr), 'redemption.confirm', data, extra);
    assert.match(refused.readable, /approval is pending/);
    await w.domain.approvals.reject(w.manager, { approvalId: String(v.pendingApprovalId), comment: 'report first' });
    const again = await drive.click(as(w.staffFr), 'redemption.confirm', data, extra);
    assert.doesNotMatch(again.readable, /approval is pending/);
    assert.ok((await w.domain.vouchers.get(w.admin, String(v._id))).pendingApprovalId, 'a new approval was requested');
  });

  it('applies an activity delivered to two bot instances on one database once', async function () {
    this.timeout(30_000);
    const { w, drive, as } = world();
    const other = await startTestBot(await db.openAnother(), w.clock);
    try {
      const v = await newVoucher(w);
      await reserveFr(w, v);
      const activity = drive.activity(as(w.staffFr), { type: 'message', text: `cancel ${v.number} offer-changed customer moved` });
      const [one, two] = await Promise.all([drive.post(activity), turnDriver(other.url).post(activity)]);
      assert.equal(one.readable, two.readable);
      const after = await w.domain.vouchers.get(w.staffFr, String(v._id));
      assert.equal(after.state, 'assigned');
      assert.equal(after.audit.filter((e) => e.event === 'cancel').length, 1);
    } finally {
      await other.stop();
    }
  });

  it('keeps processed ids in MongoDB with an expiry (TTL index, or a sweep where the server has none)', async () => {
    const docs = await db.connection.collection('processed_activities').find({}).limit(5).toArray();
    assert.ok(docs.length > 0);
    for (const d of docs) assert.ok(d.expiresAt instanceof Date && d.expiresAt.getTime() > Date.now());
    const indexes = await db.connection.collection('processed_activities').indexes();
    assert.ok(
      indexes.some((i) => i.key.expiresAt === 1),
      JSON.stringify(indexes),
    );
  });

  it('answers a click on a stale card with the current card and what changed, applying nothing', async () => {
    const { w, drive, as, bot } = world();
    const v = await newVoucher(w);
    await reserveFr(w, v);
    for (const locale of ['en', 'fr'] as const) {
      const r = await drive.click(
        as(w.staffFr, locale),
        'voucher.reserve',
        {
          voucherId: String(v._id),
          expectedState: 'assigned',
          voucherAdminEmail: 'it-admin@customer.test',
          locationId: 'FR-PAR',
          termsAccepted: 'true',
        },
        { replyToId: `card-${locale}` },
      );
      assert.equal(r.status, 200);
      assert.equal(r.invoke?.statusCode, 200);
      assert.match(r.readable, locale === 'fr' ? /a changé depuis/ : /changed since/, r.readable);
      assert.match(r.readable, new RegExp(v.number));
    }
    const after = await w.domain.vouchers.get(w.staffFr, String(v._id));
    assert.equal(after.audit.filter((e) => e.event === 'reserve').length, 1);
    const outcomes = bot.log
      .lines()
      .filter((l) => l.msg === 'turn' && l.command === 'voucher.reserve')
      .map((l) => l.outcome);
    assert.ok(outcomes.includes('stale'), outcomes.join());
  });
});
