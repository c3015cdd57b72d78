import assert from 'node:assert/strict';
import { ADMIN_VERBS } from '../../cards/admin-verbs';
import { VERB_NAMES } from '../../cards/verbs';
import { examples } from '../../bot/i18n/examples';
import { COMMANDS, ROUTER, VERB_ROUTES } from '../../bot/router';
import { parseUserDate } from '../../bot/routing/dates';
import { fold, normaliseText, oneEditAway } from '../../bot/routing/normalise';
import { cleanNumberWord, splitNumbers } from '../../bot/routing/numbers';
import { readCommand } from '../../bot/routing/read-command';

describe('bot/router tables', () => {
  it('routes every verb declared in cards/verbs.ts (partner administration included), and only those', () => {
    assert.deepEqual([...VERB_ROUTES.map((v) => v.verb)].sort(), [...VERB_NAMES].sort());
    assert.ok(Object.keys(ADMIN_VERBS).every((v) => VERB_ROUTES.some((r) => r.verb === v)));
  });

  it('gives every verb a text twin that exists (no orphan verb)', () => {
    const ids = new Set([...COMMANDS.map((c) => c.id), 'email']);
    const orphans = VERB_ROUTES.filter((v) => !ids.has(v.twin)).map((v) => v.verb);
    assert.deepEqual(orphans, []);
    assert.ok(ROUTER.email.roles.length > 0, 'the email paste (twin of voucher.add) has roles');
  });

  it('has distinct English and French keywords, each folded once', () => {
    const words = COMMANDS.flatMap((c) => [fold(c.en), fold(c.fr)]);
    const clashes = words.filter(
      (w, i) => words.indexOf(w) !== i && COMMANDS.find((c) => fold(c.en) === w)?.id !== COMMANDS.find((c) => fold(c.fr) === w)?.id,
    );
    assert.deepEqual(clashes, []);
    for (const c of COMMANDS) assert.ok(c.roles.length > 0, c.id);
  });

  it("names each command by its aliases too, none of them another command's keyword or alias", () => {
    const owner = new Map<string, string>();
    for (const c of COMMANDS) {
      for (const word of [c.en, c.fr, ...(c.aliases ?? [])].map(fold)) {
        assert.ok(!owner.has(word) || owner.get(word) === c.id, `"${word}" names ${owner.get(word)} and ${c.id}`);
        owner.set(word, c.id);
      }
    }
    assert.equal(readCommand(COMMANDS, 'document DEMO-0001').entry?.id, 'voucher');
    assert.equal(readCommand(COMMANDS, 'Documents').entry?.id, 'vouchers');
    assert.equal(readCommand(COMMANDS, 'emplacements').entry?.id, 'locations');
    assert.equal(readCommand(COMMANDS, 'utiliser DEMO-0006').entry?.id, 'redeem');
  });

  it('reads the command past politeness, greetings, a slash and a mention, and keeps the arguments as typed', () => {
    for (const [text, id, args] of [
      ['please reserve DEMO-0001 FR-PAR', 'reserve', ['DEMO-0001', 'FR-PAR']],
      ['reserve DEMO-0001, please', 'reserve', ['DEMO-0001']],
      ["Pouvez-vous annuler DEMO-0004 client parti s'il vous plaît", 'cancel', ['DEMO-0004', 'client', 'parti']],
      ['can you show me the vouchers', 'vouchers', []],
      ['bonjour, montre-moi les bons réservés svp', 'vouchers', ['réservés']],
      ['/help', 'help', []],
      ['hi', 'help', []],
      ['<at>Voucher bot</at> bons', 'vouchers', []],
      ['\u200bvoucher demo 0001', 'voucher', ['demo', '0001']],
    ] as const) {
      const read = readCommand(COMMANDS, text);
      assert.equal(read.entry?.id, id, text);
      assert.deepEqual(read.args, args, text);
    }
    assert.equal(readCommand(COMMANDS, 'please please please').entry, undefined);
    assert.equal(readCommand(COMMANDS, 'the customer wants a voucher').entry, undefined, 'a sentence is not a command');
    assert.equal(
      readCommand(COMMANDS, 'please reserv DEMO-0001').keyword,
      'reserv',
      'a slip after politeness is what "did you mean" reads',
    );
    assert.equal(readCommand(COMMANDS, 'what can I do?').entry?.id, 'help');
    assert.equal(readCommand(COMMANDS, 'que puis-je faire ?').entry?.id, 'help');
  });

  it('sees a write typed any way as a write (applied once on redelivery)', () => {
    for (const text of [
      'please cancel DEMO-0004 offer-changed',
      'reschedule DEMO 0004 2027-01-11 2027-01-13',
      'Réclamation DEMO-0008 CLM-1',
      'refuser DEMO-0007 non',
    ]) {
      assert.equal(readCommand(COMMANDS, text).entry?.changes, true, text);
    }
  });

  it('puts numbers of a list back together', () => {
    assert.deepEqual(splitNumbers(['DEMO-0006,', 'DEMO-0008', 'and', 'demo', '0009']), ['DEMO-0006', 'DEMO-0008', 'demo 0009']);
    assert.deepEqual(splitNumbers(['DEMO-0006,DEMO-0008;DEMO-0009']), ['DEMO-0006', 'DEMO-0008', 'DEMO-0009']);
    assert.equal(cleanNumberWord('#DEMO\u20130001,'), 'DEMO-0001');
    assert.equal(cleanNumberWord('«DEMO-0001»'), 'DEMO-0001');
  });

  it('has an example of every command in both languages, which parses with that command', () => {
    for (const locale of ['en', 'fr'] as const) {
      for (const c of COMMANDS) {
        const example = examples[locale][c.id];
        assert.ok(example, `${locale} ${c.id}`);
        const n = normaliseText(example);
        assert.equal(n.keyword, fold(locale === 'fr' ? c.fr : c.en), `${locale} ${c.id}`);
        assert.ok(c.args(locale).safeParse(n.tokens.slice(1)).success, `${locale} example of ${c.id} parses`);
      }
    }
  });
});

