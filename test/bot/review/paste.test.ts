import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { useTestDatabase } from '../../helpers/db';
import { assertGoodAnswer } from './answer-check';
import { useDemoWorld } from './demo-world';

const FIXTURE = readFileSync(path.resolve(__dirname, '../../fixtures/emails/fr-seed-vocabulary-document.txt'), 'utf8');
/** The fixture's notice, assigned recently (the original expired in October 2026) under another number. */
function recentNotice(number: string): string {
  const day = (d: Date) =>
    `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
  const assigned = new Date(Date.now() - 10 * 86_400_000);
  return FIXTURE.replace('06/04/2026', day(assigned))
    .replace('03/10/2026', day(new Date(assigned.getTime() + 180 * 86_400_000)))
    .replace('DOC7-FR42-11QX', number);
}

/**
 * Pasting a forwarded voucher email written in the seed's vocabulary ("document" for voucher),
 * as text and as Teams' <p>-wrapped HTML: Voucher found, then Add and reserve; pasting it again
 * shows the voucher as it stands instead of offering to add it a second time.
 */
describe('review: pasting a forwarded voucher email (demo data, /api/messages)', function () {
  this.timeout(30_000);
  const db = useTestDatabase('review-paste');
  const world = useDemoWorld(db);

  it('a "document" notice pasted as Teams HTML is found, added and reserved in French', async () => {
    const { drive, as } = world();
    const lee = as('lee', 'fr-FR');
    const text = recentNotice('DOC7-FR42-22QX');
    const html = `<div>${text
      .split('\n')
      .map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
      .join('')}</div>`;
    const found = await drive.post(
      drive.activity(lee, { type: 'message', text: text.replace(/\n/g, ' '), attachments: [{ contentType: 'text/html', content: html }] }),
    );
    assertGoodAnswer(found, 'fr', 'found');
    assert.match(found.readable, /Bon trouvé : DOC7-FR42-22QX/);
    assert.match(found.readable, /SSDPS/);
    const form = await drive.submit(lee, found, 'Ajouter et réserver');
    assertGoodAnswer(form, 'fr', 'reserve form');
    const reserved = await drive.submit(lee, form, 'Réserver', {
      voucherAdminEmail: 'achats@hotel-lumiere.example',
      termsAccepted: 'true',
    });
    assertGoodAnswer(reserved, 'fr', 'reserved');
    assert.match(reserved.readable, /Réservé/);
  });

  it('a notice whose voucher has already expired says so on the Voucher found card, in each language; a current one does not', async () => {
    const { drive, as } = world();
    const fr = await drive.say(as('lee', 'fr-FR'), FIXTURE);
    assertGoodAnswer(fr, 'fr', 'expired fr');
    assert.match(fr.readable, /Ce bon a expiré le 3 oct\. 2026/);
    const en = await drive.say(as('lee', 'en-US'), FIXTURE);
    assertGoodAnswer(en, 'en', 'expired en');
    assert.match(en.readable, /This voucher expired on Oct 3, 2026/);
    const current = await drive.say(as('lee', 'en-US'), recentNotice('DOC7-FR42-33QX'));
    assertGoodAnswer(current, 'en', 'current');
    assert.doesNotMatch(current.readable, /expired on/);
  });

  it('the same email pasted again shows the voucher as it stands, in each language, not a second Add', async () => {
    const { drive, as } = world();
    for (const [locale, says] of [
      ['fr-FR', /Le bon DOC7-FR42-22QX est déjà enregistré/],
      ['en-US', /Voucher DOC7-FR42-22QX is already recorded/],
    ] as const) {
      const again = await drive.say(as('lee', locale), recentNotice('DOC7-FR42-22QX'));
      assertGoodAnswer(again, locale === 'fr-FR' ? 'fr' : 'en', 'pasted again');
      assert.match(again.readable, says);
      assert.ok(!again.buttons.some((b) => /Ajouter|Add/.test(b)), `offered to add it again: ${again.buttons.join(', ')}`);
      assert.ok(
        again.buttons.some((b) => /Planifier|Schedule/.test(b)),
        `the reserved voucher's next step: ${again.buttons.join(', ')}`,
      );
    }
  });
});
