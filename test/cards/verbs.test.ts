import assert from 'node:assert/strict';
import { isVerb, parseVerbData } from '../../cards/verbs';

const ID = '64b7f0c2a1e4d3b2c1a09f87';

describe('verbs (action.data schemas)', () => {
  it('drops keys a card did not declare, so a client cannot smuggle fields', () => {
    const parsed = parseVerbData('voucher.details', { voucherId: ID, state: 'paid', partnerId: 'x' });
    assert.deepEqual(parsed.data, { voucherId: ID });
  });

  it('refuses a malformed id or an unknown state instead of throwing', () => {
    assert.equal(parseVerbData('voucher.details', { voucherId: '../../etc' }).success, false);
    assert.equal(parseVerbData('voucher.cancel-form', { voucherId: ID, expectedState: 'gone' }).success, false);
    assert.equal(parseVerbData('voucher.details', null).success, false);
    assert.equal(parseVerbData('voucher.details', 'text').success, false);
  });

  it('reads Teams input values: toggles, multi-select lists, day numbers and dates', () => {
    assert.equal(parseVerbData('voucher.add', { andReserve: 'true', voucherNumber: 'AB-1', days: '15' }).data?.days, 15);
    assert.equal(parseVerbData('voucher.add', { andReserve: 'maybe', voucherNumber: 'AB-1' }).success, false);
    assert.equal(parseVerbData('voucher.add', { andReserve: false, voucherNumber: 'AB-1', days: '16' }).success, false);
    assert.deepEqual(parseVerbData('redemption.review', { voucherIds: `${ID}, ${ID.replace('7', '8')}` }).data?.voucherIds, [
      ID,
      ID.replace('7', '8'),
    ]);
    assert.equal(parseVerbData('redemption.review', { voucherIds: '' }).success, false);
    assert.equal(parseVerbData('voucher.pay', { voucherId: ID, expectedState: 'claimed', paidOn: '2026-02-29' }).success, false);
    assert.equal(parseVerbData('voucher.pay', { voucherId: ID, expectedState: 'claimed', paidOn: '2028-02-29' }).success, true);
  });

  it('treats an empty optional input as absent and a blank required one as missing', () => {
    const reserve = parseVerbData('voucher.reserve', {
      voucherId: ID,
      expectedState: 'assigned',
      locationId: 'paris',
      termsAccepted: 'false',
      voucherAdminEmail: '',
      engagementCountry: ' ',
    });
    assert.ok(reserve.success);
    assert.equal(reserve.data.voucherAdminEmail, undefined);
    assert.equal(reserve.data.termsAccepted, false);
    assert.equal(parseVerbData('voucher.claim', { voucherId: ID, expectedState: 'redeemed', claimNumber: '   ' }).success, false);
  });

  it('knows its verbs', () => {
    assert.ok(isVerb('approval.refresh'));
    assert.ok(!isVerb('approval.delete'));
    assert.ok(!isVerb('toString'));
  });
});
