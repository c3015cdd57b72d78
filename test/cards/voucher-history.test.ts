import assert from 'node:assert/strict';
import en from '../../cards/i18n/en.json';
import fr from '../../cards/i18n/fr.json';
import { render } from '../../cards/render';
import { toVoucherDetailsData } from '../../cards/voucher-details.card';
import type { HistoryEntry } from '../../cards/voucher-history';
import { auditFacts, type AuditFacts } from '../../domain/voucher/audit-facts';
import { allText, assertNeutralised, assertValidCard, HOSTILE, markdownTexts } from './card-check';
import { LOCATIONS, NAMES, NOW, PROGRAMS, voucherIn } from './fixtures';

/** One audit entry of each code, with dates, codes and a person's words in its parameters. */
const FACTS: AuditFacts[] = [
  auditFacts('RECORDED', { source: 'email', forwardedBy: 'fwd@customer.test', printedExpiry: '2026-09-30' }),
  auditFacts('MERGED', {
    source: 'manual',
    filled: ['customerName', 'assignedOn'],
    conflicts: ['voucherAdminEmail'],
    expiryBroughtTo: '2026-07-04',
  }),
  auditFacts('VALIDATED', { email: 'admin@fabrikam.example', confirmsForwardBy: 'fwd@customer.test' }),
  auditFacts('RESERVATION_REQUESTED', { locationId: 'FR-PAR', country: 'FR' }),
  auditFacts('RESERVED', {
    locationId: 'FR-PAR',
    country: 'FR',
    plannedStart: '2026-03-16',
    requestedBy: 'Sam Staff',
    fifteenDayException: 'autre division',
  }),
  auditFacts('CANCELLED', { reason: 'offer-changed', words: null }),
  auditFacts('CANCELLED', { reason: 'other-partner', words: 'budget gelé' }),
  auditFacts('SCHEDULED', {
    start: '2026-03-16',
    end: '2026-03-20',
    consultant: 'Cleo Consultant',
    previousStart: '2026-03-09',
    previousEnd: '2026-03-13',
  }),
  auditFacts('COMPLETED', { deliveredOn: '2026-03-20', attendees: 2 }),
  auditFacts('DELIVERABLE_ADDED', { kind: 'link', name: 'Plan' }),
  auditFacts('REDEMPTION_REQUESTED', {}),
  auditFacts('REDEEMED', { approvedBy: 'Mia Manager' }),
  auditFacts('APPROVAL_RELEASED', { outcome: 'rejected', comment: 'rapport trop court', notApplied: null }),
  auditFacts('APPROVAL_RELEASED', { outcome: 'approved', comment: null, notApplied: 'VOUCHER_EXPIRED' }),
  auditFacts('APPROVAL_RELEASED', { outcome: 'expired', comment: null, notApplied: null }),
  auditFacts('CORRECTED', { fields: ['days', 'assignedOn'], validateAgain: true }),
  auditFacts('CLAIMED', { claimNumber: 'CLM-9', days: 5, dayRate: 950, currency: 'EUR', amount: 4750, country: 'FR' }),
  auditFacts('CLAIMED', { claimNumber: 'CLM-10', days: 5, dayRate: null, currency: null, amount: null, country: 'BR' }),
  auditFacts('PAID', { claimNumber: 'CLM-9', paidOn: '2026-04-02' }),
  auditFacts('EXPIRED', {}),
];
const EVENT_OF: Record<AuditFacts['code'], string> = {
  RECORDED: 'intake',
  MERGED: 'intake',
  VALIDATED: 'validate',
  RESERVATION_REQUESTED: 'requestReservation',
  RESERVED: 'reserve',
  CANCELLED: 'cancel',
  SCHEDULED: 'schedule',
  COMPLETED: 'complete',
  DELIVERABLE_ADDED: 'addDeliverable',
  REDEMPTION_REQUESTED: 'requestRedemption',
  REDEEMED: 'redeem',
  APPROVAL_RELEASED: 'releaseApproval',
  CORRECTED: 'correct',
  CLAIMED: 'claim',
  PAID: 'pay',
  EXPIRED: 'expire',
};
/** The English of the domain's records, and the codes: what a French reader must never see. */
const ENGLISH =
  /\b(from email|entered by hand|matches|program terms|planned start|sent to a manager|approved by|rejected|delivered on|attendee|claim CLM|paid on|expiry|filled|conflicts|day\(s\))\b|offer-changed|other-partner|VOUCHER_EXPIRED|customerName|assignedOn|voucherAdminEmail/;
