import assert from 'node:assert/strict';
import { noticeText, notice } from '../../../domain/notice';
import { reasonOf, refusalCodes, refuse, USER_PROVIDED, type RefusalCode } from '../../../domain/refusal';
import { VOUCHER_STATES, TRANSITIONS } from '../../../domain/voucher/voucher.machine';
import { ACTION_WORDS, STATE_WORDS } from '../../../domain/words';

/** Every parameter a refusal can have, with values that look like internal names, to catch any leaking through. */
const SAMPLE = {
  fields: ['voucherAdminEmail', 'attendees.0', 'source.senderEmail'],
  field: 'assignedOn',
  date: '1999-12-31',
  earliest: '2000-01-01',
  latest: '2028-12-02',
  action: 'requestRedemption',
  roles: ['admin', 'staff', 'system'],
  partner: 'p',
  aadObjectId: 'aad-1',
  voucher: 'PS-1',
  number: 'PS-1',
  expected: 'reserved',
  sender: 'fwd@x.test',
  expiresOn: '2026-01-01',
  state: 'not_started',
  days: 7,
  program: 'AZDPS',
  start: '2026-01-01',
  end: '2026-01-02',
  assignedOn: '2025-01-01',
  locationId: 'FR-PAR',
  locationCountry: 'FR',
  engagementCountry: 'US',
  renewBy: '2026-01-01',
  status: 'in_progress',
  customerName: 'Contoso',
  otherNumber: 'PS-2',
  consultant: 'Sacha',
  deliveredOn: '2026-01-01',
  redeemedOn: '2026-01-01',
  deadline: '2026-03-02',
  country: 'FR',
  paidOn: '2026-01-01',
  submittedOn: '2026-01-01',
  approvalId: '0123456789abcdef01234567',
  decision: 'approved',
  by: 'Mia',
  at: '2026-01-01 09:00 UTC',
  decidedBy: 'Mia',
  decidedOn: '2026-01-01',
  fileName: 'plan.pdf',
  allowed: ['pdf'],
  size: 1,
  maxBytes: 2,
  url: 'https://x',
  deliverableId: 'd',
  item: 'AZDPS.exam',
};
/** camelCase or snake_case words: internal names a person must never read. */
const INTERNAL = /\b[a-z]+[A-Z][A-Za-z]*\b|\b[a-z]+_[a-z_]+\b/;

