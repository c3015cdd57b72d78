import assert from 'node:assert/strict';
import { startTestBot } from '../../helpers/bot-harness';
import { useBotWorld } from '../../helpers/bot-world';
import { useTestDatabase } from '../../helpers/db';
import { turnDriver } from '../../helpers/turn-driver';

/**
 * Teams tells an install twice (conversationUpdate with the bot in membersAdded, and
 * installationUpdate): the conversation gets one welcome, kept in MongoDB, so two instances agree.
 */
describe('bot: one welcome per conversation', () => {
  const db = useTestDatabase('bot-welcome-once');
  const world = useBotWorld(db, 'welc');

  const channel = (id: string, tenantId: string) => ({ conversation: { id, conversationType: 'channel', tenantId } });
  const added = { type: 'conversationUpdate', membersAdded: [{ id: '28:voucher-bot' }] };
  const installed = { type: 'installationUpdate', action: 'add' };

  it('a team channel told both ways gets one welcome; another channel gets its own', async () => {
    const { w, drive, as, tenantId } = world();
    const first = await drive.post(drive.activity(as(w.admin), { ...added, ...channel('19:general-a@thread.tacv2', tenantId) }));
    assert.match(first.readable, /Welcome/);
    const second = await drive.post(drive.activity(as(w.admin), { ...installed, ...channel('19:general-a@thread.tacv2', tenantId) }));
    assert.equal(second.status, 200);
    assert.deepEqual(second.activities, [], 'no second welcome');
    const other = await drive.post(drive.activity(as(w.admin, 'fr'), { ...installed, ...channel('19:general-b@thread.tacv2', tenantId) }));
    assert.match(other.readable, /Bienvenue/);
    const lines = world()
      .bot.log.lines()
      .filter((l) => l.msg === 'turn' && [first.id, second.id].includes(String(l.activityId)));
    assert.deepEqual(
      lines.map((l) => l.replayed),
      [false, true],
      'the second notice is logged as replayed',
    );
  });

  it('a personal chat told by two bot instances on one database gets one welcome', async () => {
    const { w, as } = world();
    const otherInstance = await startTestBot(db.connection, w.clock);
    try {
      const who = as(w.staffFr);
      const a = turnDriver(world().bot.url);
      const b = turnDriver(otherInstance.url);
      const [one, two] = await Promise.all([a.post(a.activity(who, installed)), b.post(b.activity(who, added))]);
      const welcomes = [one, two].filter((r) => /Welcome/.test(r.readable));
      assert.equal(welcomes.length, 1, `one welcome, got ${welcomes.length}`);
    } finally {
      await otherInstance.stop();
    }
  });

  it('the welcome shows words, no Markdown marks or escapes, in en and fr (the help keyword is a button)', async () => {
    const { w, drive, as, tenantId } = world();
    for (const [locale, button] of [
      ['en', 'Help'],
      ['fr', 'Aide'],
    ] as const) {
      const r = await drive.post(
        drive.activity(as(w.admin, locale), { ...added, ...channel(`19:welcome-${locale}@thread.tacv2`, tenantId) }),
      );
      const raw = JSON.stringify(r.activities.flatMap((a) => a.attachments ?? []));
      assert.ok(raw.includes('TextBlock'), 'a card');
      assert.doesNotMatch(raw, /\*\*|\\\\[*_]/, `${locale}: Markdown marks in ${raw}`);
      assert.ok(r.buttons.includes(button), r.buttons.join());
    }
  });

  it('a message in a welcomed conversation is still answered', async () => {
    const { w, drive, as, tenantId } = world();
    await drive.post(drive.activity(as(w.admin), { ...added, ...channel('19:general-c@thread.tacv2', tenantId) }));
    const help = await drive.say(as(w.admin), 'help', channel('19:general-c@thread.tacv2', tenantId));
    assert.ok(help.activities.length > 0 && /help|can do/i.test(help.readable), help.readable);
  });
});
