import { messages, type Locale } from '../i18n/messages';
import type { Reply } from '../routing/types';

/** The welcome on install or when the bot is added to a team. */
export function welcomeView(locale: Locale): Reply {
  return { kind: 'text', text: messages[locale].welcome };
}

/** "Did you mean …?" with a button that runs the suggested command. */
export function suggestView(ctx: { locale: Locale }, commandText: string): Reply {
  return { kind: 'text', text: messages[ctx.locale].didYouMean(commandText) };
}