describe('refusal and notice texts (pure)', () => {
  it('every refusal has an English and a French reason, and neither shows an internal name', () => {
    for (const code of refusalCodes) {
      const r = refuse(code, { ...SAMPLE, state: 'reserved', status: 'not_started' } as never);
      const en = reasonOf(r, 'en');
      const fr = reasonOf(r, 'fr');
      assert.ok(en.length > 10 && fr.length > 10 && en !== fr, code);
      assert.doesNotMatch(en, INTERNAL, `${code} en: ${en}`);
      assert.doesNotMatch(fr, INTERNAL, `${code} fr: ${fr}`);
    }
  });

  it('NOT_PERMITTED names the roles and the action in words, never the system', () => {
    const r = refuse('NOT_PERMITTED', { action: 'requestRedemption', roles: ['admin', 'staff', 'system'] });
    assert.equal(reasonOf(r, 'en'), 'Only partner admins and staff can ask to redeem a voucher. Ask a partner admin if you need this.');
    assert.match(
      reasonOf(r, 'fr'),
      /^Seuls les administrateurs partenaires et les membres du personnel peuvent demander l'échange d'un bon\./,
    );
    const m = refuse('NOT_PERMITTED', { action: 'approve', roles: ['manager'] });
    assert.match(reasonOf(m, 'en'), /^Only managers can approve a request\./);
  });

  it('every voucher event and partner task has words in both languages', () => {
    for (const t of TRANSITIONS) {
      const words = (ACTION_WORDS as Record<string, { en: string; fr: string }>)[t.event];
      assert.ok(words && words.en && words.fr, t.event);
    }
  });

  it('states are words in both languages ("réservé", not "reserved")', () => {
    for (const state of VOUCHER_STATES) {
      const fr = reasonOf(refuse('VOUCHER_WRONG_STATE', { number: 'N-1', state, action: 'schedule' }), 'fr');
      assert.ok(fr.includes(` ${STATE_WORDS[state].fr} `) && !fr.includes(` ${state} `), fr);
    }
    const fr = reasonOf(refuse('VOUCHER_WRONG_STATE', { number: 'N-1', state: 'reserved', action: 'addDeliverable' }), 'fr');
    assert.equal(fr, "Le bon N-1 est réservé : impossible d'ajouter un livrable maintenant. Ouvrez-le pour voir les actions possibles.");
    const en = reasonOf(refuse('ELIGIBILITY_NOT_ACTIVE', { program: 'SDPS', status: 'not_started' }), 'en');
    assert.equal(en, 'Eligibility for SDPS is not started. Complete its checklist first.');
  });

  it('a voucher id from a stale card is never shown; a typed number is', () => {
    const byId = reasonOf(refuse('VOUCHER_NOT_FOUND', { voucher: '0123456789abcdef01234567' }), 'en');
    assert.equal(byId, 'This voucher no longer exists. Look it up again by its number.');
    assert.match(reasonOf(refuse('VOUCHER_NOT_FOUND', { voucher: 'PS-404' }), 'fr'), /^Aucun bon PS-404 trouvé/);
  });

  it('field names in INVALID_INPUT are words; an unknown field is not echoed', () => {
    const r = refuse('INVALID_INPUT', { fields: ['days', 'agreementNumber', 'mysteryField'] });
    assert.equal(
      reasonOf(r, 'en'),
      'Some fields are missing or invalid: number of days (1, 3, 5, 10 or 15), agreement number (letters, digits and hyphens) and another field. Correct them and try again.',
    );
    assert.doesNotMatch(reasonOf(r, 'fr'), /mysteryField|agreementNumber/);
  });

  it('user-provided parameters, and only those, pass through the card-safe function', () => {
    const mark = (t: string) => `<<${t}>>`;
    const r = refuse('FIFTEEN_DAY_RULE', { program: 'AZDPS', customerName: '*Contoso*', otherNumber: 'PS-2' });
    const text = reasonOf(r, 'en', mark);
    assert.ok(text.startsWith('<<*Contoso*>> already has'), text);
    assert.ok(text.includes('(PS-2)'), text);
    for (const [code, keys] of Object.entries(USER_PROVIDED)) {
      assert.ok(refusalCodes.includes(code as RefusalCode), code);
      assert.ok((keys ?? []).length > 0, code);
    }
    const n = noticeText(notice('SENDER_NOT_ADMIN', { number: 'PS-1', sender: '_x_@y.test' }), 'fr', mark);
    assert.match(n, /<<_x_@y\.test>>/);
  });

  it("an approval outcome that did not apply says why, with the refusal's own text", () => {
    const n = notice('NOT_APPLIED', {
      number: 'PS-9',
      code: 'ENGAGEMENT_ALREADY_STARTED',
      params: { number: 'PS-9', start: '2025-03-05' },
    });
    assert.match(noticeText(n, 'en'), /^Voucher PS-9 did not move: The engagement of PS-9 starts Mar 5, 2025/);
    assert.match(noticeText(n, 'fr'), /^Le bon PS-9 n'a pas changé : La mission du bon PS-9 commence le 5 mars 2025/);
    const unknown = notice('NOT_APPLIED', { number: 'PS-9', code: 'NO_SUCH_CODE', params: {} });
    assert.match(noticeText(unknown, 'en'), /a program rule no longer allowed it/);
  });

  it("dates in refusals and notices read in the user's language, never as YYYY-MM-DD", () => {
    for (const code of refusalCodes) {
      const r = refuse(code, { ...SAMPLE, state: 'reserved', status: 'not_started', decidedOn: '2026-01-01T09:00:00.000Z' } as never);
      for (const locale of ['en', 'fr'] as const) assert.doesNotMatch(reasonOf(r, locale), /\d{4}-\d{2}-\d{2}/, `${code} ${locale}`);
    }
    const expired = refuse('VOUCHER_EXPIRED', { number: 'PS-7', expiresOn: '2026-03-15' });
    assert.equal(reasonOf(expired, 'fr'), 'Le bon PS-7 a expiré le 15 mars 2026. Demandez un nouveau bon au client.');
    assert.equal(reasonOf(expired, 'en'), 'Voucher PS-7 expired on Mar 15, 2026. Ask the customer for a new voucher.');
    const window = refuse('CLAIM_WINDOW_CLOSED', { number: 'PS-7', redeemedOn: '2026-01-05', deadline: '2026-03-06' });
    assert.match(
      reasonOf(window, 'fr'),
      /échangé le 5 janv\. 2026 ; la demande de paiement devait être créée au plus tard le 6 mars 2026\./,
    );
    const decided = refuse('APPROVAL_ALREADY_DECIDED', {
      approvalId: 'a',
      status: 'rejected',
      decidedBy: 'Mia',
      decidedOn: '2026-03-15T09:30:00.000Z',
    });
    assert.match(reasonOf(decided, 'fr'), /rejetée par Mia le 15 mars 2026,? 09:30 UTC\./);
    assert.match(reasonOf(decided, 'en'), /rejected by Mia on Mar 15, 2026,? 9:30\sAM UTC\./);
    const capped = notice('EXPIRY_CAPPED', { number: 'PS-7', expiresOn: '2026-03-15' });
    assert.match(noticeText(capped, 'fr'), /^Le bon PS-7 expire le 15 mars 2026 :/);
    assert.match(noticeText(capped, 'en'), /^Voucher PS-7 expires on Mar 15, 2026:/);
  });
});
