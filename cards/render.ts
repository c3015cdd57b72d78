import { Template } from 'adaptivecards-templating';
import type { ApprovalRequestData, ApprovalsListData } from './approval.card';
import type { CancelData } from './cancel.card';
import type { ClaimData } from './claim.card';
import type { CompleteData } from './complete.card';
import type { HelpData, WelcomeData } from './help.card';
import type { MessageData } from './message.card';
import type { RedeemPickData, RedeemReviewData } from './redeem.card';
import type { ReserveData } from './reserve.card';
import type { ScheduleData } from './schedule.card';
import type { VoucherDetailsData } from './voucher-details.card';
import type { VoucherFoundData } from './voucher-found.card';
import type { VoucherListData } from './voucher-list.card';
import type { VoucherNewData } from './voucher-new.card';
import approvalRequest from './templates/approval-request.json';
import approvalsList from './templates/approvals-list.json';
import cancel from './templates/cancel.json';
import claim from './templates/claim.json';
import complete from './templates/complete.json';
import help from './templates/help.json';
import message from './templates/message.json';
import redeemPick from './templates/redeem-pick.json';
import redeemReview from './templates/redeem-review.json';
import reserve from './templates/reserve.json';
import schedule from './templates/schedule.json';
import voucherDetails from './templates/voucher-details.json';
import voucherFound from './templates/voucher-found.json';
import voucherList from './templates/voucher-list.json';
import voucherNew from './templates/voucher-new.json';
import welcome from './templates/welcome.json';
import { ADMIN_TEMPLATES, type AdminTemplateData } from './admin-templates';
import { CARD_LANG, isVerb, type Verb } from './verbs';

/**
 * The one caller of adaptivecards-templating (STYLE.md §5): a template name and the data its
 * mapper built give an Adaptive Card. Templates bind labels and escaped text; they hold no
 * user text of their own.
 */
const TEMPLATES = {
  message,
  'voucher-found': voucherFound,
  'voucher-list': voucherList,
  'voucher-details': voucherDetails,
  reserve,
  cancel,
  schedule,
  complete,
  claim,
  'redeem-pick': redeemPick,
  'redeem-review': redeemReview,
  'approval-request': approvalRequest,
  'approvals-list': approvalsList,
  help,
  welcome,
  'voucher-new': voucherNew,
  ...ADMIN_TEMPLATES,
} as const;

export interface TemplateData extends AdminTemplateData {
  message: MessageData;
  'voucher-found': VoucherFoundData;
  'voucher-list': VoucherListData;
  'voucher-details': VoucherDetailsData;
  claim: ClaimData;
  complete: CompleteData;
  schedule: ScheduleData;
  cancel: CancelData;
  reserve: ReserveData;
  help: HelpData;
  welcome: WelcomeData;
  'voucher-new': VoucherNewData;
  'approvals-list': ApprovalsListData;
  'approval-request': ApprovalRequestData;
  'redeem-review': RedeemReviewData;
  'redeem-pick': RedeemPickData;
}

export type TemplateName = keyof typeof TEMPLATES;
export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[];

/**
 * Parsing a template's expressions costs ten times its expansion, so each template is parsed
 * once at load. This is compiled code, not state: `expand` is synchronous, resets its evaluation
 * context on every call and builds a new card each time, so calls cannot see each other.
 */
const PARSED = Object.fromEntries(TEMPLATE_NAMES.map((name) => [name, new Template(TEMPLATES[name])])) as Readonly<
  Record<TemplateName, Template>
>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: string;
  body?: unknown[];
  actions?: unknown[];
  [key: string]: unknown;
}

export function render<N extends TemplateName>(name: N, data: TemplateData[N]): AdaptiveCard {
  const card: unknown = PARSED[name].expand({ $root: data });
  if (typeof card !== 'object' || card === null || (card as { type?: unknown }).type !== 'AdaptiveCard') {
    throw new Error(`template ${name} did not expand to an AdaptiveCard`);
  }
  stampLang(card, data.l.lang);
  return card as AdaptiveCard;
}

/**
 * Every Action.Execute carries the card's language in its data (`lang`, see verbs.ts), so the
 * answer to a click speaks the card's language whatever locale the clicking client reports.
 */
function stampLang(node: unknown, lang: string): void {
  if (Array.isArray(node)) {
    for (const item of node) stampLang(item, lang);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const element = node as Record<string, unknown>;
  if (element.type === 'Action.Execute') {
    const data = element.data;
    if (data === undefined) element.data = { [CARD_LANG]: lang };
    else if (typeof data === 'object' && data !== null && !Array.isArray(data)) element.data = { ...data, [CARD_LANG]: lang };
  }
  for (const value of Object.values(element)) stampLang(value, lang);
}

function collectVerbs(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectVerbs(item, into);
  } else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'verb' && typeof value === 'string' && !value.includes('${')) into.add(value);
      else collectVerbs(value, into);
    }
  }
}

/**
 * The verbs each template names literally, so a test can check each is declared in verbs.ts.
 * A verb bound from data (the message card's buttons) is typed `Verb` by its mapper instead.
 */
export function templateVerbs(): Record<TemplateName, string[]> {
  const out = {} as Record<TemplateName, string[]>;
  for (const name of TEMPLATE_NAMES) {
    const verbs = new Set<string>();
    collectVerbs(TEMPLATES[name], verbs);
    out[name] = [...verbs].sort();
  }
  return out;
}

/** Every declared verb that some template uses literally. */
export function verbsUsedByTemplates(): Verb[] {
  return [...new Set(Object.values(templateVerbs()).flat())].filter(isVerb);
}
