import { en, type BotTexts } from './en';
import { fr } from './fr';

/** Text the bot itself writes (cards have their own labels in cards/i18n). English and French. */
export type Locale = 'en' | 'fr';

export const messages: Record<Locale, BotTexts> = { en, fr };

/** Teams sends locales such as "fr-FR" or "fr-ca"; anything not French gets English. */
export function localeOf(tag: string | undefined): Locale {
  return tag?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
