import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { voucherParseResultSchema } from '../../../domain/intake/types';

/** The command of "Contract: voucher email parsing": stdout JSON and exit 0, or one stderr line and exit 2. */
const ROOT = join(__dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'emails');

function run(file: string, input?: Buffer): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'tools', 'voucher-parse.ts'), file], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
    input,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function assertRefused(r: ReturnType<typeof run>, wording: RegExp): void {
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, 1, `stderr is not one line: ${r.stderr}`);
  assert.match(lines[0] ?? '', wording);
  assert.doesNotMatch(r.stderr, /\n\s+at |Error:/);
}

describe('voucher:parse command', function () {
  this.timeout(60_000);

  it('prints the contract JSON and exits 0 for a voucher notice', () => {
    const r = run(join(FIXTURES, 'en-outlook-forward.txt'));
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    const json = voucherParseResultSchema.parse(JSON.parse(r.stdout));
    assert.equal(json.voucherNumber, '3HQ7-K2LM-88ZT');
    assert.deepEqual(Object.keys(json), [
      'voucherNumber',
      'program',
      'days',
      'customerName',
      'agreementNumber',
      'voucherAdminEmail',
      'assignedOn',
      'expiresOn',
      'confidence',
      'missing',
    ]);
  });

  it('runs through npm exactly as the contract writes it', () => {
    const r = spawnSync('npm', ['run', '--silent', 'voucher:parse', '--', join(FIXTURES, 'de-outlook-forward.txt')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(r.status, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as { voucherNumber: string }).voucherNumber, 'FAB-DE-0403-1199');
  });

  it('reads the email from standard input with "-", through npm as the contract writes it', () => {
    const email = readFileSync(join(FIXTURES, 'fr-seed-vocabulary-document.txt'));
    const r = spawnSync('npm', ['run', '--silent', 'voucher:parse', '--', '-'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000,
      input: email,
    });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    const expected: unknown = JSON.parse(readFileSync(join(FIXTURES, 'fr-seed-vocabulary-document.expected.json'), 'utf8'));
    assert.deepEqual(voucherParseResultSchema.parse(JSON.parse(r.stdout)), expected);
  });

  it('reads raw MIME bytes from standard input exactly as from the file', () => {
    const file = join(FIXTURES, 'fr-latin1-qp.eml');
    const fromFile = run(file);
    const fromStdin = run('-', readFileSync(file));
    assert.equal(fromStdin.status, 0, fromStdin.stderr);
    assert.equal(fromStdin.stdout, fromFile.stdout);
  });

  it('exits 2 with one line for an ordinary email, an empty input or a training voucher on standard input', () => {
    assertRefused(run('-', readFileSync(join(FIXTURES, 'en-ordinary-email.txt'))), /no voucher number/);
    assertRefused(run('-', Buffer.alloc(0)), /no voucher number/);
    assertRefused(run('-', readFileSync(join(FIXTURES, 'en-training-satv.txt'))), /training voucher \(SATV\)/);
  });

  it('exits 2 with one line for an ordinary email', () => {
    assertRefused(run(join(FIXTURES, 'en-ordinary-email.txt')), /no voucher number/);
  });

  it('exits 2 with one line for a training voucher (SATV)', () => {
    assertRefused(run(join(FIXTURES, 'en-training-satv.txt')), /training voucher \(SATV\)/);
  });

  it('exits 2 with one line for a cancelled voucher, binary garbage, an empty file or a missing file', () => {
    assertRefused(run(join(FIXTURES, 'en-only-cancelled.txt')), /cancelled/);
    assertRefused(run(join(FIXTURES, 'binary-garbage.bin')), /not a readable email/);
    assertRefused(run(join(FIXTURES, 'empty.txt')), /no voucher number/);
    assertRefused(run(join(FIXTURES, 'does-not-exist.eml')), /cannot read file/);
  });

  it('exits 2 without a stack trace for a corrupt Outlook file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'voucher-parse-'));
    const file = join(dir, 'corrupt.msg');
    writeFileSync(file, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600, 0xff)]));
    assertRefused(run(file), /voucher:parse: /);
  });
});
