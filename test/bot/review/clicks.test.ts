import assert from 'node:assert/strict';
import { useTestDatabase } from '../../helpers/db';
import type { Speaker } from '../../helpers/turn-driver';
import { assertGoodAnswer } from './answer-check';
import { useDemoWorld } from './demo-world';

/**
 * Clicks as Teams sends them (demo data, /api/messages): a refused form keeps the form one click
 * away, a stale card shows what changed, a double click and a redelivery apply once, a click by
 * the wrong role or with data from nowhere is answered with a card (HTTP 200), in the user's language.
 */
describe('review: card clicks (demo data, /api/messages)', function () {
  this.timeout(30_000);
  const db = useTestDatabase('review-clicks');
  const world = useDemoWorld(db);
  const voucher = (number: string) => world().bot.domain.deps.models.vouchers.findOne({ number }).lean();
  const events = async (number: string, event: string) =>
    ((await voucher(number))?.audit ?? []).filter((a: { event: string }) => a.event === event).length;

  for (const [locale, formButton, submit, again, start, end] of [
    ['fr-FR', 'planifier DEMO-0004', 'Planifier', 'Rouvrir le formulaire', /Début/, /précède/],
    ['en-US', 'schedule DEMO-0005', 'Schedule', 'Open the form again', /Start/, /before/],
  ] as const) {
    it(`a refused form submission (${locale}) offers the form again, which opens with the voucher as it is`, async () => {
      const { drive, as } = world();
      const lee: Speaker = as('lee', locale);
      const form = await drive.say(lee, formButton);
      const refused = await drive.submit(lee, form, submit, { start: '2027-01-20', end: '2027-01-18' });
      assertGoodAnswer(refused, locale === 'fr-FR' ? 'fr' : 'en', 'refused schedule');
      assert.equal(refused.invoke?.statusCode, 200);
      assert.match(refused.readable, end);
      assert.ok(refused.buttons.includes(again), `no way back to the form: ${refused.buttons.join(', ')}`);
      const reopened = await drive.submit(lee, refused, again);
      assertGoodAnswer(reopened, locale === 'fr-FR' ? 'fr' : 'en', 'form again');
      assert.match(reopened.readable, start);
      assert.ok('start' in reopened.inputs && 'end' in reopened.inputs, `not the schedule form: ${reopened.readable.slice(0, 200)}`);
      const scheduled = await drive.submit(lee, reopened, submit, { start: '2027-01-18', end: '2027-01-20' });
      assertGoodAnswer(scheduled, locale === 'fr-FR' ? 'fr' : 'en', 'scheduled');
      assert.equal((await voucher(formButton.split(' ')[1] ?? ''))?.state, 'scheduled');
    });
  }

  it('a reserve double click applies once and both clicks read the same answer; the stale details card then shows what changed (fr-CA)', async () => {
    const { drive, as } = world();
    const lee = as('lee', 'fr-CA');
    const details = await drive.say(lee, 'bon DEMO-0001');
    const form = await drive.submit(lee, details, 'Réserver');
    const first = await drive.submit(lee, form, 'Réserver', { termsAccepted: 'true', voucherAdminEmail: 'it-admin@fabrikam.test' });
    const second = await drive.submit(lee, form, 'Réserver', { termsAccepted: 'true', voucherAdminEmail: 'it-admin@fabrikam.test' });
    assertGoodAnswer(first, 'fr', 'first click');
    assert.equal(second.readable, first.readable);
    assert.equal(await events('DEMO-0001', 'reserve'), 1);
    const stale = await drive.submit(lee, details, 'Réserver');
    assertGoodAnswer(stale, 'fr', 'stale');
    assert.match(stale.readable, /a changé depuis votre affichage/);
    assert.ok(stale.buttons.includes('Planifier'), `the current card's buttons: ${stale.buttons.join(', ')}`);
  });

  it('two clicks at once on "Annuler la réservation" apply once; both are answered in French', async () => {
    const { drive, as } = world();
    const lee = as('lee', 'fr-FR');
    const details = await drive.say(lee, 'bon DEMO-0001');
    const form = await drive.submit(lee, details, 'Annuler la réservation');
    const before = await events('DEMO-0001', 'cancel');
    const both = await Promise.all([0, 1].map(() => drive.submit(lee, form, 'Annuler la réservation', { reason: 'offer-changed' })));
    for (const r of both) assertGoodAnswer(r, 'fr', 'concurrent cancel');
    assert.equal(await events('DEMO-0001', 'cancel'), before + 1);
    assert.equal((await voucher('DEMO-0001'))?.state, 'assigned');
  });

  it('a redelivered cancel (same activity id) applies once and answers the same', async () => {
    const { drive, as } = world();
    const activity = drive.activity(as('lee', 'fr-FR'), { type: 'message', text: 'annuler DEMO-0004 offer-changed' });
    const reservedBefore = (await voucher('DEMO-0004'))?.state;
    const first = await drive.post(activity);
    const again = await drive.post(activity);
    assertGoodAnswer(first, 'fr', 'cancel');
    assert.equal(again.readable, first.readable);
    assert.notEqual(reservedBefore, 'assigned', 'DEMO-0004 has a reservation to cancel');
    assert.equal(await events('DEMO-0004', 'cancel'), 1);
  });

  it('a click by the wrong role, with data from nowhere, or on an unknown verb is a card with HTTP 200 in the clicker language', async () => {
    const { drive, as } = world();
    const details = await drive.say(as('lee', 'fr-FR'), 'bon DEMO-0012');
    // A click is answered in the language of the card clicked (the card carries it), whatever the clicker's client sends.
    const manager = await drive.submit(as('nestor', 'en-GB'), details, 'Réserver');
    assertGoodAnswer(manager, 'fr', 'manager click');
    assert.equal(manager.invoke?.statusCode, 200);
    assert.match(manager.readable, /Seuls les administrateurs partenaires ou les collaborateurs peuvent utiliser « réserver »/);
    for (const [verb, data] of [
      ['voucher.reserve', {}],
      ['voucher.reserve', { voucherId: '${x}', expectedState: 42 }],
      ['voucher.explode', { a: 1 }],
      ['', null],
    ] as const) {
      const r = await drive.click(as('lee', 'fr-FR'), verb, data as Record<string, unknown>);
      assertGoodAnswer(r, 'fr', `click ${verb}`);
      assert.equal(r.invoke?.statusCode, 200);
      assert.equal(r.invoke?.type, 'application/vnd.microsoft.card.adaptive');
    }
  });

  it("the demo's pending approvals wait for the manager, who approves one from the card and rejects the other by text", async () => {
    const { drive, as } = world();
    const nestor = as('nestor', 'fr-FR');
    const list = await drive.say(nestor, 'approbations');
    assertGoodAnswer(list, 'fr', 'approvals');
    assert.match(list.readable, /DEMO-0003/);
    assert.match(list.readable, /DEMO-0007/);
    const staff = await drive.say(as('lee', 'fr-FR'), 'échanger DEMO-0001');
    assert.match(
      staff.readable,
      /« échanger » n'est pas possible sur le bon DEMO-0001/,
      'no review card for a voucher that is not completed',
    );
    assert.ok(!staff.buttons.includes('Oui, échanger'));
    const approved = await drive.say(nestor, 'approuver DEMO-0007 parfait');
    assertGoodAnswer(approved, 'fr', 'approve');
    assert.equal((await voucher('DEMO-0007'))?.state, 'redeemed');
    const rejected = await drive.say(as('nestor', 'en-US'), 'reject DEMO-0003 wrong customer');
    assertGoodAnswer(rejected, 'en', 'reject');
    assert.equal((await voucher('DEMO-0003'))?.pendingApprovalId ?? null, null);
  });

  it('the claim card of a one-day voucher reads "1 jour à", not "1 jours"', async () => {
    const { drive, as } = world();
    const r = await drive.say(as('lee', 'fr-FR'), 'réclamer DEMO-0008');
    assertGoodAnswer(r, 'fr', 'claim form');
    assert.match(r.readable, /1 jour à/);
  });
});
