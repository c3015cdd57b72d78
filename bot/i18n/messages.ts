/** Text the bot itself writes (cards have their own labels in cards/i18n). English and French. */
export type Locale = 'en' | 'fr';

const en = {
  welcome:
    'Hello, I am the Planning Services voucher bot. Forward a voucher email to me or paste it here, and I will keep your voucher pipeline inside the program rules.',
  apology: (reference: string) =>
    `Sorry, something failed on our side and nothing was changed. Please try again; if it happens again, give this reference to your administrator: ${reference}.`,
};

const fr: typeof en = {
  welcome:
    "Bonjour, je suis le bot des bons Services de planification. Transférez-moi l'e-mail d'un bon ou collez-le ici, et je garde votre suivi des bons dans les règles du programme.",
  apology: (reference: string) =>
    `Désolé, une erreur s'est produite de notre côté et rien n'a été modifié. Réessayez ; si cela se reproduit, donnez cette référence à votre administrateur : ${reference}.`,
};

export const messages: Record<Locale, typeof en> = { en, fr };

/** Teams sends locales such as "fr-FR" or "fr-ca"; anything not French gets English. */
export function localeOf(tag: string | undefined): Locale {
  return tag?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
