import assert from 'node:assert/strict';
import en from '../../../cards/i18n/en.json';
import fr from '../../../cards/i18n/fr.json';
import { useBotWorld } from '../../helpers/bot-world';
import { useTestDatabase } from '../../helpers/db';
import { completedVoucher } from '../../domain/world';

/** The last changes on the details card say each approval step in words, never an internal id. */
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
    for (const [locale, l, keyword] of [['en', en, 'voucher'], ['fr', fr, 'bon']] as const) {
      const card = await drive.say(as(w.staffFr, locale), `${keyword} ${v.number}`);
      const text = card.readable;
      for (const id of [first.approval._id, second.approval._id]) assert.ok(!text.includes(String(id)), `${locale}: approval id shown:\n${text}`);
      assert.doesNotMatch(text, /\b[0-9a-f]{24}\b/i, `${locale}: no internal id`);
      assert.ok(text.includes(`${l.event.requestRedemption} ${locale === 'fr' ? 'par' : 'by'} Sacha Staff: ${l.details.approvalStep.requestRedemption}`), text);
      assert.ok(text.includes(`${l.event.redeem} ${locale === 'fr' ? 'par' : 'by'} Mia Manager: ${l.details.approvalStep.redeem}`), text);
      assert.ok(text.includes(`${l.event.releaseApproval} ${locale === 'fr' ? 'par' : 'by'} Mia Manager: ${l.details.approvalStep.releaseApproval}`), text);
    }
  });
});
