import type { EmailLanguage } from '../inbound-email';

/**
 * What customers read by email, in the four languages of voucher notices (issue 10): English,
 * French, German, Spanish. Nothing about the partner's internals (no staff names, no flags).
 */
export interface EmailTexts {
  receivedSubject: (number: string) => string;
  received: (number: string) => string[];
  reservedSubject: (number: string) => string;
  reserved: (number: string) => string[];
  notVoucherSubject: string;
  notVoucher: string[];
}

const en: EmailTexts = {
  receivedSubject: (n) => `Voucher ${n} received`,
  received: (n) => [
    'Hello,',
    `Thank you: we have received your Software Assurance Planning Services voucher ${n}.`,
    'What happens next: our team checks the voucher and reserves it for your planning engagement. You will receive an email as soon as it is reserved, and we will then contact you to schedule the sessions.',
  ],
  reservedSubject: (n) => `Voucher ${n} reserved`,
  reserved: (n) => [
    'Hello,',
    `Your Planning Services voucher ${n} is now reserved for your planning engagement.`,
    'We will contact you shortly to schedule the sessions.',
  ],
  notVoucherSubject: 'We could not find a voucher in your email',
  notVoucher: [
    'Hello,',
    'Thank you for your email. This address takes in Software Assurance Planning Services vouchers, and we could not find one in your message.',
    'Please forward the voucher email you received from the Volume Licensing Service Center as it is, with the voucher number in it.',
  ],
};

const fr: EmailTexts = {
  receivedSubject: (n) => `Bon ${n} reçu`,
  received: (n) => [
    'Bonjour,',
    `Merci : nous avons bien reçu votre bon Software Assurance Planning Services ${n}.`,
    'La suite : notre équipe vérifie le bon et le réserve pour votre mission de planification. Vous recevrez un e-mail dès qu’il sera réservé, puis nous vous contacterons pour planifier les sessions.',
  ],
  reservedSubject: (n) => `Bon ${n} réservé`,
  reserved: (n) => [
    'Bonjour,',
    `Votre bon Planning Services ${n} est désormais réservé pour votre mission de planification.`,
    'Nous vous contacterons très prochainement pour planifier les sessions.',
  ],
  notVoucherSubject: 'Aucun bon trouvé dans votre e-mail',
  notVoucher: [
    'Bonjour,',
    'Merci pour votre e-mail. Cette adresse reçoit les bons Software Assurance Planning Services, et nous n’en avons trouvé aucun dans votre message.',
    'Transférez tel quel l’e-mail du bon reçu du Volume Licensing Service Center, avec le numéro du bon.',
  ],
};

const de: EmailTexts = {
  receivedSubject: (n) => `Gutschein ${n} erhalten`,
  received: (n) => [
    'Guten Tag,',
    `Vielen Dank: Wir haben Ihren Software Assurance Planning Services-Gutschein ${n} erhalten.`,
    'Wie es weitergeht: Unser Team prüft den Gutschein und reserviert ihn für Ihr Planungsprojekt. Sie erhalten eine E-Mail, sobald er reserviert ist, und wir melden uns dann, um die Termine zu planen.',
  ],
  reservedSubject: (n) => `Gutschein ${n} reserviert`,
  reserved: (n) => [
    'Guten Tag,',
    `Ihr Planning Services-Gutschein ${n} ist jetzt für Ihr Planungsprojekt reserviert.`,
    'Wir melden uns in Kürze, um die Termine zu planen.',
  ],
  notVoucherSubject: 'Kein Gutschein in Ihrer E-Mail gefunden',
  notVoucher: [
    'Guten Tag,',
    'Vielen Dank für Ihre E-Mail. Diese Adresse nimmt Software Assurance Planning Services-Gutscheine entgegen, und wir haben in Ihrer Nachricht keinen gefunden.',
    'Bitte leiten Sie die Gutschein-E-Mail des Volume Licensing Service Center unverändert weiter, mit der Gutscheinnummer.',
  ],
};

const es: EmailTexts = {
  receivedSubject: (n) => `Vale ${n} recibido`,
  received: (n) => [
    'Hola:',
    `Gracias: hemos recibido su vale de Software Assurance Planning Services ${n}.`,
    'Próximos pasos: nuestro equipo revisa el vale y lo reserva para su proyecto de planificación. Recibirá un correo en cuanto esté reservado y después nos pondremos en contacto con usted para programar las sesiones.',
  ],
  reservedSubject: (n) => `Vale ${n} reservado`,
  reserved: (n) => [
    'Hola:',
    `Su vale de Planning Services ${n} ya está reservado para su proyecto de planificación.`,
    'Nos pondremos en contacto con usted en breve para programar las sesiones.',
  ],
  notVoucherSubject: 'No encontramos ningún vale en su correo',
  notVoucher: [
    'Hola:',
    'Gracias por su correo. Esta dirección recibe vales de Software Assurance Planning Services y no hemos encontrado ninguno en su mensaje.',
    'Reenvíe tal cual el correo del vale que recibió del Volume Licensing Service Center, con el número del vale.',
  ],
};

export const emailTexts: Record<EmailLanguage, EmailTexts> = { en, fr, de, es };

/** An email to send: subject, plain text and the same paragraphs as HTML. */
export interface OutgoingEmail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Paragraphs and a signature as an email (plain text and HTML carry the same words). */
export function composeEmail(subject: string, paragraphs: readonly string[], signature: string): OutgoingEmail {
  const all = [...paragraphs, signature];
  return { subject, text: all.join('\n\n'), html: all.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n') };
}
