import assert from 'node:assert/strict';
import en from '../../../cards/i18n/en.json';
import fr from '../../../cards/i18n/fr.json';
import { useBotWorld } from '../../helpers/bot-world';
import { useTestDatabase } from '../../helpers/db';
import type { Speaker } from '../../helpers/turn-driver';
import { newVoucher } from '../../domain/world';

const titleOf = (template: string) => template.split('{')[0]?.trim() ?? template;

/**
 * A click is answered in the language of the card clicked, whatever locale the client reports
 * (the Agents Playground sends en-US for every click; a Teams client may differ from the card).
 */
describe('bot: the answer to a click speaks the language of the card clicked', () => {
  const db = useTestDatabase('bot-card-language');
  const world = useBotWorld(db, 'lang');
  const withLocale = (who: Speaker, locale: string): Speaker => ({ ...who, locale });

  it('every button of a French card carries lang fr, of an English card lang en', async () => {
    const { w, drive, as } = world();
    const v = await newVoucher(w);
    const french = await drive.say(as(w.staffFr, 'fr'), `bon ${v.number}`);
    const english = await drive.say(as(w.staffFr, 'en'), `voucher ${v.number}`);
    assert.ok(french.actions.length > 0 && english.actions.length > 0, 'the voucher cards have buttons');
    for (const a of french.actions) assert.equal(a.data.lang, 'fr', `${a.title} (${a.verb})`);
    for (const a of english.actions) assert.equal(a.data.lang, 'en', `${a.title} (${a.verb})`);
  });

  it('a click from an en-US client on a French card answers in French (Reserve opens the French form)', async () => {
    const { w, drive, as } = world();
    const v = await newVoucher(w);
    const card = await drive.say(as(w.staffFr, 'fr'), `bon ${v.number}`);
    const form = await drive.submit(withLocale(as(w.staffFr), 'en-US'), card, fr.button.reserve);
    assert.equal(form.invoke?.statusCode, 200);
    assert.ok(form.readable.includes(titleOf(fr.reserve.title)), form.readable);
    assert.ok(!form.readable.includes(titleOf(en.reserve.title)), 'no English title');
    assert.ok(form.buttons.includes(fr.button.reserve), form.buttons.join());
  });

  it('a change clicked from an en-US client on a French form is applied and answered in French', async () => {
    const { w, drive, as } = world();
    const v = await newVoucher(w);
    const card = await drive.say(as(w.staffFr, 'fr'), `bon ${v.number}`);
    const form = await drive.submit(withLocale(as(w.staffFr), 'en-US'), card, fr.button.reserve);
    const done = await drive.submit(withLocale(as(w.staffFr), 'en-US'), form, fr.button.reserve, {
      locationId: 'FR-PAR',
      termsAccepted: 'true',
      engagementCountry: 'FR',
    });
    assert.equal(done.invoke?.statusCode, 200);
    assert.ok(done.readable.includes(fr.state.reserved), done.readable);
    assert.ok(!done.readable.includes(en.state.reserved), 'no English state');
    assert.equal((await w.domain.queries.details(w.staffFr, String(v._id))).voucher.state, 'reserved');
  });

  it('a refused click on a French card is refused in French, from an en-US client', async () => {
    const { w, drive, as } = world();
    const v = await newVoucher(w);
    const card = await drive.say(as(w.staffFr, 'fr'), `bon ${v.number}`);
    const form = await drive.submit(withLocale(as(w.staffFr), 'en-US'), card, fr.button.reserve);
    // Terms not accepted: the domain refuses, and the refusal reads in the card's language.
    const refused = await drive.submit(withLocale(as(w.staffFr), 'en-US'), form, fr.button.reserve, {
      locationId: 'FR-PAR',
      termsAccepted: 'false',
      engagementCountry: 'FR',
    });
    assert.ok(refused.readable.includes(fr.message.refusedTitle), refused.readable);
    assert.equal((await w.domain.queries.details(w.staffFr, String(v._id))).voucher.state, 'assigned');
  });

  it('an English card clicked from a fr-FR client answers in English', async () => {
    const { w, drive, as } = world();
    const v = await newVoucher(w);
    const card = await drive.say(as(w.staffFr, 'en'), `voucher ${v.number}`);
    const form = await drive.submit(withLocale(as(w.staffFr), 'fr-FR'), card, en.button.reserve);
    assert.ok(form.readable.includes(titleOf(en.reserve.title)), form.readable);
    assert.ok(!form.readable.includes(titleOf(fr.reserve.title)), 'no French title');
  });

  it('a click without lang (an older card) follows the client locale; an unknown lang is ignored', async () => {
    const { w, drive, as } = world();
    const v = await newVoucher(w);
    const data = { voucherId: String(v._id), expectedState: 'assigned' };
    const plain = await drive.click(as(w.staffFr, 'fr'), 'voucher.reserve-form', data);
    assert.ok(plain.readable.includes(titleOf(fr.reserve.title)), plain.readable);
    const odd = await drive.click(as(w.staffFr, 'fr'), 'voucher.reserve-form', { ...data, lang: 'de' });
    assert.ok(odd.readable.includes(titleOf(fr.reserve.title)), odd.readable);
  });

  it('a refresh (trigger automatic) builds the card in the viewer locale, not the lang it carries', async () => {
    const { w, drive, as } = world();
    const v = await newVoucher(w);
    const data = { voucherId: String(v._id), expectedState: 'assigned', lang: 'fr' };
    const r = await drive.post(
      drive.activity(as(w.staffFr, 'en'), {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'voucher.reserve-form', data }, trigger: 'automatic' },
      }),
    );
    assert.ok(r.readable.includes(titleOf(en.reserve.title)), r.readable);
  });
});
