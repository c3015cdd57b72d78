import assert from 'node:assert/strict';
import { startBot } from '../../../bot/app';
import { loadConfig } from '../../../bot/config';
import { useTestDatabase } from '../../helpers/db';
import { capturedLogger } from '../../helpers/log-capture';
import { turnDriver } from '../../helpers/turn-driver';

/** ALLOWED_TENANT_IDS as `npm start` reads it: the start-up log says who may set up, and the bot acts on it. */
describe('setup tenants at start-up (ALLOWED_TENANT_IDS)', () => {
  const db = useTestDatabase('setup-tenants');

  async function run(env: Record<string, string>) {
    const capture = capturedLogger();
    const bot = await startBot(loadConfig({ PORT: '0', HOST: '127.0.0.1', MONGODB_DB_NAME: db.dbName, ...env }), capture.log, db.uri);
    return { bot, capture, url: `http://127.0.0.1:${bot.address.port}/api/messages` };
  }

  it('empty: any tenant may set up, and the log says so', async function () {
    this.timeout(30_000);
    const { bot, capture, url } = await run({ ALLOWED_TENANT_IDS: '' });
    try {
      const line = capture.lines().find((l) => typeof l.msg === 'string' && l.msg.startsWith('setup:'));
      assert.equal(line?.msg, 'setup: ALLOWED_TENANT_IDS is empty, so a person of any tenant may set up a new partner');
      const r = await turnDriver(url).say({ aadObjectId: 'aad-anyone', tenantId: 'tenant-anyone' }, 'setup');
      assert.deepEqual(r.buttons, ['Set up']);
    } finally {
      await bot.shutdown(2_000);
    }
  });

  it('a list: only those tenants may set up', async function () {
    this.timeout(30_000);
    const { bot, capture, url } = await run({ ALLOWED_TENANT_IDS: 'tenant-a, tenant-b' });
    try {
      const line = capture.lines().find((l) => typeof l.msg === 'string' && l.msg.startsWith('setup:'));
      assert.deepEqual(line?.allowedTenantIds, ['tenant-a', 'tenant-b']);
      const drive = turnDriver(url);
      assert.deepEqual((await drive.say({ aadObjectId: 'aad-b', tenantId: 'tenant-b', locale: 'fr-FR' }, 'configurer')).buttons, [
        'Configurer',
      ]);
      const refused = await drive.say({ aadObjectId: 'aad-c', tenantId: 'tenant-c', locale: 'fr-FR' }, 'configurer');
      assert.match(refused.readable, /ne figure pas dans la liste des locataires autorisés/);
    } finally {
      await bot.shutdown(2_000);
    }
  });
});
