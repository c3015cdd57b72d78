import {
  toApologyData,
  toDidYouMeanData,
  toDoneData,
  toMessageData,
  toNotVoucherData,
  toRefusalData,
  toUnknownPersonData,
  toUnknownTenantData,
  type MessageButton,
  type MessageData,
} from '../../cards/message.card';
import { render } from '../../cards/render';
import type { Locale } from '../i18n/messages';
import type { Reply } from '../routing/types';

/** The message card (cards/message.card.ts) for everything that is a sentence and maybe a button. */
const card = (data: MessageData): Reply => ({ kind: 'card', card: render('message', data) });

/** "Did you mean …?" with a button that runs the suggested command. */
export function suggestView(ctx: { locale: Locale }, typed: string, commandText: string): Reply {
  return card(toDidYouMeanData(typed, commandText, ctx.locale));
}

export const refusalView = (reason: string, locale: Locale, buttons: readonly MessageButton[] = []): Reply =>
  card(toRefusalData(reason, locale, buttons));
export const doneView = (text: string, locale: Locale): Reply => card(toDoneData(text, locale));
export const apologyView = (reference: string, locale: Locale): Reply => card(toApologyData(reference, locale));
export const strangerView = (partner: string, admins: string[], locale: Locale): Reply =>
  card(toUnknownPersonData(partner, admins, locale));
export const unknownTenantView = (locale: Locale): Reply => card(toUnknownTenantData(locale));
export const notUnderstoodView = (locale: Locale): Reply => card(toNotVoucherData(locale));
/** A titled sentence without buttons: not permitted, usage, not a voucher email. */
export const noticeView = (title: string, text: string, locale: Locale): Reply =>
  card(toMessageData({ title, text, tone: 'attention' }, locale));
