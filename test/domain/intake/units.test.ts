import assert from 'node:assert/strict';
import { readDate, resolveDates } from '../../../domain/intake/dates';
import { parseVoucherText, analyseVoucherEmail } from '../../../domain/intake/parse-voucher-email';
import { matchProgramValue } from '../../../domain/intake/programs';
import { sanitizeForCard } from '../../../domain/intake/sanitize';
import { readDays, readVoucherNumber } from '../../../domain/intake/values';

/** Table-driven checks of the readers the fixtures rely on, and the hostile-input bounds. */
describe('intake readers', () => {
  const dates: Array<[string, 'monthFirst' | 'dayFirst', string]> = [
    ['2026-03-04', 'monthFirst', '2026-03-04'],
    ['2026-03-04T10:00:00Z', 'dayFirst', '2026-03-04'],
    ['03/04/2026', 'monthFirst', '2026-03-04'],
    ['03/04/2026', 'dayFirst', '2026-04-03'],
    ['13/04/2026 10:15', 'monthFirst', '2026-04-13'],
    ['04.03.2026', 'monthFirst', '2026-03-04'],
    ['4/3/26', 'dayFirst', '2026-03-04'],
    ['Wednesday, March 4, 2026', 'dayFirst', '2026-03-04'],
    ['4th March 2026', 'monthFirst', '2026-03-04'],
    ['mercredi 4 mars 2026', 'monthFirst', '2026-03-04'],
    ['1er févr. 2026', 'monthFirst', '2026-02-01'],
    ['Mittwoch, 4. März 2026', 'monthFirst', '2026-03-04'],
    ['4. Mrz. 2026', 'monthFirst', '2026-03-04'],
    ['miércoles, 4 de marzo de 2026', 'monthFirst', '2026-03-04'],
    ['04-mar-2026', 'monthFirst', '2026-03-04'],
    ['17 dic 2026', 'monthFirst', '2026-12-17'],
  ];
  for (const [text, order, iso] of dates) {
    it(`reads the date "${text}" (${order})`, () => {
      assert.equal(resolveDates(readDate(text), null, order).assignedOn, iso);
    });
  }

  it('refuses impossible dates and values without a date', () => {
    for (const text of ['31/02/2026', '2026-13-45', 'see below', '10 days']) assert.equal(readDate(text), null, text);
  });

  it('settles an ambiguous pair by the 180-day validity before the language', () => {
    const r = resolveDates(readDate('01/02/2026'), readDate('07/01/2026'), 'dayFirst');
    assert.deepEqual([r.assignedOn, r.expiresOn], ['2026-01-02', '2026-07-01']);
  });

  const programs: Array<[string, string | null]> = [
    ['S&EDPS', 'SEDPS'],
    ['Lync', 'SEDPS'],
    ['Exchange Deployment Planning Services', 'SEDPS'],
    ['Sharepiont Deployment Planning Services', 'SDPS'],
    ['Windows Server / Hyper-V planning', 'PVDPS'],
    ['Dynamics CRM Deployment Planning Services', null],
    ['Office 365 and Exchange Online', null],
    ['Servicios de planificación de la implementación de escritorio', 'DDPS'],
    ['Software Assurance', null],
  ];
  for (const [value, code] of programs) {
    it(`matches the program "${value}" to ${String(code)}`, () => assert.equal(matchProgramValue(value).code, code));
  }

  it('reads days and refuses lengths outside the catalog', () => {
    assert.equal(readDays('five (5) days').days, 5);
    assert.equal(readDays('fünfzehn Tage').days, 15);
    assert.equal(readDays('diez días').days, 10);
    assert.deepEqual(readDays('7 days'), { days: null, outOfCatalog: true });
  });

  it('normalises voucher numbers and stops at prose', () => {
    assert.equal(readVoucherNumber(' ab12 cd34-ef56 '), 'AB12CD34-EF56');
    assert.equal(readVoucherNumber('1234 was cancelled'), null);
    assert.equal(readVoucherNumber('see below'), null);
  });
});

describe('intake hostile input', () => {
  it('escapes Markdown, templating and control characters for cards', () => {
    const safe = sanitizeForCard('**x** [a](http://e) ${evil} <b>\u0007\u202Eend') ?? '';
    assert.equal(safe, '\\*\\*x\\*\\* \\[a\\]\\(http://e\\) \\$\\{evil\\} \\<b\\> end');
    assert.ok((sanitizeForCard('y'.repeat(10_000)) ?? '').length <= 200);
    assert.equal(sanitizeForCard(null), null);
  });

  it('exports sanitised fields with every analysis', async () => {
    const a = await analyseVoucherEmail('Voucher number: AB-123456\nProgram: SDPS\nCustomer: *Evil* ${x}\n');
    assert.equal(a.sanitized.customerName, '\\*Evil\\* \\$\\{x\\}');
  });

  it('stays fast on 10,000-character lines and a 2 MB email', async () => {
    const line = 'Voucher number: '.repeat(700);
    const big = `${'x'.repeat(10_000)}\n${line}\n`.repeat(180) + 'Voucher number: BIG-123456\nProgram: SDPS\n';
    const started = process.hrtime.bigint();
    const a = await analyseVoucherEmail(Buffer.from(big));
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.equal(a.result.voucherNumber, 'BIG-123456');
    assert.ok(ms < 2000, `took ${ms} ms`);
  });

  it('reads HTML bodies and ignores what their scripts and styles hold', () => {
    const html =
      '<html><head><style>p{}</style><script>document.write("Voucher number: EVIL-0000-01")</script></head><body><p>Voucher number: GOOD-1111-22</p><p>Program: SDPS</p></body></html>';
    assert.equal(parseVoucherText(html).result.voucherNumber, 'GOOD-1111-22');
    assert.equal(parseVoucherText(html.replace('GOOD-1111-22', '')).result.voucherNumber, null);
  });
});
