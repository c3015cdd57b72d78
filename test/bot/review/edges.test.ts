import assert from 'node:assert/strict';
import { useTestDatabase } from '../../helpers/db';
import { assertGoodAnswer } from './answer-check';
import { DEMO_TENANT, useDemoWorld } from './demo-world';

/**
 * The edges of a Teams conversation with the demo data: an @mention in a channel, a message
 * with only an attachment or no text, each client locale Teams sends (or none), hostile and
 * very long text, dates written the other way round. Each gets a useful answer in the right language.
 */
describe('review: Teams edges (demo data, /api/messages)', function () {
  this.timeout(30_000);
  const db = useTestDatabase('review-edges');
  const world = useDemoWorld(db);

  const channel = { id: '19:general@thread.tacv2;messageid=1', conversationType: 'channel', tenantId: DEMO_TENANT, isGroup: true };
  const mention = { type: 'mention', text: '<at>Voucher bot</at>', mentioned: { id: '28:voucher-bot', name: 'Voucher bot' } };
  for (const [locale, text, reads] of [
    ['en-US', '<at>Voucher bot</at> vouchers reserved', /DEMO-0004/],
    ['fr-FR', '<at>Voucher bot</at>  Bons  réservés.', /DEMO-0004/],
    ['fr-FR', '<at>Voucher bot</at> bon demo-0004', /Litware/],
  ] as const) {
    it(`"@Bot" in a channel (${locale}): ${text}`, async () => {
      const { drive, as, turnLine } = world();
      const r = await drive.post(drive.activity(as('lee', locale), { type: 'message', text, entities: [mention], conversation: channel }));
      assertGoodAnswer(r, locale.startsWith('fr') ? 'fr' : 'en', text);
      assert.match(r.readable, reads);
      assert.equal(turnLine(r.id)?.outcome, 'ok');
    });
  }

  for (const [label, extra] of [
    ['only an image', { attachments: [{ contentType: 'image/png', contentUrl: 'https://files.example/a.png', name: 'a.png' }] }],
    ['an empty text', { text: '' }],
    ['spaces only', { text: '   \n  ' }],
    ['no text at all', {}],
    ['an empty pasted HTML', { text: '', attachments: [{ contentType: 'text/html', content: '<p></p>' }] }],
  ] as const) {
    for (const locale of ['en', 'fr'] as const) {
      it(`a message with ${label} (${locale}) is told what was expected, with a help button`, async () => {
        const { drive, as } = world();
        const r = await drive.post(drive.activity(as('lee', locale === 'fr' ? 'fr-FR' : 'en-US'), { type: 'message', ...extra }));
        assertGoodAnswer(r, locale, label);
        assert.match(r.readable, locale === 'fr' ? /Tapez aide/ : /Type help/);
        assert.ok(r.buttons.includes(locale === 'fr' ? 'Aide' : 'Help'), `buttons: ${r.buttons.join(', ')}`);
      });
    }
  }

  for (const [tag, lang] of [
    ['fr-CA', 'fr'],
    ['fr', 'fr'],
    ['FR-fr', 'fr'],
    ['en-GB', 'en'],
    ['de-DE', 'en'],
    [null, 'en'],
  ] as const) {
    it(`client locale ${String(tag)} is answered in ${lang}, help and list`, async () => {
      const { drive, as } = world();
      for (const text of ['help', 'aide', 'vouchers']) {
        const r = await drive.post({
          ...drive.activity(as('lee', tag), { type: 'message', text }),
          ...(tag === null ? { locale: undefined } : {}),
        });
        assertGoodAnswer(r, lang, `${String(tag)} ${text}`);
        assert.match(r.readable, lang === 'fr' ? /Détails|Ce que vous pouvez faire/ : /Details|What you can do/);
      }
    });
  }

  for (const text of [
    '${1+1} ${$root.l} ${evil()}',
    '**bold** [link](https://evil.example) <b>x</b> # head',
    'ctrl \u0000\u0007\u202E chars',
    'x'.repeat(10_000),
    `bon ${'y'.repeat(10_000)}`,
    `aide ${'z '.repeat(5_000)}`,
  ]) {
    it(`hostile text is answered plainly: ${JSON.stringify(text.slice(0, 30))}`, async () => {
      const { drive, as } = world();
      for (const locale of ['en', 'fr'] as const) {
        const r = await drive.say(as('lee', locale === 'fr' ? 'fr-FR' : 'en-US'), text);
        assertGoodAnswer(r, locale, text.slice(0, 30));
        assert.doesNotMatch(r.readable, /\[link\]\(https/);
      }
    });
  }

  for (const [tag, lang, aad] of [
    ['fr-CA', 'fr', 'c0a70001-0000-4000-8000-000000000002'],
    ['en-GB', 'en', 'c0a70001-0000-4000-8000-000000000003'],
  ] as const) {
    it(`a stranger, another tenant and a new install (${tag}) are each answered in ${lang} with what to do`, async () => {
      const { drive } = world();
      const stranger = await drive.say({ aadObjectId: 'not-a-person', tenantId: DEMO_TENANT, locale: tag }, 'bons');
      assertGoodAnswer(stranger, lang, 'stranger');
      assert.match(stranger.readable, /Adele Vance/);
      const elsewhere = await drive.say({ aadObjectId: 'someone', tenantId: 'tenant-without-partner', locale: tag }, 'help');
      assertGoodAnswer(elsewhere, lang, 'other tenant');
      assert.match(elsewhere.readable, lang === 'fr' ? /taper configurer/ : /type setup/);
      const who = { aadObjectId: aad, tenantId: DEMO_TENANT, locale: tag };
      const installed = await drive.post(drive.activity(who, { type: 'installationUpdate', action: 'add' }));
      assertGoodAnswer(installed, lang, 'install');
      assert.match(installed.readable, /Contoso Consulting/);
    });
  }

  it('a one-day voucher reads "1 day" / "1 jour", never "1 days" / "1 jours"', async () => {
    const { drive, as } = world();
    for (const [locale, text, one] of [
      ['en-US', 'vouchers redeemed', /DTDPS · 1 day ·/],
      ['fr-FR', 'bons échangés', /DTDPS · 1 jour ·/],
    ] as const) {
      const r = await drive.say(as('lee', locale), text);
      assertGoodAnswer(r, locale === 'fr-FR' ? 'fr' : 'en', text);
      assert.match(r.readable, one);
      assert.doesNotMatch(r.readable, /\b1 (days|jours)\b/);
    }
    const details = await drive.say(as('lee', 'fr-FR'), 'bon DEMO-0008');
    assert.match(details.readable, /\n1 jour\n/);
  });

  it('dates typed the other way round are read when they can only mean one day (en-GB day first, FR month first)', async () => {
    const { drive, as } = world();
    const en = await drive.say(as('lee', 'en-GB'), 'schedule DEMO-0004 18/01/2027 22/01/2027');
    assertGoodAnswer(en, 'en', 'en-GB dates');
    assert.match(en.readable, /Jan 18, 2027|January 18, 2027|18 Jan/);
    const fr = await drive.say(as('lee', 'fr-FR'), 'planifier DEMO-0005 1/25/2027 1/27/2027');
    assertGoodAnswer(fr, 'fr', 'FR month-first dates');
    assert.match(fr.readable, /25 janv\. 2027/);
  });
});
