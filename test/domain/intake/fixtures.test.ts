import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseVoucherEmail } from '../../../domain/intake/parse-voucher-email';
import { voucherParseResultSchema, type IntakeVerdict } from '../../../domain/intake/types';

/**
 * Every email in test/fixtures/emails with its expected JSON: either the contract's object
 * (a Planning Services voucher notice, exit 0) or {"exitCode": 2, "verdict": ...}.
 */
const FIXTURE_DIR = join(__dirname, '..', '..', 'fixtures', 'emails');

interface Fixture {
  name: string;
  input: string;
  expected: Record<string, unknown>;
}

function loadFixtures(): Fixture[] {
  const files = readdirSync(FIXTURE_DIR);
  return files
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => {
      const name = f.slice(0, -'.expected.json'.length);
      const input = files.find((g) => g !== f && g.startsWith(`${name}.`) && !g.endsWith('.expected.json'));
      assert.ok(input, `fixture ${name} has no input file`);
      return {
        name,
        input: join(FIXTURE_DIR, input),
        expected: JSON.parse(readFileSync(join(FIXTURE_DIR, f), 'utf8')) as Record<string, unknown>,
      };
    });
}

describe('voucher email fixtures', () => {
  const fixtures = loadFixtures();

  it('has at least 40 fixtures, each with an expected JSON', () => {
    assert.ok(fixtures.length >= 40, `only ${fixtures.length} fixtures`);
  });

  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      const analysis = await analyseVoucherEmail(readFileSync(fixture.input));
      voucherParseResultSchema.parse(analysis.result);
      if (fixture.expected.exitCode === 2) {
        assert.equal(analysis.verdict, fixture.expected.verdict as IntakeVerdict);
        return;
      }
      assert.equal(analysis.verdict, 'planning_voucher');
      assert.deepEqual(analysis.result, fixture.expected);
    });
  }
});
