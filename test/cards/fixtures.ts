import { Types } from 'mongoose';
import type { Approval } from '../../domain/approval/approval.model';
import type { Location } from '../../domain/location/location.model';
import type { VoucherState } from '../../domain/voucher/voucher.machine';
import type { ProgramName, VoucherView } from '../../cards/voucher-facts';

/** Entities as the domain stores them, for mapper tests; every card test starts from these. */
export const NOW = new Date('2026-03-10T09:30:00Z');
export const PROGRAMS: ProgramName[] = [
  { code: 'SDPS', names: { en: 'SharePoint Deployment Planning Services', fr: 'Services de planification du déploiement SharePoint' } },
  { code: 'AZDPS', names: { en: 'Azure Deployment Planning Services', fr: 'Services de planification du déploiement Azure' } },
];
export const STATES: VoucherState[] = ['assigned', 'reserved', 'scheduled', 'completed', 'redeemed', 'claimed', 'paid', 'expired'];
const day = (s: string) => new Date(`${s}T00:00:00Z`);

export function voucherIn(
  state: VoucherState,
  text: Partial<Pick<VoucherView, 'customerName' | 'number' | 'agreementNumber' | 'voucherAdminEmail'>> = {},
): VoucherView {
  const after = (s: VoucherState) => STATES.indexOf(state) >= STATES.indexOf(s) && state !== 'expired';
  return {
    _id: new Types.ObjectId(),
    number: 'AB-123456',
    program: 'SDPS',
    days: 5,
    customerName: 'Fabrikam SA',
    agreementNumber: '1234567',
    voucherAdminEmail: 'admin@fabrikam.example',
    assignedOn: day('2026-01-05'),
    expiresOn: day('2026-04-03'),
    state,
    pendingApprovalId: null,
    validated: after('reserved') ? { on: day('2026-01-20'), by: 'aad-staff' } : null,
    needsConfirmation: null,
    locationId: after('reserved') ? 'paris' : null,
    engagementCountry: after('reserved') ? 'FR' : null,
    reservation: after('reserved')
      ? { on: day('2026-01-20'), by: 'aad-staff', termsAcceptedOn: day('2026-01-20'), fifteenDayException: null }
      : null,
    schedule: after('scheduled') ? { start: day('2026-02-02'), end: day('2026-02-06'), consultant: 'aad-consultant' } : null,
    completion: after('completed')
      ? {
          deliveredOn: day('2026-02-06'),
          summary: 'Migration plan agreed.',
          attendees: ['Jane Doe', 'Jon Roe'],
          recommendations: 'Move to SharePoint Online.',
          by: 'aad-staff',
          on: day('2026-02-07'),
        }
      : null,
    deliverables: after('completed')
      ? [{ kind: 'link', name: 'Planning report', url: 'https://contoso.sharepoint.com/report.docx', addedOn: day('2026-02-07') }]
      : [],
    redemption: after('redeemed') ? { on: day('2026-02-10'), by: 'aad-manager', approvalId: new Types.ObjectId() } : null,
    claim: after('claimed')
      ? {
          number: 'CLM-778',
          amount: 5000,
          currency: 'EUR',
          submittedOn: day('2026-02-12'),
          status: state === 'paid' ? 'paid' : 'submitted',
          paidOn: state === 'paid' ? day('2026-03-01') : null,
        }
      : null,
    audit: [
      { at: new Date('2026-01-05T10:00:00Z'), by: 'aad-staff', event: 'intake', reason: null },
      { at: new Date('2026-01-20T10:00:00Z'), by: 'aad-staff', event: 'validate', reason: null },
    ],
    ...text,
  };
}

export const LOCATIONS: Pick<Location, 'locationId' | 'name' | 'country'>[] = [
  { locationId: 'paris', name: 'Paris', country: 'FR' },
  { locationId: 'lyon', name: 'Lyon', country: 'FR' },
];

export const PEOPLE: { aadObjectId: string; name: string }[] = [
  { aadObjectId: 'aad-consultant', name: 'Cleo Consultant' },
  { aadObjectId: 'aad-staff', name: 'Sam Staff' },
];

export const NAMES: Record<string, string> = {
  'aad-staff': 'Sam Staff',
  'aad-manager': 'Mia Manager',
  'aad-consultant': 'Cleo Consultant',
};

const DECIDED_AT = new Date('2026-03-10T08:00:00Z');

export type ApprovalFixture = Pick<
  Approval,
  '_id' | 'kind' | 'voucherIds' | 'voucherNumbers' | 'requestedBy' | 'requestedOn' | 'approvers' | 'status' | 'expiresAt'
> & {
  decisions: Pick<Approval['decisions'][number], 'by' | 'decision' | 'comment' | 'at'>[];
};

export function approvalOf(vouchers: readonly VoucherView[], status: Approval['status'] = 'pending'): ApprovalFixture {
  return {
    _id: new Types.ObjectId(),
    kind: 'redeem',
    voucherIds: vouchers.map((v) => v._id),
    voucherNumbers: vouchers.map((v) => v.number),
    requestedBy: 'aad-staff',
    requestedOn: new Date('2026-03-09T08:00:00Z'),
    approvers: ['aad-manager'],
    status,
    expiresAt: new Date('2026-03-16T08:00:00Z'),
    decisions:
      status === 'approved' || status === 'rejected'
        ? [{ by: 'aad-manager', decision: status, comment: status === 'rejected' ? 'Report missing' : null, at: DECIDED_AT }]
        : [],
  };
}
