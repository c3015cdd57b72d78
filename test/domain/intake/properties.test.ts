import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyseVoucherEmail, parseVoucherText } from '../../../domain/intake/parse-voucher-email';
import { voucherParseResultSchema } from '../../../domain/intake/types';

/** Properties of the parser over arbitrary and generated input (the "Tests" section). */
const PROGRAMS = [
  [
    'AZDPS',
    'Azure Deployment Planning Services',
    'Services de planification du déploiement Azure',
    'Planungsdienste für die Azure-Bereitstellung',
    'Servicios de planificación de la implementación de Azure',
  ],
  [
    'SDPS',
    'SharePoint Deployment Planning Services',
    'Services de planification du déploiement SharePoint',
    'Planungsdienste für die SharePoint-Bereitstellung',
    'Servicios de planificación de la implementación de SharePoint',
  ],
  [
    'SEDPS',
    'Lync and Exchange DPS',
    'Services de planification du déploiement Skype Entreprise et Exchange',
    'Planungsdienste für die Skype for Business- und Exchange-Bereitstellung',
    'Servicios de planificación de la implementación de Skype Empresarial y Exchange',
  ],
] as const;

const LABELS = [
  ['Voucher number', 'Program', 'Number of days', 'Customer name', 'Agreement number', 'Voucher administrator', 'Created on'],
  ['Numéro de bon', 'Programme', 'Nombre de jours', 'Nom du client', 'Numéro de contrat', 'Administrateur des bons', 'Date de création'],
  ['Gutscheinnummer', 'Programm', 'Anzahl der Tage', 'Kundenname', 'Vertragsnummer', 'Gutscheinadministrator', 'Erstellt am'],
  [
    'Número de cupón',
    'Programa',
    'Número de días',
    'Nombre del cliente',
    'Número de contrato',
    'Administrador de vales',
    'Fecha de creación',
  ],
] as const;

const notice = fc.record({
  lang: fc.integer({ min: 0, max: 3 }),
  program: fc.integer({ min: 0, max: 2 }),
  voucher: fc.stringMatching(/^[A-Z]{3}-[0-9]{4}-[A-Z0-9]{4}$/),
  days: fc.constantFrom(1, 3, 5, 10, 15),
  customer: fc.stringMatching(/^[A-Z][a-z]{2,10}( [A-Z][a-z]{2,10}){0,2}$/),
  agreement: fc.stringMatching(/^[0-9]{8}$/),
  admin: fc.stringMatching(/^[a-z]{2,8}@[a-z]{3,8}\.example$/),
  date: fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }),
  chatter: fc.array(fc.stringMatching(/^[a-z ,.]{0,60}$/), { maxLength: 4 }),
});

type Notice = typeof notice extends fc.Arbitrary<infer T> ? T : never;

function render(n: Notice): { text: string; iso: string } {
  const labels = LABELS[n.lang] ?? LABELS[0];
  const program = PROGRAMS[n.program] ?? PROGRAMS[0];
  const iso = n.date.toISOString().slice(0, 10);
  const body = [
    ...n.chatter,
    '',
    `${labels[0]}: ${n.voucher}`,
    `${labels[1]}: ${program[n.lang + 1]}`,
    `${labels[2]}: ${n.days}`,
    `${labels[3]}: ${n.customer}`,
    `${labels[4]}: ${n.agreement}`,
    `${labels[5]}: ${n.admin}`,
    `${labels[6]}: ${iso}`,
  ];
  return { text: body.join('\n'), iso };
}

