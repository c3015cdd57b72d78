import type { Approval, ApprovalDecision } from '../domain/approval/approval.model';
import { linkMd, md, mdLines } from './escape';
import { fill, fillCount, formatDay, formatInstant, labelsFor, type CardContext, type Labels } from './locale';
import { toMessageData, type MessageData } from './message.card';
import type { VerbInput } from './verbs';
import { daysText, type Fact, type VoucherView } from './voucher-facts';

/**
 * The approval card (issue 8 step 7, issue 10): the facts, who asked and when, the deliverables,
 * the expiry; Approve / Reject for an approver, the status for anyone else, and after a decision
 * who decided, when and why. `refresh` names the approvers so Teams fetches their own view.
 */
export const MAX_REFRESH_USERS = 60;

export type ApprovalView = Pick<
  Approval,
  '_id' | 'kind' | 'voucherNumbers' | 'requestedBy' | 'requestedOn' | 'approvers' | 'status' | 'expiresAt'
> & {
  decisions: readonly Pick<ApprovalDecision, 'by' | 'decision' | 'comment' | 'at'>[];
};

export interface ApprovalRequestData {
  l: Labels;
  title: string;
  facts: Fact[];
  vouchers: { heading: string; facts: Fact[]; links: string[] }[];
  moreVouchers: string;
  view: 'decide' | 'waiting' | 'decided' | 'expired';
  statusLine: string;
  statusColor: 'Good' | 'Attention' | 'Default' | 'Warning';
  commentLine: string;
  /** Lines for the requester above the card (a manager the request could not reach); empty for approvers. */
  notice: string;
  /** More approvers than Teams refreshes for: the status view offers a button that opens the decision. */
  offerOpen: boolean;
  ref: VerbInput<'approval.refresh'>;
  refreshUserIds: string[];
}

export interface ApprovalViewer {
  aadObjectId: string;
}

export type ApprovalVoucher = Pick<VoucherView, 'number' | 'customerName' | 'program' | 'days' | 'completion'> & {
  deliverables: VoucherView['deliverables'];
};

// Enough for the usual request of a few vouchers; the facts still list every number.
const SHOWN_VOUCHERS = 6;
const SHOWN_LINKS = 2;
const nameOf = (id: string, names: Readonly<Record<string, string>>) => md(names[id] ?? id, 80);

function decisionLine(a: ApprovalView, names: Readonly<Record<string, string>>, l: Labels, ctx: CardContext) {
  const last = a.decisions[a.decisions.length - 1];
  if (a.status === 'expired')
    return {
      statusLine: fill(l.approval.expired, { at: formatInstant(a.expiresAt, ctx.locale) }),
      statusColor: 'Warning' as const,
      commentLine: '',
    };
  if (!last || a.status === 'pending') return { statusLine: l.approval.waiting, statusColor: 'Default' as const, commentLine: '' };
  const line = last.decision === 'approved' ? l.approval.approvedBy : l.approval.rejectedBy;
  return {
    statusLine: fill(line, { by: nameOf(last.by, names), at: formatInstant(last.at, ctx.locale) }),
    statusColor: last.decision === 'approved' ? ('Good' as const) : ('Attention' as const),
    commentLine: last.comment ? fill(l.approval.why, { comment: md(last.comment, 500) }) : '',
  };
}

function viewOf(a: ApprovalView, viewer: ApprovalViewer | null): ApprovalRequestData['view'] {
  if (a.status === 'expired') return 'expired';
  if (a.status !== 'pending') return 'decided';
  return viewer && a.approvers.includes(viewer.aadObjectId) ? 'decide' : 'waiting';
}

