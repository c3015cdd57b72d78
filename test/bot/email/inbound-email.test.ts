import assert from 'node:assert/strict';
import { fixedClock } from '../../../domain/clock';
import { guessLanguage, loopReason, type InboundEmail } from '../../../bot/email/inbound-email';
import { replyQuotaStore } from '../../../bot/email/reply-quota.store';
import { useTestDatabase } from '../../helpers/db';
import { capturedLogger } from '../../helpers/log-capture';

const mail = (over: Partial<InboundEmail> = {}): InboundEmail => ({
  activityId: 'a',
  conversationId: 'c',
  from: 'person@customer.test',
  fromName: 'Person',
  to: ['vouchers@partner.test'],
  subject: 'FW: Voucher',
  text: 'Voucher Number: X',
  html: '',
  headers: {},
  ...over,
});

describe('Email loop safety and language (pure rules)', () => {
  const cases: Array<[string, Partial<InboundEmail>, string | null]> = [
    ['a person forwarding a voucher', {}, null],
    ['the mailbox itself', { from: 'vouchers@partner.test' }, 'own-mailbox'],
    ['mailer-daemon', { from: 'mailer-daemon@mx.customer.test' }, 'system-sender'],
    ['postmaster', { from: 'postmaster@customer.test' }, 'system-sender'],
    ['a no-reply sender', { from: 'no-reply@customer.test' }, 'system-sender'],
    ['a person called Postmasterson', { from: 'postmasterson@customer.test' }, null],
    ['Auto-Submitted: auto-replied', { headers: { 'auto-submitted': 'auto-replied' } }, 'auto-submitted'],
    ['Auto-Submitted: no (a person)', { headers: { 'auto-submitted': 'no' } }, null],
    ['X-Auto-Response-Suppress', { headers: { 'x-auto-response-suppress': 'OOF, AutoReply' } }, 'auto-submitted'],
    ['Precedence: bulk', { headers: { precedence: 'bulk' } }, 'mailing-list'],
    ['List-Id', { headers: { 'list-id': '<customers.lists.example>' } }, 'mailing-list'],
    ['a delivery report', { headers: { 'content-type': 'multipart/report; report-type=delivery-status' } }, 'bounce'],
    ['Automatic reply', { subject: 'Automatic reply: Voucher received' }, 'automatic-subject'],
    ['RE: Out of Office', { subject: 'RE: Out of Office: back Monday' }, 'automatic-subject'],
    ['Réponse automatique', { subject: 'Réponse automatique : Bon reçu' }, 'automatic-subject'],
    ['Abwesenheitsnotiz', { subject: 'AW: Abwesenheitsnotiz: Gutschein' }, 'automatic-subject'],
    ['Respuesta automática', { subject: 'Respuesta automática: Vale recibido' }, 'automatic-subject'],
    ['Undeliverable', { subject: 'Undeliverable: Voucher received' }, 'automatic-subject'],
    ['a subject that only mentions a reply', { subject: 'FW: About the automatic reply you sent' }, null],
  ];
  for (const [what, over, expected] of cases) {
    it(`${what}: ${expected ?? 'answered'}`, () => assert.equal(loopReason(mail(over), ['vouchers@partner.test']), expected));
  }

  it('guesses the language of free text, English when nothing stands out', () => {
    assert.equal(guessLanguage('Bonjour, merci pour votre aide avec le bon et les sessions.'), 'fr');
    assert.equal(guessLanguage('Guten Tag, bitte senden Sie uns die Unterlagen für das Projekt und danke.'), 'de');
    assert.equal(guessLanguage('Hola, por favor envíe los datos para el proyecto, gracias.'), 'es');
    assert.equal(guessLanguage('Hello, please send the details for the project, thank you.'), 'en');
    assert.equal(guessLanguage('12345 67890'), 'en');
  });
});

describe('Email reply cap: slots in MongoDB shared by instances', function () {
  this.timeout(30_000);
  const db = useTestDatabase('email-quota');

  it('two instances racing for five replies of one sender get five between them, the next hour five more', async () => {
    const clock = fixedClock('2025-03-03T10:15:00Z');
    const { log } = capturedLogger();
    const a = replyQuotaStore(db.connection, { perHour: 5, clock, log });
    const b = replyQuotaStore(await db.openAnother(), { perHour: 5, clock, log });
    const taken = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).takeReply('x@customer.test')));
    assert.equal(taken.filter(Boolean).length, 5);
    assert.equal(await a.takeReply('other@customer.test'), true, 'per sender');
    clock.set('2025-03-03T11:00:00Z');
    assert.equal(await b.takeReply('x@customer.test'), true);
    assert.ok((await a.sweep()) >= 6, 'the past hour is swept');
  });

  it('one not-a-voucher reply per sender per day', async () => {
    const clock = fixedClock('2025-03-03T10:15:00Z');
    const q = replyQuotaStore(db.connection, { perHour: 5, clock, log: capturedLogger().log });
    assert.equal(await q.takeDailyNotice('y@customer.test'), true);
    assert.equal(await q.takeDailyNotice('y@customer.test'), false);
    clock.advanceDays(1);
    assert.equal(await q.takeDailyNotice('y@customer.test'), true);
  });
});
