import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findAdminInSentences } from '../../../domain/intake/admin-sentence';
import { matchLabel } from '../../../domain/intake/labels';
import { parseVoucherText } from '../../../domain/intake/parse-voucher-email';
import { readAgreementNumber, readVoucherNumber } from '../../../domain/intake/values';

/**
 * Label matching by words, not strings. The wordings below are written here, independently of
 * the parser's lexicon, as a customer or a mail template might print them; none is a fixture label.
 */
type Field = 'voucherNumber' | 'program' | 'days' | 'customerName' | 'agreementNumber' | 'voucherAdminEmail' | 'assignedOn' | 'expiresOn';

const LABELS: ReadonlyArray<[string, Field | null]> = [
  ['Voucher Ref.', 'voucherNumber'],
  ['SA voucher key', 'voucherNumber'],
  ['Document number', 'voucherNumber'],
  ['Identifiant du document', 'voucherNumber'],
  ['Numéro du bon client', 'voucherNumber'],
  ['Code du coupon', 'voucherNumber'],
  ['Gutscheinkennung', 'voucherNumber'],
  ['Beratungsgutschein-Nummer', 'voucherNumber'],
  ['Referencia del cupón', 'voucherNumber'],
  ['Name of the program', 'program'],
  ['Planning service type', 'program'],
  ['Intitulé de la prestation', 'program'],
  ['Art des Gutscheins', 'program'],
  ['Dienstleistung', 'program'],
  ['Nombre del programa', 'program'],
  ['Tipo de documento', 'program'],
  ['Total planning days', 'days'],
  ['Engagement length', 'days'],
  ['Nb de jours de planification', 'days'],
  ['Valeur du document', 'days'],
  ['Anzahl der Planungstage', 'days'],
  ['Días de planificación incluidos', 'days'],
  ['Umfang in Tagen', 'days'],
  ['Cantidad de días de planificación', 'days'],
  ['Organisation name', 'customerName'],
  ['End customer', 'customerName'],
  ["Nom de l'entreprise", 'customerName'],
  ['Firmenname', 'customerName'],
  ['Name des Unternehmens', 'customerName'],
  ['Nombre de la empresa', 'customerName'],
  ['Master agreement ID', 'agreementNumber'],
  ['Enrolment no.', 'agreementNumber'],
  ["Numéro d'adhésion", 'agreementNumber'],
  ['Lizenzvereinbarungsnummer', 'agreementNumber'],
  ['Anmeldenummer', 'agreementNumber'],
  ['Número de acuerdo', 'agreementNumber'],
  ['Benefits admin contact', 'voucherAdminEmail'],
  ['Adresse électronique du gestionnaire des bons', 'voucherAdminEmail'],
  ['Gutscheinverwalterin', 'voucherAdminEmail'],
  ['Responsable des bons', 'voucherAdminEmail'],
  ['Código de canje', 'voucherNumber'],
  ['Administradora de cupones', 'voucherAdminEmail'],
  ['Document administrator', 'voucherAdminEmail'],
  ['Issuance date', 'assignedOn'],
  ['Date of creation', 'assignedOn'],
  ['Attribué le', 'assignedOn'],
  ['Datum der Zuweisung', 'assignedOn'],
  ['Emitido el', 'assignedOn'],
  ['Expiring on', 'expiresOn'],
  ['Valid through', 'expiresOn'],
  ['Utilisable jusqu’au', 'expiresOn'],
  ['Date limite d’échange du document', 'expiresOn'],
  ['Verfällt am', 'expiresOn'],
  ['Einlösbar bis zum', 'expiresOn'],
  ['Fecha de expiración', 'expiresOn'],
  // Not fields of the notice, or two fields at once: no label.
  ['Purchase order number', null],
  ['Numéro de bon de commande', null],
  ['Kundennummer', null],
  ['Rechnungsdatum', null],
  ['Partner admin', null],
  ['Administrateur partenaire', null],
  ['Contract end date', null],
  ['Customer number', null],
  ['Numéro de téléphone', null],
  ['Jours restants', null],
  ['Days remaining', null],
  ['Verbleibende Tage', null],
  ['Customer / Program', null],
  ['Invoice document number', null],
  ['Thanks for the voucher', null],
];