export function toApprovalRequestData(
  a: ApprovalView,
  vouchers: readonly ApprovalVoucher[],
  /** Who looks at the card; null for a copy sent to a channel or to several people. */
  viewer: ApprovalViewer | null,
  names: Readonly<Record<string, string>>,
  ctx: CardContext,
  notice: readonly string[] = [],
): ApprovalRequestData {
  const l = labelsFor(ctx.locale);
  const kind = (l.approval.kind as Record<string, string>)[a.kind] ?? md(a.kind, 20);
  const view = viewOf(a, viewer);
  const status = decisionLine(a, names, l, ctx);
  return {
    l,
    title: fill(l.approval.title, { kind }),
    facts: [
      { title: l.field.vouchers, value: md(a.voucherNumbers.join(', '), 600) },
      { title: l.field.requestedBy, value: nameOf(a.requestedBy, names) },
      { title: l.field.requestedOn, value: formatInstant(a.requestedOn, ctx.locale) },
      { title: l.field.approvalExpires, value: formatInstant(a.expiresAt, ctx.locale) },
    ],
    vouchers: vouchers.slice(0, SHOWN_VOUCHERS).map((v) => ({
      heading: `${md(v.number, 64)} · ${md(v.customerName, 80, l.common.unknown)} · ${md(v.program, 16, '?')} · ${daysText(v.days, l)}`,
      facts: v.completion
        ? [
            { title: l.field.deliveredOn, value: formatDay(v.completion.deliveredOn, ctx.locale) },
            { title: l.field.summary, value: md(v.completion.summary, 150) },
          ]
        : [],
      links: v.deliverables.slice(0, SHOWN_LINKS).map((d) => linkMd(d.name, d.kind === 'link' ? d.url : null)),
    })),
    moreVouchers: vouchers.length > SHOWN_VOUCHERS ? fillCount(l.approval.moreVouchers, vouchers.length - SHOWN_VOUCHERS, ctx.locale) : '',
    view,
    ...status,
    statusLine: view === 'decide' ? l.approval.yourDecision : status.statusLine,
    notice: mdLines(notice.join('\n\n'), 800),
    offerOpen: view === 'waiting' && a.approvers.length > MAX_REFRESH_USERS,
    ref: { approvalId: String(a._id) },
    refreshUserIds: a.approvers.slice(0, MAX_REFRESH_USERS),
  };
}

/** The approvals waiting for this manager (issue 8, `approvals`). */
export interface ApprovalsListData {
  l: Labels;
  empty: boolean;
  rows: { line: string; open: VerbInput<'approval.refresh'> }[];
}

export function toApprovalsListData(
  approvals: readonly ApprovalView[],
  names: Readonly<Record<string, string>>,
  ctx: CardContext,
): ApprovalsListData {
  const l = labelsFor(ctx.locale);
  const rows = approvals.slice(0, 20).map((a) => ({
    line: fill(l.approval.listRow, {
      kind: (l.approval.kind as Record<string, string>)[a.kind] ?? md(a.kind, 20),
      vouchers: md(a.voucherNumbers.join(', '), 300),
      by: nameOf(a.requestedBy, names),
      on: formatDay(a.requestedOn, ctx.locale),
      expires: formatInstant(a.expiresAt, ctx.locale),
    }),
    open: { approvalId: String(a._id) },
  }));
  return { l, empty: rows.length === 0, rows };
}

/**
 * What the requester is told once an approval is decided or expired (issue 10), as a message card
 * in the requester's language; null while it is still pending.
 */
export function toApprovalOutcomeData(a: ApprovalView, names: Readonly<Record<string, string>>, ctx: CardContext): MessageData | null {
  const l = labelsFor(ctx.locale);
  const last = a.decisions[a.decisions.length - 1];
  const params = { kind: (l.approval.kind as Record<string, string>)[a.kind] ?? a.kind, vouchers: a.voucherNumbers.join(', ') };
  if (a.status === 'expired') {
    return toMessageData(
      {
        title: l.approval.outcomeExpiredTitle,
        text: fill(l.approval.outcomeExpired, { ...params, at: formatInstant(a.expiresAt, ctx.locale) }),
        tone: 'warning',
      },
      ctx.locale,
    );
  }
  if (a.status === 'pending' || !last) return null;
  const approved = last.decision === 'approved';
  const text = fill(approved ? l.approval.outcomeApproved : l.approval.outcomeRejected, {
    ...params,
    by: names[last.by] ?? last.by,
    at: formatInstant(last.at, ctx.locale),
  });
  const facts = last.comment ? [{ title: l.field.comment, value: last.comment }] : [];
  return toMessageData(
    {
      title: approved ? l.approval.outcomeApprovedTitle : l.approval.outcomeRejectedTitle,
      text,
      tone: approved ? 'good' : 'attention',
      facts,
    },
    ctx.locale,
  );
}
