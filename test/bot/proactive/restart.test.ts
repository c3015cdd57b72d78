import assert from 'node:assert/strict';
import { systemActor } from '../../../domain/person/person.service';
import { outboxModel, type OutboxRecord } from '../../../bot/proactive/outbox.model';
import { testMongoUri, useTestDatabase } from '../../helpers/db';
import { createWorld, newVoucher } from '../../domain/world';
import { startProactiveBot } from '../../helpers/proactive-bot';
import { startScriptedConnector } from '../../helpers/scripted-connector';
import { spawnBot, waitForOutput } from '../../helpers/spawn-bot';
import { turnDriver, type Speaker } from '../../helpers/turn-driver';

const SLUG = 'rst';
const TENANT = `tenant-${SLUG}`;

describe('bot/proactive: a proactive message survives a restart of the bot', () => {
  const db = useTestDatabase('outbox-restart');

  it('an approval card recorded by a bot that stopped before sending it is sent by the next bot process (npm start)', async function () {
    this.timeout(90_000);
    // Real time for the domain too: the next process runs on the system clock.
    const w = await createWorld(db.connection, SLUG);
    const now = new Date();
    w.clock.set(now);
    const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString().slice(0, 10);
    // The world's enrollment dates from 2024; this partner renewed it recently.
    await w.domain.partners.enroll(systemActor(w.admin.partnerId), {
      program: 'AZDPS',
      enrolledOn: daysAgo(20),
      agreementSignedOn: daysAgo(25),
      complianceTrainingOn: daysAgo(22),
      locationIds: ['FR-PAR'],
    });
    const connector = await startScriptedConnector();
    const who = (aadObjectId: string): Speaker => ({ aadObjectId, tenantId: TENANT, locale: 'en-US', name: aadObjectId });
    const first = await startProactiveBot(db.connection, w.clock, { start: false });
    const drive = turnDriver(first.url, connector.url);
    const next = { bot: null as ReturnType<typeof spawnBot> | null };
    try {
      await drive.post(drive.activity(who(`${SLUG}-manager`), { type: 'installationUpdate', action: 'add' }));
      const v = await newVoucher(w, { days: 10, assignedOn: daysAgo(2) });
      const answer = await drive.click(who(`${SLUG}-staff-fr`), 'voucher.reserve', {
        voucherId: String(v._id),
        expectedState: v.state,
        locationId: 'FR-PAR',
        termsAccepted: 'true',
      });
      assert.match(answer.readable, /manager|approval/i, answer.readable);
      // The first bot stops: its sending loop never ran.
      await first.stop();
      const pending = await outboxModel(db.connection).find({ state: 'pending' }).lean<OutboxRecord[]>();
      assert.equal(pending.length, 1, 'the card is recorded, not sent');
      assert.equal(connector.posts.length, 0);

      next.bot = spawnBot({ MONGODB_URI: testMongoUri(), MONGODB_DB_NAME: db.dbName, PORT: '0', HOST: '127.0.0.1' });
      await waitForOutput(next.bot.output, /listening on/, 30_000);
      await connector.waitFor(
        (posts) => posts.some((p) => p.conversationId === `a:chat-${SLUG}-manager` && JSON.stringify(p.body).includes(v.number)),
        30_000,
      );
      const deadline = Date.now() + 10_000;
      let record = await outboxModel(db.connection).findById(pending[0]?._id).lean<OutboxRecord>();
      while (record?.state === 'pending' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        record = await outboxModel(db.connection).findById(pending[0]?._id).lean<OutboxRecord>();
      }
      assert.equal(record?.state, 'sent');
      assert.equal(connector.posts.length, 1, 'sent once');
    } finally {
      await first.stop();
      next.bot?.child.kill('SIGTERM');
      if (next.bot) assert.equal(await next.bot.exited, 0, next.bot.output());
      await connector.close();
    }
  });
});