describe('intake labels by words', () => {
  for (const [label, field] of LABELS) {
    it(`"${label}" is ${field ?? 'no label'}`, () => {
      for (const line of [`${label}: X`, `${label} :\tX`, `${label.toUpperCase()} - X`, `${label}....: X`]) {
        assert.equal(matchLabel(line)?.field ?? null, field, line);
      }
    });
  }

  it('reads two synonyms joined by a slash as one label, in any case and with or without accents', () => {
    const pairs: Array<[string, string, Field]> = [
      ['Voucher code', 'Document ID', 'voucherNumber'],
      ['Numéro du bon', 'ID de document', 'voucherNumber'],
      ['Gutschein-Nr.', 'Gutscheinkennung', 'voucherNumber'],
      ['Offering', 'Service', 'program'],
      ['Offre', 'Prestation', 'program'],
      ['Programm', 'Leistung', 'program'],
      ['Servicio', 'Oferta', 'program'],
      ['Días', 'Duración', 'days'],
      ['Durée', 'Jours', 'days'],
      ['Tage', 'Dauer', 'days'],
      ['Company', 'Licensee', 'customerName'],
      ['Société', 'Raison sociale', 'customerName'],
      ['Firma', 'Kunde', 'customerName'],
      ['Enrollment', 'Contract number', 'agreementNumber'],
      ['Contrat', 'Accord n°', 'agreementNumber'],
      ['Created', 'Assigned', 'assignedOn'],
      ['Émis le', 'Créé le', 'assignedOn'],
      ['Expiry', 'Use by', 'expiresOn'],
      ['Échéance', 'Valable jusqu’au', 'expiresOn'],
      ['Vence el', 'Caduca el', 'expiresOn'],
    ];
    const strip = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    fc.assert(
      fc.property(
        fc.constantFrom(...pairs),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(' / ', '/', ' /'),
        fc.constantFrom(': ', ' : ', '\t', ' - '),
        (pair, upper, bare, slash, sep) => {
          const [a, b, field] = pair;
          const text = `${a}${slash}${b}`;
          const label = bare ? strip(text) : text;
          assert.equal(matchLabel(`${upper ? label.toUpperCase() : label}${sep}value`)?.field, field);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads an unknown synonym after a slash as another name, and refuses synonyms of two fields', () => {
    assert.equal(matchLabel('Voucher code / PIN: 4471-KQ')?.value, '4471-KQ');
    assert.equal(matchLabel('Numéro de bon / Référence Microsoft : FR-11')?.field, 'voucherNumber');
    assert.equal(matchLabel('Kunde / Auftraggeber: Nordwind AG')?.field, 'customerName');
    for (const line of [
      'Customer / Agreement number: 1',
      'Voucher number / Customer: X',
      'Days / Expires: 5',
      'Voucher / some long unknown words here: X',
    ]) {
      assert.equal(matchLabel(line), null, line);
    }
  });

  it('tells a weak "document" voucher label from a strong one', () => {
    assert.equal(matchLabel('ID de document : X')?.weak, true);
    assert.equal(matchLabel('Voucher ID / Document ID: X')?.weak, false);
    assert.equal(matchLabel('Redemption code: X')?.weak, true);
  });
});

describe('intake numbers labelled only "document"', () => {
  it('are voucher numbers where the email names Planning Services or one of their programs', () => {
    const doc = ['ID de document\tAB12-CD34-EF99', 'Programme\tSQL Server DPS'].join('\n');
    assert.deepEqual([parseVoucherText(doc).verdict, parseVoucherText(doc).result.voucherNumber], ['planning_voucher', 'AB12-CD34-EF99']);
  });

  it('are nothing in an ordinary email, even one that speaks of Software Assurance or planning', () => {
    const doc = [
      'Document number: QT-2026-0042',
      'Subject: Software Assurance renewal quote',
      'Planning workshop next week.',
      'Customer: Adatum',
    ].join('\n');
    assert.equal(parseVoucherText(doc).verdict, 'no_voucher_number');
  });
});

describe('intake administrator named in a sentence', () => {
  const found: Array<[string, string]> = [
    ['Your voucher administrator, Jane Doe (jane@contoso.example), assigned a voucher.', 'jane@contoso.example'],
    ['The voucher administrator for your organization is Ann Lee <ann.lee@contoso.example>.', 'ann.lee@contoso.example'],
    ['Bob Stone (bob@contoso.example), your benefits administrator, assigned it.', 'bob@contoso.example'],
    ["L'administratrice des documents, Mme Claire Martin <claire@atelier.example>, a attribué le document.", 'claire@atelier.example'],
    ['Ihre Gutscheinverwalterin, Frau Dr. Eva Roth (eva.roth@werk.example), hat ihn zugewiesen.', 'eva.roth@werk.example'],
    ['El administrador de vales de su empresa, Luis Gil (LUIS.GIL@empresa.example), ha asignado un vale.', 'luis.gil@empresa.example'],
  ];
  for (const [sentence, email] of found) {
    it(`finds ${email}`, () => assert.equal(findAdminInSentences([sentence], 0, 1, new Set()), email));
  }

  const refused = [
    'If you are not the voucher administrator, contact support@microsoft.example.',
    'Please ask your IT administrator (it@contoso.example) to reset the password.',
    'The partner admin, Joe Bloggs (joe@partner.example), reserved the voucher.',
    'Questions? Write to help@contoso.example or to your voucher administrator.',
    'Your voucher administrator assigned this voucher to Fabrikam (sales@fabrikam.example).',
  ];
  for (const sentence of refused) {
    it(`takes no address from "${sentence.slice(0, 50)}…"`, () => assert.equal(findAdminInSentences([sentence], 0, 1, new Set()), null));
  }

  it('never reads the administrator from a signature or the sender', () => {
    const text = [
      'From: Jane Doe <jane@contoso.example>',
      'Sent: Monday, March 2, 2026 9:00 AM',
      'Subject: voucher',
      '',
      'Voucher number: SIG-2026-0001',
      'Program: SDPS',
      '',
      'Jane Doe',
      'Voucher team',
      'jane@contoso.example',
    ].join('\n');
    assert.equal(parseVoucherText(text).result.voucherAdminEmail, null);
  });
});

describe('intake values keep sane lengths', () => {
  it('takes agreement numbers of 4 to 20 characters and nothing longer or odder', () => {
    assert.equal(readAgreementNumber('V 4455 6677'), 'V44556677');
    assert.equal(readAgreementNumber('01-234-567'), '01-234-567');
    assert.equal(readAgreementNumber('1'.repeat(21)), null);
    assert.equal(readAgreementNumber('1-2-3-4-5'), null);
    assert.equal(readAgreementNumber('9'.repeat(10_000)), null);
    assert.equal(readVoucherNumber('A1'.repeat(17)), null);
  });

  it('never prints an absurd agreement number, day count or year', () => {
    const r = parseVoucherText(
      [
        'Voucher number: ABS-2026-0001',
        'Program: SDPS',
        `Agreement number: ${'7'.repeat(10_000)}`,
        'Days: 16',
        'Created on: 2026-03-02',
        'Expires on: 9999-12-31',
      ].join('\n'),
    ).result;
    assert.deepEqual([r.agreementNumber, r.days, r.assignedOn, r.expiresOn], [null, null, '2026-03-02', '2026-08-29']);
  });
});
