import type { Voucher } from '../../domain/domain';
import { daysBetween } from '../../domain/calendar';
import { messages } from '../i18n/messages';
import { formatUserDate } from '../routing/dates';
import type { HandlerContext, Reply } from '../routing/types';

/** The voucher as it is now, for the person looking (text until the details card is wired). */
export async function voucherView(ctx: HandlerContext, v: Voucher, notice: string | null): Promise<Reply> {
  const t = messages[ctx.locale];
  const left = daysBetween(ctx.domain.deps.clock.now(), v.expiresOn);
  const lines = [
    notice,
    `**${v.number}**: ${t.states[v.state] ?? v.state}`,
    `${v.customerName ?? '-'} · ${v.program ?? '-'} · ${v.days ?? '-'} · ${formatUserDate(v.expiresOn, ctx.locale)} (${left})`,
  ].filter((l): l is string => Boolean(l));
  return { kind: 'text', text: lines.join('\n\n') };
}
