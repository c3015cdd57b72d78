import assert from 'node:assert/strict';
import { useTestDatabase } from '../../helpers/db';
import { assertGoodAnswer } from './answer-check';
import { useDemoWorld, type DemoWorld } from './demo-world';

/**
 * What staff type beyond the book (demo data, through /api/messages): a voucher number in any
 * case, in pieces, with a '#', quotes or a typographic dash; the source document's vocabulary
 * ("document" for a voucher); politeness, greetings, a slash, a mention left in the text;
 * connecting words between arguments. Each runs the command meant, in the user's language,
 * and the words after a number (location, dates, consultant) stay what they are.
 */
type Who = Parameters<DemoWorld['as']>[0];
const RUNS: Array<[Who, 'en' | 'fr', string, string, RegExp]> = [
  ['lee', 'en', 'voucher DEMO 0001', 'voucher', /Voucher DEMO-0001/],
  ['lee', 'en', 'voucher demo0001', 'voucher', /Voucher DEMO-0001/],
  ['lee', 'en', 'voucher #DEMO-0001', 'voucher', /Voucher DEMO-0001/],
  ['lee', 'en', 'voucher DEMO\u20130001', 'voucher', /Voucher DEMO-0001/],
  ['lee', 'en', 'voucher DEMO-0001 details', 'voucher', /Voucher DEMO-0001/],
  ['lee', 'fr', 'bon « DEMO 0001 »', 'voucher', /Bon DEMO-0001/],
  ['lee', 'fr', 'bon demo 0001.', 'voucher', /Bon DEMO-0001/],
  ['lee', 'en', 'document DEMO-0001', 'voucher', /Voucher DEMO-0001/],
  ['lee', 'fr', 'document DEMO-0001', 'voucher', /Bon DEMO-0001/],
  ['lee', 'fr', 'Document demo 0001', 'voucher', /Bon DEMO-0001/],
  ['lee', 'fr', 'documents', 'vouchers', /Bons : Tous/],
  ['lee', 'fr', 'documents réservés', 'vouchers', /Bons : Réservé/],
  ['lee', 'en', 'documents', 'vouchers', /Vouchers: All/],
  ['lee', 'fr', 'bons réservées', 'vouchers', /Bons : Réservé/],
  ['lee', 'fr', 'bons disponibles', 'vouchers', /Bons : Attribué/],
  ['lee', 'en', 'vouchers Litware', 'vouchers', /Voucher DEMO-0004/],
  ['lee', 'en', 'please show me the vouchers', 'vouchers', /Vouchers: All/],
  ['lee', 'fr', 'bonjour, montre-moi les bons svp', 'vouchers', /Bons : Tous/],
  ['lee', 'en', 'can you show me voucher DEMO 0004?', 'voucher', /Voucher DEMO-0004/],
  ['lee', 'en', '/help', 'help', /What you can do/],
  ['lee', 'en', 'hello', 'help', /What you can do/],
  ['lee', 'fr', 'Bonjour !', 'help', /Ce que vous pouvez faire/],
  ['lee', 'en', '<at>Voucher bot</at> vouchers', 'vouchers', /Vouchers: All/],
  ['lee', 'en', 'reserve DEMO 0001 FR-PAR', 'reserve', /Reserve voucher DEMO-0001/],
  ['lee', 'fr', 'reserver demo 0001 fr-par svp', 'reserve', /Réserver le bon DEMO-0001/],
  ['lee', 'fr', 'réserver le bon DEMO-0001 à Paris', 'reserve', /Réserver le bon DEMO-0001/],
  ['lee', 'en', 'Please reserve voucher DEMO-0001, thanks', 'reserve', /Reserve voucher DEMO-0001/],
  ['lee', 'fr', 'utiliser DEMO 0006', 'redeem', /Vérifier l'échange/],
  ['lee', 'en', 'redeem demo-0006.', 'redeem', /DEMO-0006/],
  ['lee', 'fr', 'terminer « DEMO-0005 »', 'complete', /DEMO-0005/],
  ['nestor', 'fr', 'approbation', 'approvals', /DEMO-0007/],
  ['lee', 'fr', 'liste des bons', 'vouchers', /Bons : Tous/],
  ['lee', 'fr', 'où en est le bon DEMO 0004 ?', 'voucher', /Bon DEMO-0004/],
  ['lee', 'en', 'what can I do?', 'help', /What you can do/],
  ['lee', 'fr', 'que puis-je faire ?', 'help', /Ce que vous pouvez faire/],
  ['lee', 'en', 'thanks!', 'thanks', /You are welcome/],
  ['lee', 'fr', 'merci beaucoup', 'thanks', /Avec plaisir/],
  ['lee', 'fr', 'Réservez le document DEMO-0001', 'reserve', /Réserver le bon DEMO-0001/],
  ['lee', 'en', 'DEMO-0004', 'voucher', /Voucher DEMO-0004/],
  ['lee', 'fr', 'bons à réserver', 'vouchers', /Bons : Attribué/],
  ['lee', 'en', 'vouchers for Litware', 'vouchers', /Voucher DEMO-0004/],
  ['lee', 'en', 'reserve DEMO-0004 XX-NOPE', 'reserve', /not possible on voucher DEMO-0004 now/],
  ['lee', 'fr', 'demo 0004 ?', 'voucher', /Bon DEMO-0004/],
  ['lee', 'fr', 'terminez DEMO 0005', 'complete', /DEMO-0005/],
  ['adele', 'en', 'approvals channel here please', 'approvals-channel', /channel/],
  ['adele', 'fr', 'svp canal approbations ici', 'approvals-channel', /canal/],
];

describe('review: numbers, words and phrasings as staff type them (demo data, /api/messages)', function () {
  this.timeout(30_000);
  const db = useTestDatabase('review-phrasing');
  const world = useDemoWorld(db);
  const say = (who: Who, locale: 'en' | 'fr', text: string) =>
    world().drive.say(world().as(who, locale === 'fr' ? 'fr-FR' : 'en-US'), text);

  for (const [who, locale, text, command, reads] of RUNS) {
    it(`${who} (${locale}) "${text}" runs ${command}`, async () => {
      const r = await say(who, locale, text);
      assertGoodAnswer(r, locale, text);
      const line = world().turnLine(r.id);
      assert.equal(
        line?.command,
        command,
        `"${text}" ran ${String(line?.command)} (${String(line?.outcome)}): ${r.readable.slice(0, 300)}`,
      );
      assert.equal(line?.outcome, 'ok', `"${text}": ${r.readable.slice(0, 300)}`);
      assert.match(r.readable, reads, `"${text}": ${r.readable.slice(0, 300)}`);
    });
  }

  it('a location typed after a number in pieces stays the location: the form offers it first', async () => {
    const r = await say('lee', 'en', 'reserve demo 0001 fr-par');
    assert.equal(r.inputs.locationId, 'FR-PAR', JSON.stringify(r.inputs));
  });

  it('an unknown location is named, with the locations this person can reserve under and an example, in each language; no form', async () => {
    const fr = await say('lee', 'fr', 'réserver DEMO-0001 XX-NOPE');
    assertGoodAnswer(fr, 'fr', 'unknown location fr');
    assert.match(fr.readable, /« XX-NOPE »/);
    assert.match(fr.readable, /FR-PAR \(Paris, FR\)/);
    assert.match(fr.readable, /réserver DEMO-0001 FR-PAR/);
    assert.equal(fr.inputs.locationId, undefined, 'no reservation form');
    const en = await say('lee', 'en', 'reserve DEMO 0001 XX-NOPE');
    assertGoodAnswer(en, 'en', 'unknown location en');
    assert.match(en.readable, /"XX-NOPE"/);
    assert.match(en.readable, /FR-PAR \(Paris, FR\)/);
    assert.match(en.readable, /reserve DEMO-0001 FR-PAR/);
    assert.equal(en.inputs.locationId, undefined, 'no reservation form');
  });

  it('a location of the partner that this person cannot use says so, with the ones they can', async () => {
    const r = await say('lee', 'en', 'reserve DEMO-0001 US-SEA');
    assertGoodAnswer(r, 'en', 'other location');
    assert.match(r.readable, /US-SEA cannot take voucher DEMO-0001/);
    assert.match(r.readable, /FR-PAR \(Paris, FR\)/);
    const fr = await say('lee', 'fr', 'réserver DEMO-0001 Seattle');
    assertGoodAnswer(fr, 'fr', 'other location fr');
    assert.match(fr.readable, /Le site US-SEA ne peut pas prendre le bon DEMO-0001/);
  });

  it('a date it cannot read is quoted with the forms it reads, in each language, wherever it stands', async () => {
    for (const [locale, text, quoted, hint] of [
      ['fr', 'planifier DEMO-0004 demain 13/01/2027', /« demain » comme \\?<début>/, /15\/03\/2026 ou 2026-03-15/],
      ['fr', 'planifier DEMO-0004 11/01/2027 vendredi', /« vendredi » comme \\?<fin>/, /15\/03\/2026 ou 2026-03-15/],
      ['fr', 'payé DEMO 0009 le 32/12/2026', /« 32\/12\/2026 » comme \\?<date>/, /15\/03\/2026 ou 2026-03-15/],
      ['en', 'schedule DEMO-0004 tomorrow 2027-01-13', /"tomorrow" as \\?<start>/, /2026-03-15 or 3\/15\/2026/],
      ['en', 'schedule DEMO 0004 from 2027-01-11 to friday', /"friday" as \\?<end>/, /2026-03-15 or 3\/15\/2026/],
    ] as const) {
      const r = await say('lee', locale, text);
      assertGoodAnswer(r, locale, text);
      assert.match(r.readable, quoted, `${text}: ${r.readable}`);
      assert.match(r.readable, hint, `${text}: ${r.readable}`);
      assert.equal(world().turnLine(r.id)?.outcome, 'refused');
    }
  });

  it('help about one command shows that command only, in each language', async () => {
    const en = await say('lee', 'en', 'help with reserve');
    assertGoodAnswer(en, 'en', 'help reserve');
    assert.match(en.readable, /reserve \\?<number> \[location\]/);
    assert.doesNotMatch(en.readable, /schedule \\?<number>/);
    const fr = await say('lee', 'fr', 'aide reserver');
    assertGoodAnswer(fr, 'fr', 'aide reserver');
    assert.match(fr.readable, /réserver \\?<numéro> \[site\]/);
    assert.doesNotMatch(fr.readable, /planifier \\?<numéro>/);
  });

  it('a slip after politeness still gets "did you mean", in each language', async () => {
    const en = await say('lee', 'en', 'please reserv DEMO-0001');
    assertGoodAnswer(en, 'en', 'please reserv');
    assert.ok(en.buttons.includes('Yes, reserve DEMO-0001'), en.buttons.join(', '));
    const fr = await say('lee', 'fr', 'svp resrever DEMO-0001');
    assertGoodAnswer(fr, 'fr', 'svp resrever');
    assert.ok(fr.buttons.includes('Oui, réserver DEMO-0001'), fr.buttons.join(', '));
    const synonym = await say('lee', 'fr', 'documnet DEMO-0001');
    assertGoodAnswer(synonym, 'fr', 'documnet');
    assert.ok(synonym.buttons.includes('Oui, bon DEMO-0001'), synonym.buttons.join(', '));
  });

  it('an unknown number typed alone says that no such voucher was found, in each language; a date alone is not a number', async () => {
    for (const [locale, said] of [
      ['en', /No voucher DEMO-9999 was found/],
      ['fr', /Aucun bon DEMO-9999 trouvé/],
    ] as const) {
      const r = await say('lee', locale, 'DEMO-9999');
      assertGoodAnswer(r, locale, 'DEMO-9999 alone');
      assert.match(r.readable, said);
      assert.equal(world().turnLine(r.id)?.outcome, 'refused');
    }
    const date = await say('lee', 'en', '2027-01-11');
    assertGoodAnswer(date, 'en', 'a date alone');
    assert.match(date.readable, /Type help/);
  });

  it('an unknown number typed in pieces is named whole', async () => {
    const r = await say('lee', 'fr', 'réserver demo 9999 FR-PAR');
    assertGoodAnswer(r, 'fr', 'unknown in pieces');
    assert.match(r.readable, /Aucun bon demo 9999 trouvé/i);
  });
});
