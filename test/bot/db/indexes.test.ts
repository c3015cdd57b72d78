import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { createModels } from '../../../domain/models';
import { testMongoUri } from '../../helpers/db';
import { spawnBot, waitForOutput } from '../../helpers/spawn-bot';

interface DeclaredIndex {
  collection: string;
  key: Record<string, unknown>;
  unique: boolean;
}

/** Every index the domain's schemas declare, read from the models themselves rather than listed by hand. */
function declaredIndexes(connection: mongoose.Connection): DeclaredIndex[] {
  return Object.values(createModels(connection)).flatMap((model) =>
    model.schema.indexes().map(([key, options]) => ({
      collection: model.collection.collectionName,
      key: key as Record<string, unknown>,
      unique: options.unique === true,
    })),
  );
}

const sameKey = (a: Record<string, unknown>, b: Record<string, unknown>) => JSON.stringify(a) === JSON.stringify(b);

describe('indexes at start-up, through the real process', () => {
  it('creates every declared index, the unique ones unique, before it listens, and logs which collections, how long and the write mode', async function () {
    this.timeout(90_000);
    const dbName = `t_startup_indexes_${randomBytes(4).toString('hex')}`;
    const bot = spawnBot({ MONGODB_URI: testMongoUri(), MONGODB_DB_NAME: dbName, PORT: '0', HOST: '127.0.0.1' });
    const connection = await mongoose.createConnection(testMongoUri(), { dbName, serverSelectionTimeoutMS: 10_000 }).asPromise();
    try {
      await waitForOutput(bot.output, /listening on http:\/\/127\.0\.0\.1:\d+\/api\/messages/, 60_000);
      const declared = declaredIndexes(connection);
      const db = connection.db;
      assert.ok(db);
      assert.ok(
        declared.some((index) => index.unique && index.collection === 'vouchers'),
        'the voucher model declares no unique index',
      );
      for (const index of declared) {
        const existing = await db.collection(index.collection).listIndexes().toArray();
        const found = existing.find((candidate) => sameKey(candidate.key as Record<string, unknown>, index.key));
        assert.ok(found, `no index ${JSON.stringify(index.key)} on ${index.collection}; has ${JSON.stringify(existing.map((e) => e.key))}`);
        if (index.unique) assert.equal(found.unique, true, `${index.collection} ${JSON.stringify(index.key)} is not unique`);
      }

      const logged = bot
        .output()
        .split('\n')
        .filter((line) => line.includes('"indexes ensured'));
      assert.equal(logged.length, 1, bot.output());
      const line = JSON.parse(logged[0] ?? '{}') as { collections?: string[]; durationMs?: number };
      for (const collection of new Set(declared.map((index) => index.collection)))
        assert.ok(line.collections?.includes(collection), `${collection} not in the log line`);
      assert.equal(typeof line.durationMs, 'number');
      const info: Record<string, unknown> = await db.admin().command({ buildInfo: 1 });
      const ferret = Object.keys(info).some((key) => key.toLowerCase().startsWith('ferretdb'));
      const modes = bot
        .output()
        .split('\n')
        .filter((l) => l.includes('"writeMode"'))
        .map((l) => JSON.parse(l) as { writeMode: string; server: string });
      assert.deepEqual(
        modes.map((m) => [m.server, m.writeMode]),
        [ferret ? ['ferretdb', 'claim'] : ['mongodb', 'atomic']],
        'the write mode is logged once',
      );
      const order = bot.output();
      assert.ok(order.indexOf('indexes ensured') < order.indexOf('listening on'), 'listened before the indexes existed');
    } finally {
      bot.child.kill('SIGTERM');
      await bot.exited;
      await connection.dropDatabase();
      await connection.close();
    }
  });
});
