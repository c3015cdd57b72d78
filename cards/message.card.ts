import { md, mdLines, plain } from './escape';
import { fill, labelsFor, type CardLocale, type Labels } from './locale';
import type { Verb, VerbInput } from './verbs';

/** A titled message with optional facts and buttons: refusals, confirmations, did-you-mean, apologies. */
export type MessageTone = 'default' | 'good' | 'attention' | 'warning';

export interface MessageButton<V extends Verb = Verb> {
  title: string;
  verb: V;
  data: VerbInput<V>;
}

export interface MessageData {
  l: Labels;
  title: string;
  text: string;
  color: 'Default' | 'Good' | 'Attention' | 'Warning';
  facts: { title: string; value: string }[];
  buttons: MessageButton[];
}

export interface MessageInput {
  title: string;
  /** Untrusted text (a refusal reason may quote what the user typed): escaped here. */
  text: string;
  tone?: MessageTone;
  facts?: readonly { title: string; value: string }[];
  buttons?: readonly MessageButton[];
}

const COLOR = { default: 'Default', good: 'Good', attention: 'Attention', warning: 'Warning' } as const;

export function toMessageData(input: MessageInput, locale: CardLocale): MessageData {
  return {
    l: labelsFor(locale),
    title: md(input.title, 200),
    text: mdLines(input.text, 2000),
    color: COLOR[input.tone ?? 'default'],
    facts: (input.facts ?? []).map((f) => ({ title: md(f.title, 80), value: md(f.value, 300) })),
    buttons: (input.buttons ?? []).slice(0, 5).map((b) => ({ ...b, title: plain(b.title, 60) })),
  };
}

/** A refusal's reason (from the domain's catalog, already in the user's language). */
export function toRefusalData(reason: string, locale: CardLocale, buttons: readonly MessageButton[] = []): MessageData {
  return toMessageData({ title: labelsFor(locale).message.refusedTitle, text: reason, tone: 'attention', buttons }, locale);
}

export function toDoneData(text: string, locale: CardLocale, buttons: readonly MessageButton[] = []): MessageData {
  return toMessageData({ title: labelsFor(locale).message.doneTitle, text, tone: 'good', buttons }, locale);
}

/** "Did you mean …?" with a button that runs the suggested command text. */
export function toDidYouMeanData(typed: string, suggestion: string, locale: CardLocale): MessageData {
  const m = labelsFor(locale).message;
  return toMessageData(
    {
      title: fill(m.didYouMeanTitle, { suggestion: plain(suggestion, 60) }),
      text: fill(m.didYouMeanText, { typed: plain(typed, 60) }),
      buttons: [
        {
          title: fill(m.runSuggestion, { suggestion: plain(suggestion, 40) }),
          verb: 'help.suggest',
          data: { text: plain(suggestion, 200) },
        },
      ],
    },
    locale,
  );
}

/** An unexpected error: nothing changed, with the reference id that the log line carries. */
export function toApologyData(reference: string, locale: CardLocale): MessageData {
  const m = labelsFor(locale).message;
  return toMessageData({ title: m.apologyTitle, text: fill(m.apologyText, { reference: plain(reference, 64) }), tone: 'warning' }, locale);
}

export function toUnknownPersonData(partnerName: string, adminNames: readonly string[], locale: CardLocale): MessageData {
  const m = labelsFor(locale).message;
  const admins =
    adminNames.length > 0
      ? adminNames
          .slice(0, 10)
          .map((n) => plain(n, 80))
          .join(', ')
      : labelsFor(locale).common.unknown;
  return toMessageData(
    { title: m.unknownPersonTitle, text: fill(m.unknownPersonText, { partner: plain(partnerName, 100), admins }) },
    locale,
  );
}

export function toUnknownTenantData(locale: CardLocale): MessageData {
  const m = labelsFor(locale).message;
  return toMessageData({ title: m.unknownTenantTitle, text: m.unknownTenantText }, locale);
}

export function toNotVoucherData(locale: CardLocale): MessageData {
  const m = labelsFor(locale).message;
  const help = locale === 'fr' ? 'aide' : 'help';
  return toMessageData(
    {
      title: m.notVoucherTitle,
      text: m.notVoucherText,
      buttons: [{ title: labelsFor(locale).button.help, verb: 'help.suggest', data: { text: help } }],
    },
    locale,
  );
}
