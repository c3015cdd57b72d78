import assert from 'node:assert/strict';
import en from '../../cards/i18n/en.json';
import fr from '../../cards/i18n/fr.json';
import type { CardView } from './helpers/card-view';
import { startE2eStack, type E2eStack } from './helpers/e2e-stack';
import { flowSteps, isoDay, labelStart } from './helpers/flow';
import { StepShots } from './helpers/screenshots';
import { englishVoucherEmail, frenchVoucherEmail, type ForwardedVoucher } from './helpers/voucher-email';

/** Button titles as issue 8 fixes them, so people and tests find them. */
const BUTTON = {
  en: {
    add: 'Add voucher',
    addReserve: 'Add and reserve',
    reserve: 'Reserve',
    cancel: 'Cancel reservation',
    schedule: 'Schedule',
    complete: 'Complete',
    redeem: 'Redeem',
    yesRedeem: 'Yes, redeem',
    claim: 'Claim',
    markPaid: 'Mark paid',
    approve: 'Approve',
    reject: 'Reject',
  },
  fr: {
    add: 'Ajouter le bon',
    addReserve: 'Ajouter et réserver',
    reserve: 'Réserver',
    cancel: 'Annuler la réservation',
    schedule: 'Planifier',
    complete: 'Terminer',
    redeem: 'Échanger',
    yesRedeem: 'Oui, échanger',
    claim: 'Réclamer',
    markPaid: 'Marquer payé',
    approve: 'Approuver',
    reject: 'Rejeter',
  },
} as const;

/** The seeded voucher in state Scheduled whose engagement is over (tools/seed.ts). */
const DELIVERED = 'DEMO-0005';

function assertButtons(buttons: string[], present: string[], absent: string[]): void {
  for (const title of present) assert.ok(buttons.includes(title), `button "${title}" expected; the card shows ${JSON.stringify(buttons)}`);
  for (const title of absent)
    assert.ok(!buttons.includes(title), `button "${title}" must not show; the card shows ${JSON.stringify(buttons)}`);
}

