import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acquireDatabase, DatabaseUnavailableError } from '../../../bot/db/embedded';
import { freePort } from '../../../bot/db/ferretdb';
import { downloadMarkerPath } from '../../../bot/db/mongod';
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
    const bot = spawnBot({
      EMBEDDED_DB: 'ferretdb',
      FERRETDB_POSTGRESQL_URL: `postgres://postgres@127.0.0.1:${deadPort}/voucherbot`,
      LOG_LEVEL: 'warn',
    });
    assert.equal(await bot.exited, 1);
    assert.match(bot.output(), /No MongoDB-compatible database is available/);
    assert.doesNotMatch(bot.output(), /\n\s+at .+:\d+:\d+\)/);
  });

  describe('on a machine where mongod cannot be downloaded', () => {
    let home: string;
    let dataDir: string;
    let env: Record<string, string>;

    beforeEach(async () => {
      home = mkdtempSync(path.join(os.tmpdir(), 'h4-home-'));
      dataDir = path.join(home, 'data');
      // The download host is a port where nothing listens (offline as far as this run knows); PostgreSQL too,
      // so the embedded FerretDB fails fast after it and the run ends with the chooser's message.
      const [downloadPort, pgPort] = [await freePort(), await freePort()];
      env = {
        HOME: home,
        DATA_DIR: dataDir,
        MONGOMS_DOWNLOAD_URL: `https://127.0.0.1:${downloadPort}/mongodb-linux-x86_64-8.2.6.tgz`,
        FERRETDB_POSTGRESQL_URL: `postgres://postgres@127.0.0.1:${pgPort}/voucherbot`,
        PORT: '0',
      };
    });
    afterEach(() => rmSync(home, { recursive: true, force: true }));

    it('says why in one useful line (no bare "Details:"), remembers it under DATA_DIR and skips the attempt next time', async function () {
      this.timeout(90_000);
      const first = spawnBot(env);
      assert.equal(await first.exited, 1, first.output());
      assert.match(first.output(), /downloading mongod once into .*EMBEDDED_DB=ferretdb skips it/);
      assert.match(first.output(), /no embedded mongod: could not download mongod from 127\.0\.0\.1:\d+ \([^)]*ECONNREFUSED[^)]*\)/);
      assert.doesNotMatch(first.output(), /Details:\s*("|$)/m);
      assert.match(first.output(), /set EMBEDDED_DB=ferretdb to go straight to it/);
      const marker = downloadMarkerPath(dataDir);
      assert.ok(existsSync(marker), 'the failure was not remembered');
      assert.ok(Date.now() - Date.parse((JSON.parse(readFileSync(marker, 'utf8')) as { at: string }).at) < 120_000);

      const startedAt = Date.now();
      const second = spawnBot(env);
      assert.equal(await second.exited, 1, second.output());
      assert.match(
        second.output(),
        /skipping the embedded mongod: its download failed at \d{4}-\d\d-\d\dT.*tried again after 24 h \(delete .*mongod-download-failed\.json or set EMBEDDED_DB=mongod to try now\).*EMBEDDED_DB=ferretdb/,
      );
      assert.doesNotMatch(second.output(), /downloading mongod/);
      assert.match(second.output(), /embedded mongod: not tried, its download failed at/);
      assert.ok(Date.now() - startedAt < 15_000, `the second start took ${Date.now() - startedAt} ms`);
    });

    it('tries again once the remembered failure is older than a day, and always with EMBEDDED_DB=mongod', async function () {
      this.timeout(90_000);
      const marker = downloadMarkerPath(dataDir);
      const write = (at: Date) => {
        mkdirSync(dataDir, { recursive: true });
        writeFileSync(marker, JSON.stringify({ at: at.toISOString(), reason: 'offline' }));
      };
      write(new Date(Date.now() - 25 * 3_600_000));
      const stale = spawnBot(env);
      assert.equal(await stale.exited, 1);
      assert.match(stale.output(), /downloading mongod once/);

      write(new Date());
      const forced = spawnBot({ ...env, EMBEDDED_DB: 'mongod' });
      assert.equal(await forced.exited, 1);
      assert.match(forced.output(), /downloading mongod once/);
      assert.match(forced.output(), /No MongoDB-compatible database is available:\n\s+- embedded mongod: could not download mongod/);
    });
  });
});
