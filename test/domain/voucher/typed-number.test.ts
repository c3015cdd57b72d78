import assert from 'node:assert/strict';
import { isRefusal } from '../../../domain/refusal';
import { compactNumber } from '../../../domain/voucher/voucher.store';
import { useTestDatabase } from '../../helpers/db';
import { createWorld, newVoucher, type World } from '../world';

/**
 * A voucher number as a person types it names the stored one whatever its case and separators
 * (DOMAIN.md stores it upper case, spaces removed, hyphens kept): every lookup of a typed number
 * (findByNumber, byNumber, search) reads it the same way. Intake is unchanged: it stores what it reads.
 */
describe('domain/voucher: a typed voucher number, whatever its case and separators (real database)', function () {
  this.timeout(60_000);
  const db = useTestDatabase('typed-number');
  let w: World;
  before(async () => {
    w = await createWorld(db.connection, 'typed-number');
  });

  it('finds ABCD-1234-EFGH from "abcd 1234 efgh", "ABCD1234EFGH", "ABCD–1234–EFGH", "abcd-1234 efgh", in each lookup', async () => {
    const v = await newVoucher(w, { number: 'ABCD-1234-EFGH' });
    for (const typed of [
      'ABCD-1234-EFGH',
      'abcd 1234 efgh',
      'ABCD1234EFGH',
      'ABCD\u20131234\u2013EFGH',
      ' abcd-1234 efgh ',
      'ab-cd-12-34-ef-gh',
    ]) {
      assert.equal((await w.domain.vouchers.findByNumber(w.staffFr, typed)).number, v.number, typed);
      assert.equal((await w.domain.queries.byNumber(w.staffFr, typed))?.number, v.number, typed);
      assert.deepEqual(
        (await w.domain.queries.search(w.staffFr, typed)).map((x) => x.number),
        [v.number],
        typed,
      );
    }
  });

  it('prefers the stored number exactly as typed over one with the same letters and digits', async () => {
    const hyphen = await newVoucher(w, { number: 'WXYZ-5678' });
    const plain = await newVoucher(w, { number: 'WXYZ5678' });
    assert.equal((await w.domain.vouchers.findByNumber(w.staffFr, 'wxyz5678'))._id.toString(), plain._id.toString());
    assert.equal((await w.domain.vouchers.findByNumber(w.staffFr, 'wxyz-5678'))._id.toString(), hyphen._id.toString());
  });

  it('does not take other letters or digits, a prefix or a longer number', async () => {
    await newVoucher(w, { number: 'PQRS-4321' });
    for (const typed of ['PQRS-432', 'PQRS-43210', 'QPRS-4321', 'PQRS.*', '^PQRS', '']) {
      assert.equal(await w.domain.queries.byNumber(w.staffFr, typed), null, typed);
      await assert.rejects(w.domain.vouchers.findByNumber(w.staffFr, typed), (e) => isRefusal(e) && e.code === 'VOUCHER_NOT_FOUND', typed);
    }
  });

  it("lists the stored numbers a command's first words may name (numbersLike), and keeps to the partner", async () => {
    await newVoucher(w, { number: 'LMNO-1111-2222' });
    assert.deepEqual(await w.domain.queries.numbersLike(w.staffFr, ['lmno 1111', 'LMNO 1111 2222', 'LMNO 1111 2222 FR-PAR']), [
      'LMNO-1111-2222',
    ]);
    assert.deepEqual(await w.domain.queries.numbersLike(w.staffFr, ['---', '']), []);
    const other = await createWorld(await db.openAnother(), 'typed-number-other');
    assert.deepEqual(await other.domain.queries.numbersLike(other.staffFr, ['LMNO 1111 2222']), []);
  });

  it('reads only letters and digits of what was typed', () => {
    assert.equal(compactNumber(' demo–0001 '), 'DEMO0001');
    assert.equal(compactNumber('«#x.y»'), 'XY');
  });
});
