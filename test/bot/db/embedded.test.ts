import assert from 'node:assert/strict';
import { acquireDatabase, DatabaseUnavailableError } from '../../../bot/db/embedded';
import { freePort } from '../../../bot/db/ferretdb';
import { spawnBot } from '../../helpers/spawn-bot';

describe('bot/db/embedded: choosing the database', () => {
  it('uses MONGODB_URI as given and starts nothing', async () => {
    const said: string[] = [];
    const db = await acquireDatabase({
      mongodbUri: 'mongodb://db.internal:27017/',
      embedded: 'auto',
      purpose: 'serve',
      dataDir: '.data',
      ferretPostgresUrl: 'postgres://postgres@127.0.0.1:5432/unused',
      say: (line) => said.push(line),
    });
    assert.equal(db.kind, 'uri');
    assert.equal(db.uri, 'mongodb://db.internal:27017/');
    assert.deepEqual(said, []);
  });

  it('says exactly what to install or set when no database can be had', async () => {
    const deadPort = await freePort();
    const error = await acquireDatabase({
      embedded: 'ferretdb',
      purpose: 'test',
      dataDir: '.data',
      ferretPostgresUrl: `postgres://postgres@127.0.0.1:${deadPort}/voucherbot`,
      say: () => undefined,
    }).then(
      () => assert.fail('a database was acquired'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof DatabaseUnavailableError);
    assert.match(error.message, new RegExp(`no PostgreSQL answers on 127\\.0\\.0\\.1:${deadPort}`));
    assert.match(error.message, /set MONGODB_URI/);
    assert.match(error.message, /install Go 1\.24\+ and run PostgreSQL/);
  });

  it('makes `npm start` exit 1 with that message and no stack trace', async function () {
    this.timeout(30_000);
    const deadPort = await freePort();
    const bot = spawnBot({ EMBEDDED_DB: 'ferretdb', FERRETDB_POSTGRESQL_URL: `postgres://postgres@127.0.0.1:${deadPort}/voucherbot`, LOG_LEVEL: 'warn' });
    assert.equal(await bot.exited, 1);
    assert.match(bot.output(), /No MongoDB-compatible database is available/);
    assert.doesNotMatch(bot.output(), /\n\s+at .+:\d+:\d+\)/);
  });
});
