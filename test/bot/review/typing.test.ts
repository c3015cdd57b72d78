import assert from 'node:assert/strict';
import { useTestDatabase } from '../../helpers/db';
import { assertGoodAnswer } from './answer-check';
import { useDemoWorld, type DemoWorld } from './demo-world';

/**
 * A new user's first hour with the demo data: commands typed as people type them (capitals,
 * accents left out, extra spaces, a trailing period, lower-case voucher numbers, dates in the
 * user's form). Each must run the command it names, answered well in the user's language.
 */
type Who = Parameters<DemoWorld['as']>[0];
const CASES: Array<[Who, 'en' | 'fr', string, string]> = [
  ['lee', 'en', 'HELP', 'help'],
  ['lee', 'en', 'Help.', 'help'],
  ['lee', 'en', 'help?', 'help'],
  ['lee', 'fr', 'Aide', 'help'],
  ['lee', 'en', '  vouchers   reserved  ', 'vouchers'],
  ['lee', 'en', 'Vouchers Reserved', 'vouchers'],
  ['lee', 'fr', 'bons réservé', 'vouchers'],
  ['lee', 'fr', 'bons reserve', 'vouchers'],
  ['lee', 'fr', 'bons réservés', 'vouchers'],
  ['lee', 'en', 'voucher demo-0001', 'voucher'],
  ['lee', 'en', 'voucher DEMO-0001.', 'voucher'],
  ['lee', 'fr', 'Bon demo-0001', 'voucher'],
  ['lee', 'fr', 'reserver DEMO-0001', 'reserve'],
  ['lee', 'fr', 'RÉSERVER demo-0001 fr-par', 'reserve'],
  ['lee', 'en', 'Reserve DEMO-0001 FR-PAR.', 'reserve'],
  ['lee', 'fr', 'echanger DEMO-0006', 'redeem'],
  ['lee', 'fr', 'Échanger demo-0006', 'redeem'],
  ['lee', 'fr', 'terminer DEMO-0005', 'complete'],
  ['lee', 'fr', 'reclamer DEMO-0008 CLM-77', 'claim'],
  ['nestor', 'fr', 'approbations', 'approvals'],
  ['nestor', 'en', 'Approvals.', 'approvals'],
];

describe('review: commands typed the way people type them (demo data, /api/messages)', function () {
  this.timeout(30_000);
  const db = useTestDatabase('review-typing');
  const world = useDemoWorld(db);

  for (const [who, locale, text, command] of CASES) {
    it(`${who} (${locale}) "${text}" runs ${command}`, async () => {
      const { drive, as, turnLine } = world();
      const r = await drive.say(as(who, locale === 'fr' ? 'fr-FR' : 'en-US'), text);
      assertGoodAnswer(r, locale, text);
      const line = turnLine(r.id);
      assert.equal(
        line?.command,
        command,
        `"${text}" ran ${String(line?.command)} (${String(line?.outcome)}): ${r.readable.slice(0, 300)}`,
      );
      assert.equal(line?.outcome, 'ok', `"${text}": ${r.readable.slice(0, 300)}`);
    });
  }
});