describe('voucher email parser properties', () => {
  it('never throws on arbitrary strings and always returns the contract shape', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 2000 }), (s) => {
        voucherParseResultSchema.parse(parseVoucherText(s).result);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary bytes, raw MIME-looking or not', async () => {
    const header = fc.constantFrom(
      '',
      'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n',
      'Content-Type: text/html\r\n\r\n<table><tr><td>',
    );
    await fc.assert(
      fc.asyncProperty(header, fc.uint8Array({ maxLength: 3000 }), async (h, bytes) => {
        const analysis = await analyseVoucherEmail(Buffer.concat([Buffer.from(h), Buffer.from(bytes)]));
        voucherParseResultSchema.parse(analysis.result);
      }),
      { numRuns: 150 },
    );
  });

  it('reads generated notices in the four languages', () => {
    fc.assert(
      fc.property(notice, (n) => {
        const { text, iso } = render(n);
        const r = parseVoucherText(text).result;
        assert.equal(r.voucherNumber, n.voucher);
        assert.equal(r.program, (PROGRAMS[n.program] ?? PROGRAMS[0])[0]);
        assert.equal(r.days, n.days);
        assert.equal(r.customerName, n.customer);
        assert.equal(r.agreementNumber, n.agreement);
        assert.equal(r.voucherAdminEmail, n.admin);
        assert.equal(r.assignedOn, iso);
        assert.deepEqual(r.missing, []);
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on line endings or surrounding whitespace', () => {
    const pad = fc.stringMatching(/^[ \t\r\n]{0,6}$/);
    fc.assert(
      fc.property(notice, pad, pad, fc.constantFrom('\n', '\r\n', '\r'), (n, before, after, eol) => {
        const { text } = render(n);
        const reference = parseVoucherText(text);
        const variant = parseVoucherText(before + text.split('\n').join(eol) + after);
        assert.deepEqual(variant.result, reference.result);
        assert.equal(variant.verdict, reference.verdict);
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on line endings for arbitrary text either', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 80 }), { maxLength: 20 }), (lines) => {
        const clean = lines.map((l) => l.replace(/[\r\n]/g, ' '));
        assert.deepEqual(parseVoucherText(clean.join('\r\n')).result, parseVoucherText(`  ${clean.join('\n')}\n\n`).result);
      }),
      { numRuns: 200 },
    );
  });
});

describe('voucher email parser robustness', () => {
  const WORDS = [
    'Voucher',
    'number',
    'Gutscheinnummer',
    'ID de document',
    'Numéro',
    'de',
    'bon',
    'Status',
    'cancelled',
    'Kunde',
    '/',
    ':',
    ' - ',
    '\t',
    '   ',
    '|',
    'administrator',
    'jane@contoso.example',
    '(',
    ')',
    ',',
    'ABCD-1234-EF56',
    '2026-03-04',
    '15',
    'Planungsgutscheinverwalterinnen',
    'n°',
    '#',
    'days',
  ];

  it('never throws on label-like text with 10,000-character lines', () => {
    const line = fc
      .array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 12 })), { maxLength: 40 })
      .map((parts) => parts.join(' '));
    const long = line.map((l) => (l + ' ').repeat(Math.ceil(10_000 / (l.length + 1))).slice(0, 10_000));
    fc.assert(
      fc.property(fc.array(fc.oneof(line, long), { maxLength: 30 }), (lines) => {
        voucherParseResultSchema.parse(parseVoucherText(lines.join('\n')).result);
      }),
      { numRuns: 150 },
    );
  });

  /** The fastest of three parses, so a busy machine does not decide the result. */
  function fastestMs(text: string): number {
    let best = Infinity;
    for (let i = 0; i < 3; i += 1) {
      const started = process.hrtime.bigint();
      parseVoucherText(text);
      best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
    }
    return best;
  }

  it('takes time linear in the number of labelled lines, not quadratic', function () {
    this.timeout(60_000);
    const block = [
      'Voucher number: ABCD-1234-EF56',
      'Voucher status: active',
      'Customer name\tContoso',
      'Days to expiry: 12',
      'Your voucher administrator, Jane Doe (jane@contoso.example), assigned it.',
      'Planungsgutscheinnummerierung ist unbekannt',
      `Program   SQL Server DPS   10   ${'x'.repeat(200)}`,
    ].join('\n');
    const small = fastestMs(`${block}\n`.repeat(300));
    const large = fastestMs(`${block}\n`.repeat(1200));
    // Four times the lines: a linear parser takes about four times as long, a quadratic one sixteen.
    assert.ok(large < small * 9 + 50, `300 blocks: ${small.toFixed(1)} ms, 1200 blocks: ${large.toFixed(1)} ms`);
  });
});
