import assert from 'node:assert/strict';
import { useTestDatabase } from '../../helpers/db';
import { assertGoodAnswer } from './answer-check';
import { useDemoWorld, type DemoWorld } from './demo-world';

/**
 * A form is shown only when the domain allows its action now for this person: "complete" on an
 * assigned voucher, "claim" on a paid one, "reserve" on an expired one, "schedule" by staff of
 * another location get the voucher's card with a line saying so, never a form that can only be refused.
 */
type Who = Parameters<DemoWorld['as']>[0];
const NOT_NOW: Array<[Who, 'en' | 'fr', string, RegExp, string]> = [
  ['lee', 'fr', 'terminer DEMO-0001', /« terminer » n'est pas possible sur le bon DEMO-0001 maintenant \(état : Attribué\)/, 'summary'],
  ['lee', 'en', 'claim DEMO-0010', /"claim" is not possible on voucher DEMO-0010 now \(state: Paid\)/, 'claimNumber'],
  ['lee', 'en', 'reserve DEMO-0011', /"reserve" is not possible on voucher DEMO-0011 now \(state: Expired\)/, 'termsAccepted'],
  ['megan', 'fr', 'planifier DEMO-0004', /« planifier » n'est pas possible sur le bon DEMO-0004/, 'start'],
  ['lee', 'fr', 'annuler DEMO-0001 offer-changed', /Impossible/, 'reason'],
];

describe('review: no form for an action the domain does not allow now (demo data)', function () {
  this.timeout(30_000);
  const db = useTestDatabase('review-not-now');
  const world = useDemoWorld(db);

  for (const [who, locale, text, says, input] of NOT_NOW) {
    it(`${who} (${locale}) "${text}" gets the voucher card with what is possible, not the form`, async () => {
      const { drive, as } = world();
      const r = await drive.say(as(who, locale === 'fr' ? 'fr-FR' : 'en-US'), text);
      assertGoodAnswer(r, locale, text);
      assert.match(r.readable, says);
      assert.ok(!(input in r.inputs), `a form was shown: ${r.readable.slice(0, 300)}`);
    });
  }

  it('the forms still open when the action is possible (complete a started engagement, claim a redeemed voucher, reserve an assigned one)', async () => {
    const { drive, as } = world();
    for (const [text, input] of [
      ['terminer DEMO-0005', 'summary'],
      ['claim DEMO-0008', 'claimNumber'],
      ['reserve DEMO-0001', 'termsAccepted'],
      ['planifier DEMO-0004', 'start'],
    ] as const) {
      const r = await drive.say(as('lee', text.startsWith('t') || text.startsWith('p') ? 'fr-FR' : 'en-US'), text);
      assert.ok(input in r.inputs, `"${text}" shows no form: ${r.readable.slice(0, 300)}`);
    }
  });
});
