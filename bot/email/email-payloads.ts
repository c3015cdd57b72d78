import type { Domain } from '../../domain/domain';
import type { Reply } from '../routing/types';
import { EMAIL_RESERVED_KIND, renderReservedEmail, type ReservedEmailData } from './reservation-notice';
import { renderVoucherNew, VOUCHER_NEW_KIND } from './staff-notice';

/** The outbox's payload handler shape (bot/proactive/outbox-worker.ts): rendered at send time. */
export interface EmailPayloadHandler {
  render(data: Record<string, unknown>, to: { locale: string }): Promise<{ reply: Reply } | null>;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * What this area sends through the outbox: the New voucher card to staff, and the customer's
 * reservation email (a reply in the email conversation: subject and HTML body in channelData).
 */
export function emailPayloadHandlers(domain: Domain): Record<string, EmailPayloadHandler> {
  return {
    [VOUCHER_NEW_KIND]: {
      render: async (data, to) => ({
        reply: await renderVoucherNew(domain, { partnerId: text(data.partnerId), voucherId: text(data.voucherId) }, to.locale),
      }),
    },
    [EMAIL_RESERVED_KIND]: {
      render: async (data) => ({
        reply: { kind: 'email', email: await renderReservedEmail(domain, data as unknown as ReservedEmailData) },
      }),
    },
  };
}
