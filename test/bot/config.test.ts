import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../../bot/config';
import { testMongoUri } from '../helpers/db';
import { freePort } from '../../bot/db/ferretdb';
import { spawnBot, waitForOutput } from '../helpers/spawn-bot';

function errorLines(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.lines;
  }
  assert.fail('the configuration was accepted');
}

describe('bot/config', () => {
  it('gives sensible defaults for an empty environment', () => {
    const config = loadConfig({});
    assert.equal(config.PORT, 3978);
    assert.equal(config.MicrosoftAppId, undefined);
    assert.equal(config.EMBEDDED_DB, 'auto');
    assert.equal(config.MONGODB_DB_NAME, 'voucherbot');
  });

  it('accepts .env.example as it stands, and the example documents every variable', () => {
    const example = parseDotenv(readFileSync(path.join(__dirname, '..', '..', '.env.example')));
    const config = loadConfig(example);
    assert.deepEqual(Object.keys(example).sort(), [...CONFIG_VARIABLES].sort());
    assert.equal(config.HOST, '127.0.0.1');
  });

  it('writes one line per bad variable with its name, the problem and a good example', () => {
    const lines = errorLines({ PORT: 'eighty', MicrosoftAppType: 'Global', MONGODB_URI: 'http://db:27017', LOG_LEVEL: 'loud' });
    assert.equal(lines.length, 4);
    const byName = new Map(lines.map((line) => [line.split(':')[0], line]));
    assert.match(byName.get('PORT') ?? '', /^PORT: must be a number; got "eighty" \(example: PORT=3978\)$/);
    assert.match(
      byName.get('MicrosoftAppType') ?? '',
      /must be one of MultiTenant, SingleTenant, UserAssignedMSI; got "Global".*example: MicrosoftAppType=MultiTenant/,
    );
    assert.match(byName.get('MONGODB_URI') ?? '', /must start with mongodb:\/\/ or mongodb\+srv:\/\/.*example: MONGODB_URI=mongodb:\/\//);
    assert.match(byName.get('LOG_LEVEL') ?? '', /must be one of fatal, error/);
  });

  it('requires the password with an app id, and the tenant for a single-tenant bot', () => {
    const lines = errorLines({ MicrosoftAppId: '2f5b4a7e-1d3c-4b8a-9e6f-0a1b2c3d4e5f', MicrosoftAppType: 'SingleTenant' });
    assert.deepEqual(lines.map((l) => l.split(':')[0]).sort(), ['MicrosoftAppPassword', 'MicrosoftAppTenantId']);
    assert.ok(lines.every((l) => l.includes('required when')));
  });

  it('refuses an app id that is not a GUID and a port out of range', () => {
    const lines = errorLines({ MicrosoftAppId: 'my-bot', MicrosoftAppPassword: 'x', PORT: '70000' });
    assert.match(lines.find((l) => l.startsWith('MicrosoftAppId')) ?? '', /must be a GUID \(8-4-4-4-12 hexadecimal digits\); got "my-bot"/);
    assert.match(lines.find((l) => l.startsWith('PORT')) ?? '', /must be at most 65535/);
  });

  it('accepts any 8-4-4-4-12 hexadecimal app and tenant id, whatever its version bits', () => {
    for (const id of [
      '00000000-0000-0000-0000-000000000001',
      'ABCDEF01-2345-6789-abcd-ef0123456789',
      ' 2f5b4a7e-1d3c-4b8a-9e6f-0a1b2c3d4e5f ',
    ]) {
      const config = loadConfig({
        MicrosoftAppId: id,
        MicrosoftAppPassword: 'x',
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppTenantId: id,
      });
      assert.equal(config.MicrosoftAppId, id.trim());
    }
    for (const id of ['00000000-0000-0000-0000-00000000000', '00000000000000000000000000000000', 'g0000000-0000-0000-0000-000000000001']) {
      assert.match(errorLines({ MicrosoftAppId: id, MicrosoftAppPassword: 'x' })[0] ?? '', /^MicrosoftAppId: must be a GUID/);
    }
  });

  it("defaults the turn deadline to 4 s, under Teams' 5 s, and refuses one that could not help", () => {
    assert.equal(loadConfig({}).TURN_DEADLINE_MS, 4_000);
    assert.equal(loadConfig({ TURN_DEADLINE_MS: '2500' }).TURN_DEADLINE_MS, 2_500);
    assert.match(
      errorLines({ TURN_DEADLINE_MS: '50' })[0] ?? '',
      /^TURN_DEADLINE_MS: must be at least 200; got "50" \(example: TURN_DEADLINE_MS=4000\)$/,
    );
    assert.match(errorLines({ TURN_DEADLINE_MS: '20000' })[0] ?? '', /^TURN_DEADLINE_MS: must be at most 12000/);
  });

  it('treats an empty value as unset: `PORT=` is the default port, never a random one', () => {
    const config = loadConfig({ PORT: '', HOST: ' ', MONGODB_URI: '', MicrosoftAppId: '', LOG_LEVEL: '', DATA_DIR: '' });
    assert.equal(config.PORT, 3978);
    assert.equal(config.HOST, '127.0.0.1');
    assert.equal(config.MONGODB_URI, undefined);
    assert.equal(config.LOG_LEVEL, 'info');
    assert.equal(config.DATA_DIR, '.data');
    assert.equal(loadConfig({ PORT: '0' }).PORT, 0, 'an explicit 0 still asks for a free port');
  });

  it('listens on 127.0.0.1 without an app id unless HOST is set, and on every interface with one', () => {
    assert.equal(loadConfig({}).HOST, '127.0.0.1');
    assert.equal(loadConfig({ HOST: '0.0.0.0' }).HOST, '0.0.0.0');
    assert.equal(loadConfig({ MicrosoftAppId: '2f5b4a7e-1d3c-4b8a-9e6f-0a1b2c3d4e5f', MicrosoftAppPassword: 'x' }).HOST, '0.0.0.0');
    assert.equal(
      loadConfig({ MicrosoftAppId: '2f5b4a7e-1d3c-4b8a-9e6f-0a1b2c3d4e5f', MicrosoftAppPassword: 'x', HOST: '10.0.0.4' }).HOST,
      '10.0.0.4',
    );
  });

  it('writes every problem in plain English', () => {
    const lines = errorLines({
      PORT: '3.5',
      MAX_BODY_BYTES: 'big',
      SHUTDOWN_TIMEOUT_MS: '12.5',
      MicrosoftAppTenantId: 'x',
      EMBEDDED_DB: 'sqlite',
    });
    assert.equal(lines.length, 5);
    assert.match(lines.find((l) => l.startsWith('PORT')) ?? '', /^PORT: must be a whole number; got "3\.5"/);
    assert.match(lines.find((l) => l.startsWith('MAX_BODY_BYTES')) ?? '', /^MAX_BODY_BYTES: must be a number; got "big"/);
    for (const line of lines) assert.doesNotMatch(line, /\ba (int|uuid|safeint)\b|\ban? [aeiou]\w* number|Invalid input|expected/i, line);
  });

  it('never echoes credentials of a malformed connection string', () => {
    const lines = errorLines({ MONGODB_URI: 'mongo://admin:S3cretPassw0rd@db.example.com/' });
    assert.equal(lines.length, 1);
    assert.doesNotMatch(lines[0] ?? '', /S3cretPassw0rd/);
  });

  it('makes the real process listen on 127.0.0.1 only without an app id, and say so', async function () {
    this.timeout(60_000);
    const bot = spawnBot({ MONGODB_URI: testMongoUri(), MONGODB_DB_NAME: 't_config_host', PORT: '0' });
    try {
      await waitForOutput(bot.output, /listening on http:\/\/127\.0\.0\.1:\d+\/api\/messages/, 45_000);
      assert.match(
        bot.output(),
        /UNAUTHENTICATED.*Listening on 127\.0\.0\.1 only, so only this machine can reach it \(HOST=0\.0\.0\.0 opens it to the network\)/,
      );
    } finally {
      bot.child.kill('SIGTERM');
      await bot.exited;
    }
  });

  it('warns in the log when an unauthenticated bot is told to listen beyond loopback', async function () {
    this.timeout(60_000);
    const bot = spawnBot({ MONGODB_URI: testMongoUri(), MONGODB_DB_NAME: 't_config_host', PORT: '0', HOST: '0.0.0.0' });
    try {
      await waitForOutput(bot.output, /listening on http:\/\/0\.0\.0\.0:\d+\/api\/messages/, 45_000);
      assert.match(bot.output(), /"level":"warn".*HOST=0\.0\.0\.0 lets other machines reach this unauthenticated bot/);
    } finally {
      bot.child.kill('SIGTERM');
      await bot.exited;
    }
  });

  it('names MONGODB_URI and what to check when it points at nothing, with no stack and no bare driver error', async function () {
    this.timeout(60_000);
    const deadPort = await freePort();
    const bot = spawnBot({ MONGODB_URI: `mongodb://127.0.0.1:${deadPort}/`, PORT: '0' });
    assert.equal(await bot.exited, 1);
    const out = bot.output();
    assert.match(
      out,
      new RegExp(
        `^Cannot connect to the database in MONGODB_URI \\(mongodb://127\\.0\\.0\\.1:${deadPort}/\\): nothing accepts connections at that host and port\\.$`,
        'm',
      ),
    );
    assert.match(out, /^Check MONGODB_URI: host, port, user name, password and TLS options/m);
    assert.doesNotMatch(out, /^(The bot could not start: )?connect ECONNREFUSED/m);
    assert.doesNotMatch(out, /\n\s+at .+:\d+:\d+\)/);
  });

  it('makes `npm start` exit 1 with one readable line per bad variable, no stack and no zod dump', async function () {
    this.timeout(30_000);
    const bot = spawnBot({ PORT: 'eighty', MicrosoftAppType: 'Global' });
    const code = await bot.exited;
    assert.equal(code, 1);
    const out = bot.output();
    assert.match(out, /^Invalid configuration; fix these environment variables \(or \.env\):$/m);
    assert.match(out, /^PORT: must be a number; got "eighty" \(example: PORT=3978\)$/m);
    assert.match(out, /^MicrosoftAppType: must be one of/m);
    assert.doesNotMatch(out, /\bat .+\(.+:\d+:\d+\)|ZodError|"code":/);
  });
});
