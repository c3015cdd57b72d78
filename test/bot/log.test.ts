import assert from 'node:assert/strict';
import { redactSecrets } from '../../bot/log';
import { capturedLogger } from '../helpers/log-capture';

describe('bot/log', () => {
  it('masks credentials inside connection strings but keeps the host', () => {
    const text = redactSecrets('connecting to mongodb+srv://botuser:pa55w0rd!x@cluster0.example.net/vouchers?retryWrites=true');
    assert.doesNotMatch(text, /pa55w0rd/);
    assert.match(text, /mongodb\+srv:\/\/botuser:\[redacted\]@cluster0\.example\.net/);
    assert.doesNotMatch(redactSecrets('postgres://postgres:hunter22@127.0.0.1:5432/db'), /hunter22/);
  });

  it('masks bearer tokens, JWTs and secret-named pairs', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJib3QifQ.c2lnbmF0dXJlLXBhcnQ';
    const text = redactSecrets(`Authorization: Bearer abc.def-ghi_123 token=${jwt} password=letmein client_secret: "zzTop99"`);
    for (const secret of ['abc.def-ghi_123', jwt, 'letmein', 'zzTop99']) assert.ok(!text.includes(secret), `${secret} leaked: ${text}`);
  });

  it('leaves ordinary text alone', () => {
    const text = 'Voucher 7G3K-91X2 reserved for Fabrikam (5 days), see https://partner.microsoft.com/dashboard';
    assert.equal(redactSecrets(text), text);
  });

  it('redacts secrets in every field, nested object, error and message of a log line', () => {
    const appPassword = 'Xy8Q~verySecretValue.123';
    const capture = capturedLogger([appPassword]);
    capture.log.info(
      {
        config: { MicrosoftAppPassword: appPassword, MONGODB_URI: 'mongodb://admin:dbPass77@db:27017/' },
        headers: { authorization: 'Bearer token-value-1234' },
        err: new Error(`login failed with ${appPassword} on mongodb://admin:dbPass77@db:27017/`),
        note: `the password is ${appPassword}`,
      },
      `starting with mongodb://admin:dbPass77@db:27017/ and ${appPassword}`,
    );
    const raw = capture.raw();
    for (const secret of [appPassword, 'dbPass77', 'token-value-1234']) assert.ok(!raw.includes(secret), `${secret} leaked: ${raw}`);
    const [line] = capture.lines();
    assert.equal((line?.config as Record<string, unknown>).MicrosoftAppPassword, '[redacted]');
    assert.match(String(line?.msg), /mongodb:\/\/admin:\[redacted\]@db:27017/);
  });
});