describe('bot/routing normalisation', () => {
  it('removes case and accents for matching, and keeps what was typed for arguments', () => {
    const n = normaliseText('  RÉSERVER  demo-0001   Paris ');
    assert.equal(n.keyword, 'reserver');
    assert.deepEqual(n.tokens, ['RÉSERVER', 'demo-0001', 'Paris']);
    assert.equal(fold('Échanger'), 'echanger');
    assert.equal(normaliseText('e\u0301changer x').keyword, 'echanger', 'a decomposed accent folds the same');
  });

  it('suggests a keyword one edit away (insert, delete, substitute, swap) and nothing further', () => {
    const keywords = COMMANDS.map((c) => c.en);
    assert.deepEqual(oneEditAway('resreve', keywords), ['reserve']);
    assert.deepEqual(oneEditAway('vouchrs', keywords), ['vouchers']);
    assert.deepEqual(oneEditAway('hlep', keywords), ['help']);
    assert.deepEqual(oneEditAway('banana', keywords), []);
    assert.deepEqual(oneEditAway('x', keywords), []);
  });

  it('reads dates as YYYY-MM-DD or in the locale form, and refuses the rest', () => {
    assert.equal(parseUserDate('2026-03-15', 'en'), '2026-03-15');
    assert.equal(parseUserDate('3/15/2026', 'en'), '2026-03-15');
    assert.equal(parseUserDate('15/03/2026', 'fr'), '2026-03-15');
    assert.equal(parseUserDate('03/04/2026', 'fr'), '2026-04-03');
    assert.equal(parseUserDate('03/04/2026', 'en'), '2026-03-04');
    // Day first from an English client (en-GB sends English) is read when month first cannot be: never another day.
    assert.equal(parseUserDate('15/03/2026', 'en'), '2026-03-15');
    assert.equal(parseUserDate('3/15/2026', 'fr'), '2026-03-15');
    assert.equal(parseUserDate('13/13/2026', 'en'), null);
    // Other common ways: year first with slashes, day-month-year with hyphens in French, a two-digit year.
    assert.equal(parseUserDate('2026/03/15', 'fr'), '2026-03-15');
    assert.equal(parseUserDate('15-03-2026', 'fr'), '2026-03-15');
    assert.equal(parseUserDate('3-15-2026', 'en'), '2026-03-15');
    assert.equal(parseUserDate('15/03/26', 'fr'), '2026-03-15');
    assert.equal(parseUserDate('3/15/26', 'en'), '2026-03-15');
    assert.equal(parseUserDate('15/03/1999', 'fr'), null);
    assert.equal(parseUserDate('15/03/99', 'fr'), null);
    assert.equal(parseUserDate('2026-3-5', 'en'), null);
    assert.equal(parseUserDate('2026-02-30', 'en'), null);
    assert.equal(parseUserDate('tomorrow', 'fr'), null);
  });
});