describe('Voucher lifecycle in the Agents Playground, English (browser)', function () {
  const b = BUTTON.en;
  const today = new Date();
  const email: ForwardedVoucher = englishVoucherEmail(today);
  let e2e: E2eStack;
  let shots: StepShots;
  let card: CardView;
  const step = flowSteps('en', () => e2e.browser.page);

  before(async function () {
    e2e = await startE2eStack('lifecycle_en');
    shots = new StepShots(e2e.browser.page, 'en');
  });
  after(async function () {
    await e2e?.stop();
  });

  step('paste a forwarded voucher email: the Voucher found card', async () => {
    await e2e.playground.sendActivity({ type: 'message', text: email.text, textFormat: 'plain', locale: 'en-US' });
    card = await e2e.playground.cardAt(-1);
    const text = await card.text();
    assert.match(text, labelStart(en.found.title));
    for (const fact of [email.number, email.customer, email.adminEmail]) assert.ok(text.includes(fact), `the card shows ${fact}`);
    assertButtons(await card.buttons(), [b.add, b.addReserve], [b.reserve, b.schedule]);
    await shots.take('voucher-found', card.root);
  });

  step('Add and reserve: accept the terms, pick the location, Reserve', async () => {
    card = await e2e.playground.press(card, b.addReserve);
    assert.match(await card.text(), labelStart(en.reserve.title));
    await shots.take('reserve-form', card.root);
    assert.match(await card.text(), labelStart(en.reserve.terms));
    await card.fillText(en.reserve.validateLabel, email.adminEmail);
    await card.choose(labelStart(en.reserve.locationLabel), /Paris/);
    await card.check(en.reserve.acceptLabel);
    card = await e2e.playground.press(card, b.reserve);
    assert.match(await card.text(), new RegExp(en.state.reserved));
    assertButtons(await card.buttons(), [b.schedule, b.cancel], [b.reserve, b.addReserve, b.redeem]);
    await shots.take('reserved', card.root);
  });

  step('Schedule: dates from tomorrow and a qualified consultant', async () => {
    card = await e2e.playground.press(card, b.schedule);
    assert.match(await card.text(), labelStart(en.schedule.title));
    await shots.take('schedule-form', card.root);
    // A reserved voucher's engagement starts after the day it was reserved (DOMAIN.md).
    await card.fillDate(en.schedule.startLabel, isoDay(today, 1));
    await card.fillDate(labelStart(en.schedule.endLabel), isoDay(today, 3));
    await card.choose(labelStart(en.schedule.consultantLabel), /Alex Wilber/);
    card = await e2e.playground.press(card, b.schedule);
    assert.match(await card.text(), new RegExp(en.state.scheduled));
    // Completion is offered once the engagement has started, not before.
    assertButtons(await card.buttons(), [b.cancel], [b.complete, b.reserve, b.redeem, b.claim]);
    await shots.take('scheduled', card.root);
  });

  // Completion needs a delivered engagement (delivered on: not in the future, not before the start),
  // so the flow goes on with the demo voucher whose engagement started 15 days ago (tools/seed.ts).
  step(`Complete ${DELIVERED}, already delivered: the report and the deliverable link`, async () => {
    await e2e.playground.send(`voucher ${DELIVERED}`);
    card = await e2e.playground.cardAt(-1);
    assert.match(await card.text(), new RegExp(en.state.scheduled));
    card = await e2e.playground.press(card, b.complete);
    assert.match(await card.text(), labelStart(en.complete.title));
    await shots.take('complete-form', card.root);
    await card.fillDate(en.complete.deliveredLabel, isoDay(today));
    await card.fillText(en.complete.summaryLabel, 'Deployment plan reviewed with the IT team.');
    await card.fillText(labelStart(en.complete.attendeesLabel), 'Jane Doe');
    await card.fillText(en.complete.recommendationsLabel, 'Pilot with 50 users, then roll out by site.');
    await card.fillText(
      labelStart(en.complete.linkLabel),
      `https://contoso-consulting.sharepoint.com/sites/delivery/${DELIVERED}-plan.docx`,
    );
    card = await e2e.playground.press(card, b.complete);
    const text = await card.text();
    assert.match(text, new RegExp(en.state.completed));
    assert.ok(text.includes(`${DELIVERED}-plan.docx`), 'the deliverable shows on the card');
    assertButtons(await card.buttons(), [b.redeem], [b.complete, b.schedule, b.claim]);
    await shots.take('completed', card.root);
  });

  step('Redeem: review, Yes, redeem, and the request waits for a manager', async () => {
    card = await e2e.playground.press(card, b.redeem);
    if (!(await card.buttons()).includes(b.yesRedeem)) {
      // The pick card: the completed vouchers as checkboxes, then the review card.
      await card.check(new RegExp(DELIVERED));
      const [next] = await card.buttons();
      assert.ok(next, 'the pick card has a button to review');
      card = await e2e.playground.press(card, next);
    }
    assert.match(await card.text(), labelStart(en.redeem.reviewTitle));
    assert.ok((await card.text()).includes(DELIVERED));
    await shots.take('redeem-review', card.root);
    card = await e2e.playground.press(card, b.yesRedeem);
    // The requester sees the approval request; Alex, also a manager, sees it with the decision.
    const waiting = await card.text();
    assert.match(waiting, labelStart(en.approval.title));
    assert.ok(waiting.includes(en.approval.kind.redeem) && waiting.includes(DELIVERED), 'the request names the redemption and its voucher');
    await shots.take('redeem-requested', card.root);
  });

  step('Approve (Alex is also the manager): the approval card updates', async () => {
    const approval = await e2e.playground.cardWithButton(b.approve);
    assert.ok(approval, 'an approval card with Approve reached the manager');
    assert.match(await approval.text(), new RegExp(en.approval.kind.redeem, 'i'));
    assertButtons(await approval.buttons(), [b.approve, b.reject], []);
    await shots.take('approval-request', approval.root);
    await approval.click(b.approve);
    assert.match(await approval.text(), labelStart(en.approval.approvedBy));
    assertButtons(await approval.buttons(), [], [b.approve, b.reject]);
    await shots.take('approved', approval.root);
  });

  step('the voucher is Redeemed: Claim', async () => {
    await e2e.playground.send(`voucher ${DELIVERED}`);
    card = await e2e.playground.cardAt(-1);
    assert.match(await card.text(), new RegExp(en.state.redeemed));
    assertButtons(await card.buttons(), [b.claim], [b.redeem, b.complete, b.markPaid]);
    card = await e2e.playground.press(card, b.claim);
    assert.match(await card.text(), labelStart(en.claim.title));
    await shots.take('claim-form', card.root);
    await card.fillText(labelStart(en.claim.claimNumberLabel), `CLM-${DELIVERED}`);
    card = await e2e.playground.press(card, b.claim);
    assert.match(await card.text(), new RegExp(en.state.claimed));
    assertButtons(await card.buttons(), [b.markPaid], [b.claim, b.redeem]);
    await shots.take('claimed', card.root);
  });

  step('Mark paid: the voucher is Paid and offers nothing more', async () => {
    card = await e2e.playground.press(card, b.markPaid);
    assert.match(await card.text(), labelStart(en.claim.payTitle));
    await shots.take('pay-form', card.root);
    await card.fillDate(en.claim.paidOnLabel, isoDay(today));
    card = await e2e.playground.press(card, b.markPaid);
    assert.match(await card.text(), new RegExp(en.state.paid));
    assertButtons(await card.buttons(), [], [b.markPaid, b.claim, b.redeem, b.complete, b.schedule, b.reserve]);
    await shots.take('paid', card.root);
  });
});

