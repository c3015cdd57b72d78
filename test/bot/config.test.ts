import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { ConfigError, loadConfig } from '../../bot/config';
import { spawnBot } from '../helpers/spawn-bot';

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
    assert.deepEqual(Object.keys(example).sort(), Object.keys(config).sort());
  });

  it('writes one line per bad variable with its name, the problem and a good example', () => {
    const lines = errorLines({ PORT: 'eighty', MicrosoftAppType: 'Global', MONGODB_URI: 'http://db:27017', LOG_LEVEL: 'loud' });
    assert.equal(lines.length, 4);
    const byName = new Map(lines.map((line) => [line.split(':')[0], line]));
    assert.match(byName.get('PORT') ?? '', /^PORT: must be a number; got "eighty" \(example: PORT=3978\)$/);
    assert.match(byName.get('MicrosoftAppType') ?? '', /must be one of MultiTenant, SingleTenant, UserAssignedMSI; got "Global".*example: MicrosoftAppType=MultiTenant/);
    assert.match(byName.get('MONGODB_URI') ?? '', /must start with mongodb:\/\/ or mongodb\+srv:\/\/.*example: MONGODB_URI=mongodb:\/\//);
    assert.match(byName.get('LOG_LEVEL') ?? '', /must be one of fatal, error/);
  });

  it('requires the password with an app id, and the tenant for a single-tenant bot', () => {
    const lines = errorLines({ MicrosoftAppId: '2f5b4a7e-1d3c-4b8a-9e6f-0a1b2c3d4e5f', MicrosoftAppType: 'SingleTenant' });
    assert.deepEqual(
      lines.map((l) => l.split(':')[0]).sort(),
      ['MicrosoftAppPassword', 'MicrosoftAppTenantId'],
    );
    assert.ok(lines.every((l) => l.includes('required when')));
  });

  it('refuses an app id that is not a GUID and a port out of range', () => {
    const lines = errorLines({ MicrosoftAppId: 'my-bot', MicrosoftAppPassword: 'x', PORT: '70000' });
    assert.match(lines.find((l) => l.startsWith('MicrosoftAppId')) ?? '', /must be a uuid; got "my-bot"/);
    assert.match(lines.find((l) => l.startsWith('PORT')) ?? '', /must be at most 65535/);
  });

  it('never echoes credentials of a malformed connection string', () => {
    const lines = errorLines({ MONGODB_URI: 'mongo://admin:S3cretPassw0rd@db.example.com/' });
    assert.equal(lines.length, 1);
    assert.doesNotMatch(lines[0] ?? '', /S3cretPassw0rd/);
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
