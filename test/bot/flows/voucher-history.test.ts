import assert from 'node:assert/strict';
import en from '../../../cards/i18n/en.json';
import fr from '../../../cards/i18n/fr.json';
import { useBotWorld } from '../../helpers/bot-world';
import { useTestDatabase } from '../../helpers/db';
import { completedVoucher, newVoucher } from '../../domain/world';

const ISO_DAY = /\b\d{4}-\d{2}-\d{2}\b/;
/** The English of the domain's audit record and the cancellation codes: never on a French card. */
const ENGLISH_RECORD =
  /program terms accepted|\bplanned start\b|\bat FR-PAR\b|sent to a manager|offer-changed|no-engagement|other-partner|chose another partner|engagement won't happen|\bby Sacha\b/i;

/** The last changes on the details card say each step in the reader's words, never an internal id. */
describe('bot: voucher history on the details card', () => {
  const db = useTestDatabase('bot-voucher-history');
  const world = useBotWorld(db, 'hist');

  it('a rejected then approved redemption reads in words, with names, in en and fr, and no approval id', async () => {
    const { w, drive, as } = world();
    const v = await completedVoucher(w);
    const first = await w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [String(v._id)] });
    await w.domain.approvals.reject(w.manager, { approvalId: String(first.approval._id), comment: 'report too thin' });
    const second = await w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [String(v._id)] });
    await w.domain.approvals.approve(w.manager, { approvalId: String(second.approval._id) });
    for (const [locale, l, keyword, by, colon] of [
      ['en', en, 'voucher', 'by', ':'],
      ['fr', fr, 'bon', 'par', ' :'],
    ] as const) {
      const card = await drive.say(as(w.staffFr, locale), `${keyword} ${v.number}`);
      const text = card.readable;
      for (const id of [first.approval._id, second.approval._id])
        assert.ok(!text.includes(String(id)), `${locale}: approval id shown:\n${text}`);
      assert.doesNotMatch(text, /\b[0-9a-f]{24}\b/i, `${locale}: no internal id`);
      const a = l.details.audit;
      assert.ok(text.includes(`${l.event.requestRedemption} ${by} Sacha Staff${colon} ${a.redemptionRequested}`), text);
      assert.ok(text.includes(`${l.event.redeem} ${by} Mia Manager${colon} ${a.redeemed.replace('{name}', 'Mia Manager')}`), text);
      assert.ok(
        text.includes(`${l.event.releaseApproval} ${by} Mia Manager${colon} ${a.rejectedWith.replace('{comment}', 'report too thin')}`),
        text,
      );
    }
  });

  it('after a reservation and a cancellation, a French card says both in French: the reason in words, dates as dates', async () => {
    const { w, drive, as } = world();
    const v = await newVoucher(w);
    const fromCard = {
      voucherId: String(v._id),
      expectedState: 'assigned',
      locationId: 'FR-PAR',
      termsAccepted: 'true',
      plannedStart: '2025-04-14',
      lang: 'fr',
    };
    const reserved = await drive.click(as(w.staffFr, 'fr'), 'voucher.reserve', fromCard);
    const afterReserve = reserved.readable;
    assert.ok(
      afterReserve.includes(
        `${fr.event.reserve} par Sacha Staff : au site FR-PAR (FR), conditions du programme acceptées ; début prévu le 14 avr. 2025`,
      ),
      afterReserve,
    );
    assert.doesNotMatch(afterReserve, ENGLISH_RECORD, afterReserve);
    assert.doesNotMatch(afterReserve, ISO_DAY, afterReserve);

    await drive.click(as(w.staffFr, 'fr'), 'voucher.cancel', {
      voucherId: String(v._id),
      expectedState: 'reserved',
      reason: 'other-partner',
      reasonText: 'budget gelé',
      lang: 'fr',
    });
    const card = await drive.say(as(w.staffFr, 'fr'), `bon ${v.number}`);
    const text = card.readable;
    assert.ok(text.includes(`${fr.event.cancel} par Sacha Staff : Le client a choisi un autre partenaire : budget gelé`), text);
    assert.ok(text.includes(`${fr.event.reserve} par Sacha Staff : au site FR-PAR (FR)`), text);
    assert.doesNotMatch(text, ENGLISH_RECORD, text);
    assert.doesNotMatch(text, ISO_DAY, text);

    const english = (await drive.say(as(w.staffFr, 'en'), `voucher ${v.number}`)).readable;
    assert.ok(english.includes(`${en.event.cancel} by Sacha Staff: The customer chose another partner: budget gelé`), english);
    assert.ok(english.includes('at FR-PAR (FR), program terms accepted; planned start Apr 14, 2025'), english);
  });

  it('a cancellation by text command with a listed reason reads as words in French too', async () => {
    const { w, drive, as } = world();
    const v = await newVoucher(w);
    await w.domain.vouchers.reserve(w.staffFr, {
      voucherId: String(v._id),
      locationId: 'FR-PAR',
      engagementCountry: 'FR',
      termsAccepted: true,
    });
    await drive.say(as(w.staffFr, 'fr'), `annuler ${v.number} no-engagement`);
    const text = (await drive.say(as(w.staffFr, 'fr'), `bon ${v.number}`)).readable;
    assert.ok(text.includes(`${fr.event.cancel} par Sacha Staff : ${fr.cancel.reason['no-engagement']}`), text);
    assert.doesNotMatch(text, ENGLISH_RECORD, text);
    const stored = await w.domain.vouchers.get(w.admin, String(v._id));
    assert.deepEqual(stored.audit.at(-1)?.facts, { code: 'CANCELLED', params: { reason: 'no-engagement', words: null } });
  });

  it('a French user may type the reason in French words; the card says it back in French', async () => {
    const { w, drive, as } = world();
    const v = await newVoucher(w);
    await w.domain.vouchers.reserve(w.staffFr, {
      voucherId: String(v._id),
      locationId: 'FR-PAR',
      engagementCountry: 'FR',
      termsAccepted: true,
    });
    const answer = await drive.say(as(w.staffFr, 'fr'), `annuler ${v.number} Offre-Modifiée le client a revu son besoin`);
    assert.ok(
      answer.readable.includes(`${fr.event.cancel} par Sacha Staff : ${fr.cancel.reason['offer-changed']} : le client a revu son besoin`),
      answer.readable,
    );
    const stored = await w.domain.vouchers.get(w.admin, String(v._id));
    assert.deepEqual(stored.audit.at(-1)?.facts, {
      code: 'CANCELLED',
      params: { reason: 'offer-changed', words: 'le client a revu son besoin' },
    });
  });
});
