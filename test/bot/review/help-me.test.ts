import assert from 'node:assert/strict';
import { useTestDatabase } from '../../helpers/db';
import type { TurnResult } from '../../helpers/turn-driver';
import { assertGoodAnswer, cardsOf } from './answer-check';
import { useDemoWorld, type DemoWorld } from './demo-world';

/**
 * A new user's first hour, when things go wrong: a command with a word missing says which one,
 * how to write the command and an example; a word it cannot read is named (dates with the forms
 * accepted); an unknown number, the wrong role, a typo: each answer says what to do next, in
 * the user's language, with no Markdown shown raw.
 */
type Who = Parameters<DemoWorld['as']>[0];
const MISSING: Array<[Who, 'en' | 'fr', string, string, string]> = [
  ['lee', 'en', 'reserve', '<number>', 'reserve DEMO-0001'],
  ['lee', 'fr', 'réserver', '<numéro>', 'réserver DEMO-0001'],
  ['lee', 'en', 'voucher', '<number>', 'voucher DEMO-0001'],
  ['lee', 'fr', 'bon', '<numéro>', 'bon DEMO-0001'],
  ['lee', 'en', 'schedule DEMO-0004 1/11/2027', '<end>', 'schedule DEMO-0004'],
  ['lee', 'fr', 'planifier DEMO-0004 11/01/2027', '<fin>', 'planifier DEMO-0004'],
  ['lee', 'en', 'paid DEMO-0009', '<date>', 'paid DEMO-0009'],
  ['lee', 'fr', 'paye DEMO-0009', '<date>', 'payé DEMO-0009'],
  ['lee', 'en', 'cancel DEMO-0004', '<reason>', 'cancel DEMO-0004'],
  ['lee', 'fr', 'annuler DEMO-0004', '<motif>', 'annuler DEMO-0004'],
  ['lee', 'en', 'claim', '<number>', 'claim DEMO-0008'],
  ['lee', 'fr', 'terminer', '<numéro>', 'terminer DEMO-0005'],
  ['nestor', 'en', 'approve', '<number>', 'approve DEMO-0007'],
  ['nestor', 'fr', 'rejeter DEMO-0007', '<motif>', 'rejeter DEMO-0007'],
];

/** No Markdown the user would see raw: the card escapes what it binds, so bot text must not rely on `**`. */
function assertNoRawMarkdown(r: TurnResult, label: string): void {
  const json = JSON.stringify(cardsOf(r));
  assert.ok(!json.includes('\\\\*\\\\*'), `${label}: the user sees literal ** in ${r.readable}`);
}

describe('review: a command that cannot run says what is missing and what to do (demo data)', function () {
  this.timeout(30_000);
  const db = useTestDatabase('review-help-me');
  const world = useDemoWorld(db);
  const say = (who: Who, locale: 'en' | 'fr', text: string) =>
    world().drive.say(world().as(who, locale === 'fr' ? 'fr-FR' : 'en-US'), text);

  for (const [who, locale, text, missing, example] of MISSING) {
    it(`"${text}" (${locale}) names ${missing} and gives an example`, async () => {
      const r = await say(who, locale, text);
      assertGoodAnswer(r, locale, text);
      assert.ok(r.readable.includes(missing), `"${text}" does not say that ${missing} is missing: ${r.readable}`);
      assert.ok(r.readable.includes(example), `"${text}" gives no example: ${r.readable}`);
      assert.equal(world().turnLine(r.id)?.outcome, 'refused');
    });
  }

  it('a date it cannot read is named, with the forms it reads, in each language', async () => {
    const en = await say('lee', 'en', 'paid DEMO-0009 31/31/2026');
    assertGoodAnswer(en, 'en', 'bad date en');
    assert.match(en.readable, /"31\/31\/2026".*<date>/);
    assert.match(en.readable, /2026-03-15 or 3\/15\/2026/);
    const fr = await say('lee', 'fr', 'payé DEMO-0009 demain');
    assertGoodAnswer(fr, 'fr', 'bad date fr');
    assert.match(fr.readable, /« demain ».*<date>/);
    assert.match(fr.readable, /15\/03\/2026 ou 2026-03-15/);
  });

  it('an unknown voucher number says to check it, in each language', async () => {
    const en = await say('lee', 'en', 'voucher DEMO-9999');
    assertGoodAnswer(en, 'en', 'unknown en');
    assert.match(en.readable, /DEMO-9999/);
    assert.match(en.readable, /Check the number/);
    const fr = await say('lee', 'fr', 'réserver demo-9999');
    assertGoodAnswer(fr, 'fr', 'unknown fr');
    assert.match(fr.readable, /DEMO-9999/i);
    assert.match(fr.readable, /Vérifiez le numéro/);
  });

  it('a command for another role names who may use it, without raw Markdown', async () => {
    const en = await say('nestor', 'en', 'reserve DEMO-0001');
    assertGoodAnswer(en, 'en', 'manager reserves');
    assert.match(en.readable, /Only partner admins or staff may use "reserve"/);
    assertNoRawMarkdown(en, 'manager reserves');
    const fr = await say('lee', 'fr', 'approuver DEMO-0007 ok');
    assertGoodAnswer(fr, 'fr', 'staff approves');
    assert.match(fr.readable, /Seuls les responsables peuvent utiliser « approuver »/);
    assertNoRawMarkdown(fr, 'staff approves');
  });

  it('an English keyword one edit away gets "did you mean" for a French user too, and back', async () => {
    const fr = await say('lee', 'fr', 'reserv DEMO-0001');
    assertGoodAnswer(fr, 'fr', 'reserv fr');
    assert.ok(
      fr.buttons.some((b) => b.startsWith('Oui, ')),
      `no suggestion for a French user: ${fr.readable}`,
    );
    const en = await say('lee', 'en', 'planifer DEMO-0004');
    assertGoodAnswer(en, 'en', 'planifer en');
    assert.ok(
      en.buttons.some((b) => b.startsWith('Yes, ')),
      `no suggestion for an English user: ${en.readable}`,
    );
  });
});