const ISO_DAY = /\b\d{4}-\d{2}-\d{2}\b/;

function cardWith(entries: HistoryEntry[], locale: 'en' | 'fr', names = NAMES) {
  const v = { ...voucherIn('reserved'), audit: entries };
  const ctx = { allowed: [], location: LOCATIONS[0] ?? null, pendingApproval: null, names, programs: PROGRAMS };
  return render('voucher-details', toVoucherDetailsData(v, ctx, { locale, now: NOW }));
}

/** The history lines of a card: the ones that start with a time in UTC. */
const historyOf = (card: ReturnType<typeof cardWith>) => markdownTexts(card).filter((t) => / UTC/.test(t));

const entry = (f: AuditFacts, i: number): HistoryEntry => ({
  at: new Date(Date.UTC(2026, 2, 1, 9, i)),
  by: f.code === 'EXPIRED' ? 'system' : 'aad-staff',
  event: EVENT_OF[f.code],
  reason: 'an English record that is never shown when facts are there',
  facts: f,
  ...(f.code === 'CORRECTED'
    ? {
        changes: [
          { field: 'days', from: '5', to: '10' },
          { field: 'assignedOn', from: null, to: '2026-01-05' },
        ],
      }
    : {}),
});

describe("voucher history on the details card (audit facts in the reader's language)", () => {
  it('every audit code reads in French, dates as French dates, no English record, no code', () => {
    const lines: string[] = [];
    for (let i = 0; i < FACTS.length; i += 5) {
      const card = cardWith(
        FACTS.slice(i, i + 5).map((f, j) => entry(f, i + j)),
        'fr',
      );
      assertValidCard(card);
      lines.push(...historyOf(card));
    }
    assert.equal(lines.length, FACTS.length);
    for (const line of lines) {
      assert.doesNotMatch(line, ENGLISH, line);
      assert.doesNotMatch(line, ISO_DAY, line);
      assert.doesNotMatch(line, /never shown/, line);
    }
    const text = lines.join('\n').replace(/\\/g, '');
    for (const expected of [
      "depuis l'e-mail d'un client ; transféré par fwd@customer.test",
      'expiration imprimée du 30 sept. 2026',
      "ajouté : client, attribué le ; valeurs différentes, conservées telles qu'enregistrées : administrateur des bons ; expiration avancée au 4 juil. 2026",
      'au site FR-PAR (FR), conditions du programme acceptées ; début prévu le 16 mars 2026 ; demandée par Sam Staff ; exception 15 jours : autre division',
      `${fr.event.cancel} par Sam Staff : ${fr.cancel.reason['offer-changed']}`,
      `${fr.cancel.reason['other-partner']} : budget gelé`,
      'mission du 16 mars 2026 au 20 mars 2026, menée par Cleo Consultant ; auparavant du 9 mars 2026 au 13 mars 2026',
      'livrée le 20 mars 2026, 2 participants',
      'rejetée par le responsable : rapport trop court',
      'jours : 5 → 10 ; attribué le : aucun → 5 janv. 2026 ; à valider de nouveau',
      'demande envoyée à un responsable pour approbation',
      'demande CLM-9 : 5 jours à 950,00',
      'aucun tarif journalier enregistré pour BR',
      'demande CLM-9 payée le 2 avr. 2026',
      `${fr.event.expire} par le système : la date d'expiration est passée`,
    ]) {
      assert.ok(text.includes(expected), `missing "${expected}" in:\n${text}`);
    }
  });

  it('the same entries read in English with the English labels', () => {
    const card = cardWith([entry(FACTS[6] as AuditFacts, 1), entry(FACTS[7] as AuditFacts, 2)], 'en');
    const text = historyOf(card).join('\n');
    assert.ok(text.includes(`${en.event.cancel} by Sam Staff: ${en.cancel.reason['other-partner']}: budget gelé`), text);
    assert.ok(text.includes('engagement Mar 16, 2026 to Mar 20, 2026, led by Cleo Consultant; was Mar 9, 2026 to Mar 13, 2026'), text);
  });

  it('entries of the same instant read newest first, as the later ones were stored after', () => {
    const sameInstant = (f: AuditFacts) => ({ ...entry(f, 0), at: new Date(Date.UTC(2026, 2, 1, 9, 0)) });
    const [recorded, validated, reserved] = [FACTS[0], FACTS[2], FACTS[4]].map((f) => sameInstant(f as AuditFacts));
    const lines = historyOf(cardWith([recorded, validated, reserved] as HistoryEntry[], 'en'));
    assert.equal(lines.length, 3);
    assert.ok(lines[0]?.includes(en.event.reserve), lines.join('\n'));
    assert.ok(lines[2]?.includes(en.event.intake), lines.join('\n'));
  });

  it('entries stored before audit facts still show: a listed cancel reason in words, other text as recorded', () => {
    const legacy: HistoryEntry[] = [
      { at: new Date('2026-03-01T09:00:00Z'), by: 'aad-staff', event: 'cancel', reason: 'offer-changed: client parti' },
      { at: new Date('2026-03-01T09:01:00Z'), by: 'aad-staff', event: 'cancel', reason: 'no-engagement' },
      { at: new Date('2026-03-01T09:02:00Z'), by: 'aad-staff', event: 'cancel', reason: 'report postponed' },
      {
        at: new Date('2026-03-01T09:03:00Z'),
        by: 'aad-staff',
        event: 'requestRedemption',
        reason: 'redemption sent to a manager, approval 0123456789abcdef01234567',
      },
      {
        at: new Date('2026-03-01T09:04:00Z'),
        by: 'aad-staff',
        event: 'correct',
        reason: 'days: 5 -> 10',
        changes: [{ field: 'days', from: '5', to: '10' }],
      },
    ];
    const text = historyOf(cardWith(legacy, 'fr')).join('\n');
    assert.ok(text.includes(`${fr.cancel.reason['offer-changed']} : client parti`), text);
    assert.ok(text.includes(`: ${fr.cancel.reason['no-engagement']}`), text);
    assert.ok(text.includes(': report postponed'), 'free text recorded before is shown as it was');
    assert.ok(text.includes(fr.details.approvalStep.requestRedemption), text);
    assert.ok(text.includes('jours : 5 → 10'), text);
    assert.doesNotMatch(text, /offer-changed|no-engagement|0123456789abcdef/, text);
  });

  it("a person's words in the facts are made card-safe", () => {
    for (const h of HOSTILE) {
      const hostile = [
        auditFacts('CANCELLED', { reason: 'other', words: h }),
        auditFacts('RESERVED', { locationId: h, country: 'FR', plannedStart: null, requestedBy: h, fifteenDayException: h }),
        auditFacts('APPROVAL_RELEASED', { outcome: 'rejected', comment: h, notApplied: null }),
        auditFacts('DELIVERABLE_ADDED', { kind: 'file', name: h }),
        auditFacts('SCHEDULED', { start: '2026-03-16', end: '2026-03-20', consultant: h, previousStart: null, previousEnd: null }),
      ];
      const card = cardWith(hostile.map(entry), 'fr', { 'aad-staff': h });
      assertValidCard(card);
      assertNeutralised(card);
      assert.ok(allText(card).length > 0);
    }
  });
});