describe('Voucher lifecycle in the Agents Playground, French opening steps (browser)', function () {
  const b = BUTTON.fr;
  const email: ForwardedVoucher = frenchVoucherEmail(new Date());
  let e2e: E2eStack;
  let shots: StepShots;
  let card: CardView;
  const step = flowSteps('fr', () => e2e.browser.page);

  before(async function () {
    e2e = await startE2eStack('lifecycle_fr');
    shots = new StepShots(e2e.browser.page, 'fr');
  });
  after(async function () {
    await e2e?.stop();
  });

  step('coller un e-mail de bon transféré : la carte Bon trouvé', async () => {
    await e2e.playground.sendActivity({ type: 'message', text: email.text, textFormat: 'plain', locale: 'fr-FR' });
    card = await e2e.playground.cardAt(-1);
    const text = await card.text();
    assert.match(text, labelStart(fr.found.title));
    for (const fact of [email.number, email.customer, email.adminEmail]) assert.ok(text.includes(fact), `la carte montre ${fact}`);
    assertButtons(await card.buttons(), [b.add, b.addReserve], [b.reserve, BUTTON.en.addReserve]);
    await shots.take('bon-trouve', card.root);
  });

  step('Ajouter et réserver : conditions acceptées, site choisi, Réserver', async () => {
    card = await e2e.playground.press(card, b.addReserve);
    assert.match(await card.text(), labelStart(fr.reserve.title));
    await shots.take('formulaire-reservation', card.root);
    await card.fillText(fr.reserve.validateLabel, email.adminEmail);
    await card.choose(labelStart(fr.reserve.locationLabel), /Paris/);
    await card.check(fr.reserve.acceptLabel);
    card = await e2e.playground.press(card, b.reserve);
    assert.match(await card.text(), new RegExp(fr.state.reserved));
    assertButtons(await card.buttons(), [b.schedule, b.cancel], [b.reserve, BUTTON.en.schedule]);
    await shots.take('reserve', card.root);
  });
});
