import assert from 'node:assert/strict';
import { Types } from 'mongoose';
import type { Actor, Voucher } from '../../../domain/domain';
import { partnerAdmin } from '../../../domain/partner/partner-admin';
import { systemActor } from '../../../domain/person/person.service';
import { checklistFor } from '../../../domain/program/program.catalog';
import { useTestDatabase } from '../../helpers/db';
import { completedVoucher, createWorld, newVoucher, reserveFr, START, type World } from '../world';
import { idOf, refusedWithoutTrace } from './audit-helpers';

/**
 * Audit of DOMAIN.md's rules about places, customers, approvals, people and enrollment, through
 * the public API: each refusal leaves nothing behind and reads in English and French.
 */
describe('audit: locations, the 15-day rule, cancellation, approvals, roles, forwards, enrollment (real database)', function () {
  this.timeout(180_000);
  const db = useTestDatabase('audit-partner');
  let w: World;
  let contact: Actor;
  let managerContact: Actor;
  let n = 0;
  const system = () => systemActor(w.admin.partnerId);
  /** A validated voucher of a customer known by `agreement` (null: by name only). */
  async function voucherOf(o: {
    customer: string;
    agreement: string | null;
    program?: 'AZDPS' | 'SDPS';
    days?: 1 | 3 | 5 | 10 | 15;
  }): Promise<Voucher> {
    n += 1;
    const { voucher } = await w.domain.vouchers.intake(w.staffFr, {
      voucherNumber: `AUD-P-${n}-${Math.random().toString(36).slice(2, 7)}`,
      program: o.program ?? 'AZDPS',
      days: o.days ?? 15,
      customerName: o.customer,
      agreementNumber: o.agreement,
      voucherAdminEmail: 'admin@customer.test',
      assignedOn: '2025-03-01',
      source: { kind: 'manual' },
    });
    return (await w.domain.vouchers.validate(w.staffFr, { voucherId: idOf(voucher), voucherAdminEmail: 'admin@customer.test' })).voucher;
  }
  /** Reserves (through a manager's approval at or above the threshold); returns the voucher as it is after. */
  async function reserved(v: Voucher, exception: string | null = null): Promise<Voucher> {
    const r = await reserveFr(w, v, { fifteenDayException: exception });
    if (!r.approval) return r.voucher;
    const d = await w.domain.approvals.approve(w.manager, { approvalId: String(r.approval._id) });
    assert.deepEqual(
      d.outcomes.map((o) => o.code),
      [null],
    );
    return w.domain.vouchers.get(w.admin, idOf(v));
  }
  before(async () => {
    w = await createWorld(db.connection, 'audit-partner');
    await w.domain.people.upsert(system(), {
      aadObjectId: 'audit-contact',
      name: 'Cora Contact',
      email: 'cora@audit.test',
      roles: ['staff'],
    });
    await w.domain.people.upsert(system(), {
      aadObjectId: 'audit-manager-contact',
      name: 'Max Manager',
      email: 'max@audit.test',
      roles: ['manager'],
    });
    const contacts = [
      { aadObjectId: 'audit-contact', name: 'Cora Contact', email: 'cora@audit.test' },
      { aadObjectId: 'audit-manager-contact', name: 'Max Manager', email: 'max@audit.test' },
    ];
    await w.domain.partners.upsertLocation(system(), { locationId: 'FR-PAR', name: 'Paris', country: 'FR', contacts });
    await w.domain.partners.upsertLocation(system(), { locationId: 'DE-BER', name: 'Berlin', country: 'DE' });
    contact = await w.domain.people.resolveActor(w.admin.partnerId, 'audit-contact');
    managerContact = await w.domain.people.resolveActor(w.admin.partnerId, 'audit-manager-contact');
  });
  beforeEach(() => w.clock.set(START));

  describe('reserve under a location of the engagement country, approved for the program, by its contacts or an admin', () => {
    const rows: { name: string; who: () => Actor; locationId: string; country: string; code: string | null }[] = [
      {
        name: 'country differs from the location',
        who: () => w.staffFr,
        locationId: 'FR-PAR',
        country: 'US',
        code: 'LOCATION_COUNTRY_MISMATCH',
      },
      { name: 'unknown location', who: () => w.admin, locationId: 'XX-NONE', country: 'FR', code: 'LOCATION_NOT_FOUND' },
      {
        name: 'location not approved for the program',
        who: () => w.admin,
        locationId: 'DE-BER',
        country: 'DE',
        code: 'LOCATION_NOT_APPROVED',
      },
      { name: 'staff of another location', who: () => w.staffUs, locationId: 'FR-PAR', country: 'FR', code: 'NOT_LOCATION_CONTACT' },
      { name: 'staff with no location', who: () => w.outsider, locationId: 'FR-PAR', country: 'FR', code: 'NOT_LOCATION_CONTACT' },
      {
        name: 'a manager who is no contact of the location',
        who: () => w.manager,
        locationId: 'FR-PAR',
        country: 'FR',
        code: 'NOT_LOCATION_CONTACT',
      },
      { name: 'the system', who: () => system(), locationId: 'FR-PAR', country: 'FR', code: 'NOT_PERMITTED' },
      {
        name: 'a manager named a contact of the location (anyone with a contact role)',
        who: () => managerContact,
        locationId: 'FR-PAR',
        country: 'FR',
        code: null,
      },
      {
        name: 'a manager named a contact of Paris, for Seattle',
        who: () => managerContact,
        locationId: 'US-SEA',
        country: 'US',
        code: 'NOT_LOCATION_CONTACT',
      },
      { name: 'a contact named on the location', who: () => contact, locationId: 'FR-PAR', country: 'FR', code: null },
      { name: 'staff of the location', who: () => w.staffFr, locationId: 'FR-PAR', country: 'FR', code: null },
      { name: 'an admin, in France', who: () => w.admin, locationId: 'FR-PAR', country: 'FR', code: null },
      { name: 'an admin, in the US', who: () => w.admin, locationId: 'US-SEA', country: 'US', code: null },
    ];
    for (const row of rows) {
      it(`${row.name}: ${row.code ?? 'reserved'}`, async () => {
        const v = await newVoucher(w);
        const act = () =>
          w.domain.vouchers.reserve(row.who(), {
            voucherId: idOf(v),
            locationId: row.locationId,
            engagementCountry: row.country,
            termsAccepted: true,
          });
        if (row.code) await refusedWithoutTrace(w, act, row.code);
        else
          assert.deepEqual(
            [(await act()).voucher.state, (await w.domain.vouchers.get(w.admin, idOf(v))).locationId],
            ['reserved', row.locationId],
          );
      });
    }
    it('staff of another location cannot act on a reserved voucher either (cancel, schedule, ask to redeem)', async () => {
      const v = (await reserveFr(w, await newVoucher(w))).voucher;
      await refusedWithoutTrace(
        w,
        () => w.domain.vouchers.cancel(w.staffUs, { voucherId: idOf(v), reason: 'not mine' }),
        'NOT_LOCATION_CONTACT',
      );
      await refusedWithoutTrace(
        w,
        () =>
          w.domain.vouchers.schedule(w.staffUs, {
            voucherId: idOf(v),
            start: '2025-03-10',
            end: '2025-03-11',
            consultantAadObjectId: w.staffFr.aadObjectId,
          }),
        'NOT_LOCATION_CONTACT',
      );
      const done = await completedVoucher(w);
      await refusedWithoutTrace(
        w,
        () => w.domain.approvals.requestRedemption(w.staffUs, { voucherIds: [idOf(done)] }),
        'NOT_LOCATION_CONTACT',
      );
    });
    it('a contact of the location with another role (a manager) schedules, completes, asks to redeem and cancels there', async () => {
      const v = (await reserveFr(w, await newVoucher(w))).voucher;
      const id = idOf(v);
      assert.ok((await w.domain.queries.details(managerContact, id)).actions.includes('schedule'));
      await w.domain.vouchers.schedule(managerContact, {
        voucherId: id,
        start: '2025-03-10',
        end: '2025-03-11',
        consultantAadObjectId: w.staffFr.aadObjectId,
      });
      await w.domain.deliverables.addLink(managerContact, {
        voucherId: id,
        name: 'Plan',
        url: 'https://contoso.sharepoint.com/sites/x/plan.docx',
      });
      w.clock.set('2025-03-12T09:00:00Z');
      const done = await w.domain.vouchers.complete(managerContact, {
        voucherId: id,
        deliveredOn: '2025-03-11',
        summary: 'Delivered',
        attendees: ['CIO'],
        recommendations: 'Go',
      });
      assert.equal(done.voucher.state, 'completed');
      const asked = await w.domain.approvals.requestRedemption(managerContact, { voucherIds: [id] });
      await w.domain.approvals.reject(w.manager, { approvalId: String(asked.approval._id), comment: 'audit cleanup' });
      const other = (await reserveFr(w, await newVoucher(w))).voucher;
      assert.equal(
        (await w.domain.vouchers.cancel(managerContact, { voucherId: idOf(other), reason: 'customer postponed' })).voucher.state,
        'assigned',
      );
    });
  });

  describe('no second 15-day engagement of a program for a customer, unless the difference is stated and recorded', () => {
    const rows: {
      name: string;
      second: { customer: string; agreement: string | null; program?: 'AZDPS' | 'SDPS'; days?: 10 | 15 };
      exception?: string;
      code: string | null;
    }[] = [
      { name: 'same agreement, same program', second: { customer: 'Fabrikam', agreement: 'AG-1000' }, code: 'FIFTEEN_DAY_RULE' },
      {
        name: 'same agreement under another spelling of the name',
        second: { customer: 'FABRIKAM Inc.', agreement: 'ag 1000' },
        code: 'FIFTEEN_DAY_RULE',
      },
      { name: 'same name, the second without agreement', second: { customer: 'fabrikam', agreement: null }, code: 'FIFTEEN_DAY_RULE' },
      { name: 'same customer, another program', second: { customer: 'Fabrikam', agreement: 'AG-1000', program: 'SDPS' }, code: null },
      { name: 'same customer, a 10-day engagement', second: { customer: 'Fabrikam', agreement: 'AG-1000', days: 10 }, code: null },
      { name: 'another customer', second: { customer: 'Tailspin', agreement: 'AG-2000' }, code: null },
      {
        name: 'same customer, another division stated',
        second: { customer: 'Fabrikam', agreement: 'AG-1000' },
        exception: 'Fabrikam Retail division (separate legal entity)',
        code: null,
      },
    ];
    for (const row of rows) {
      it(`${row.name}: ${row.code ?? 'reserved'}`, async () => {
        const customer = `Fabrikam`;
        const tag = Math.random().toString(36).slice(2, 6);
        const first = await voucherOf({ customer: `${customer} ${tag}`, agreement: `AG-1000-${tag}` });
        await reserved(first);
        const second = await voucherOf({
          ...row.second,
          customer: row.second.customer.replace(/fabrikam/i, (m) => `${m} ${tag}`),
          agreement: row.second.agreement ? `${row.second.agreement}-${tag}` : null,
        });
        if (row.code) {
          const e = await refusedWithoutTrace(w, () => reserveFr(w, second), row.code);
          assert.equal((e.params as { otherNumber: string }).otherNumber, first.number);
          return;
        }
        const after = await reserved(second, row.exception ?? null);
        assert.equal(after.state, 'reserved');
        if (row.exception) {
          assert.equal(after.reservation?.fifteenDayException, row.exception);
          assert.ok(
            after.audit.some((a) => (a.reason ?? '').includes(row.exception ?? '?')),
            'the stated difference is in the audit',
          );
        }
      });
    }
    it('an exception made of blanks is no statement: refused INVALID_INPUT', async () => {
      const v = await voucherOf({ customer: 'Blank Co', agreement: 'AG-BLANK' });
      await refusedWithoutTrace(w, () => reserveFr(w, v, { fifteenDayException: '   ' }), 'INVALID_INPUT');
    });
    it("cancelling the first reservation makes the customer's 15-day engagement available again", async () => {
      const first = await reserved(await voucherOf({ customer: 'Cancel Co', agreement: 'AG-CANCEL' }));
      const second = await voucherOf({ customer: 'Cancel Co', agreement: 'AG-CANCEL' });
      await refusedWithoutTrace(w, () => reserveFr(w, second), 'FIFTEEN_DAY_RULE');
      assert.equal(
        (await w.domain.vouchers.cancel(w.staffFr, { voucherId: idOf(first), reason: 'moved to next year' })).voucher.state,
        'assigned',
      );
      assert.equal((await reserved(second)).state, 'reserved');
    });
  });

  describe('cancellation returns the voucher to assigned, available again', () => {
    it('from reserved and from scheduled; not from completed', async () => {
      const r = (await reserveFr(w, await newVoucher(w))).voucher;
      const s = (await reserveFr(w, await newVoucher(w))).voucher;
      await w.domain.vouchers.schedule(w.staffFr, {
        voucherId: idOf(s),
        start: '2025-03-10',
        end: '2025-03-11',
        consultantAadObjectId: w.staffFr.aadObjectId,
      });
      for (const v of [r, s]) {
        const c = (await w.domain.vouchers.cancel(w.staffFr, { voucherId: idOf(v), reason: 'customer postponed' })).voucher;
        assert.deepEqual(
          [c.state, c.locationId, c.schedule, c.reservation, c.audit.at(-1)?.reason],
          ['assigned', null, null, null, 'customer postponed'],
        );
        assert.equal((await reserveFr(w, c)).voucher.state, 'reserved');
      }
      const done = await completedVoucher(w);
      await refusedWithoutTrace(
        w,
        () => w.domain.vouchers.cancel(w.staffFr, { voucherId: idOf(done), reason: 'too late' }),
        'VOUCHER_WRONG_STATE',
      );
    });
  });

  describe('redemption: every one through a manager, after the report and the deliverable', () => {
    it('no report yet: COMPLETION_REPORT_MISSING; no deliverable: DELIVERABLE_MISSING; one from before a cancellation does not count', async () => {
      const v = (await reserveFr(w, await newVoucher(w))).voucher;
      await w.domain.vouchers.schedule(w.staffFr, {
        voucherId: idOf(v),
        start: '2025-03-10',
        end: '2025-03-11',
        consultantAadObjectId: w.staffFr.aadObjectId,
      });
      await refusedWithoutTrace(
        w,
        () => w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [idOf(v)] }),
        'COMPLETION_REPORT_MISSING',
      );
      await w.domain.deliverables.addLink(w.staffFr, {
        voucherId: idOf(v),
        name: 'Old plan',
        url: 'https://contoso.sharepoint.com/old.docx',
      });
      await w.domain.vouchers.cancel(w.staffFr, { voucherId: idOf(v), reason: 'customer postponed' });
      w.clock.set('2025-03-04T10:00:00Z');
      await reserveFr(w, v);
      await w.domain.vouchers.schedule(w.staffFr, {
        voucherId: idOf(v),
        start: '2025-03-10',
        end: '2025-03-11',
        consultantAadObjectId: w.staffFr.aadObjectId,
      });
      w.clock.set('2025-03-12T10:00:00Z');
      await w.domain.vouchers.complete(w.staffFr, {
        voucherId: idOf(v),
        deliveredOn: '2025-03-11',
        summary: 's',
        attendees: ['CIO'],
        recommendations: 'r',
      });
      await refusedWithoutTrace(w, () => w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [idOf(v)] }), 'DELIVERABLE_MISSING');
      await w.domain.deliverables.addLink(w.staffFr, { voucherId: idOf(v), name: 'Plan', url: 'https://contoso.sharepoint.com/plan.docx' });
      const asked = await w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [idOf(v)] });
      assert.equal((await w.domain.vouchers.get(w.admin, idOf(v))).state, 'completed', 'asking does not redeem');
      assert.ok(!('redeem' in w.domain.vouchers), 'no way to redeem without an approval');
      await refusedWithoutTrace(
        w,
        () => w.domain.approvals.approve(w.staffFr, { approvalId: String(asked.approval._id) }),
        'NOT_PERMITTED',
      );
      assert.equal(
        (await w.domain.approvals.approve(w.manager, { approvalId: String(asked.approval._id) })).vouchers[0]?.state,
        'redeemed',
      );
    });
  });

  describe('approvals: reservations at or above the threshold; conflicting transitions refused while one is pending', () => {
    it('with the default threshold (10 days) 5 days are reserved at once and 10 days go to a manager', async () => {
      assert.equal((await reserveFr(w, await newVoucher(w, { days: 5 }))).approval, null);
      const asked = await reserveFr(w, await newVoucher(w, { days: 10 }));
      assert.deepEqual([asked.approval?.status, asked.voucher.state], ['pending', 'assigned']);
    });
    it('a reservation waiting for a manager: reserve, validate, correct and a redemption are refused APPROVAL_PENDING', async () => {
      const v = await newVoucher(w, { days: 10 });
      const asked = await reserveFr(w, v, { plannedStart: '2025-03-20' });
      const ref = { voucherId: idOf(v) };
      await refusedWithoutTrace(
        w,
        () => w.domain.vouchers.reserve(w.admin, { ...ref, locationId: 'US-SEA', engagementCountry: 'US', termsAccepted: true }),
        'APPROVAL_PENDING',
      );
      await refusedWithoutTrace(
        w,
        () => w.domain.vouchers.validate(w.staffFr, { ...ref, voucherAdminEmail: 'it-admin@customer.test' }),
        'APPROVAL_PENDING',
      );
      await refusedWithoutTrace(w, () => w.domain.vouchers.correct(w.admin, { ...ref, customerName: 'Changed' }), 'APPROVAL_PENDING');
      await w.domain.approvals.reject(w.manager, { approvalId: String(asked.approval?._id), comment: 'not now' });
      assert.equal((await w.domain.vouchers.correct(w.admin, { ...ref, customerName: 'Changed' })).voucher.customerName, 'Changed');
    });
    it('a redemption waiting for a manager: a deliverable and a second request are refused APPROVAL_PENDING', async () => {
      const v = await completedVoucher(w);
      await w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [idOf(v)] });
      await refusedWithoutTrace(
        w,
        () =>
          w.domain.deliverables.addLink(w.staffFr, { voucherId: idOf(v), name: 'Late', url: 'https://contoso.sharepoint.com/late.docx' }),
        'APPROVAL_PENDING',
      );
      await refusedWithoutTrace(w, () => w.domain.approvals.requestRedemption(w.admin, { voucherIds: [idOf(v)] }), 'APPROVAL_PENDING');
    });
  });

  describe('a forward whose sender is not the voucher administrator is flagged for staff confirmation', () => {
    const rows: [string, string | null, boolean][] = [
      ['someone else', 'assistant@customer.test', true],
      ['the administrator in other letter case', 'IT-Admin@Customer.TEST', false],
      ['no sender (typed by staff)', null, false],
    ];
    for (const [name, sender, flagged] of rows) {
      it(`${name}: ${flagged ? 'flagged, reserved only once validated' : 'not flagged'}`, async () => {
        const r = await w.domain.vouchers.intake(w.staffFr, {
          voucherNumber: `FWD-${Math.random().toString(36).slice(2, 9)}`,
          program: 'AZDPS',
          days: 5,
          customerName: 'Forward Co',
          voucherAdminEmail: 'it-admin@customer.test',
          assignedOn: '2025-03-01',
          source: { kind: sender ? 'email' : 'manual', senderEmail: sender },
        });
        assert.equal(r.flagged, flagged);
        assert.equal(
          r.notices.some((x) => x.code === 'SENDER_NOT_ADMIN'),
          flagged,
        );
        if (flagged) await refusedWithoutTrace(w, () => reserveFr(w, r.voucher), 'VOUCHER_NEEDS_CONFIRMATION');
        const ok = await w.domain.vouchers.validate(w.staffFr, { voucherId: idOf(r.voucher), voucherAdminEmail: 'it-admin@customer.test' });
        assert.equal(ok.voucher.needsConfirmation, null);
        assert.equal((await reserveFr(w, ok.voucher)).voucher.state, 'reserved');
      });
    }
  });

  describe('roles as DOMAIN.md "People" says', () => {
    it('staff and managers cannot do what only a partner admin does; an admin can', async () => {
      for (const who of [w.staffFr, w.manager]) {
        await refusedWithoutTrace(
          w,
          () => w.domain.people.upsert(who, { aadObjectId: 'x-new', name: 'X', email: 'x@audit.test', roles: ['admin'] }),
          'NOT_PERMITTED',
        );
        await refusedWithoutTrace(
          w,
          () => w.domain.partners.upsertLocation(who, { locationId: 'FR-LYO', name: 'Lyon', country: 'FR' }),
          'NOT_PERMITTED',
        );
        await refusedWithoutTrace(
          w,
          () => w.domain.partners.tickEligibility(who, { program: 'AZDPS', item: checklistFor('AZDPS')[0]?.key ?? '', done: false }),
          'NOT_PERMITTED',
        );
        await refusedWithoutTrace(
          w,
          () =>
            w.domain.partners.enroll(who, {
              program: 'AZDPS',
              enrolledOn: '2025-03-03',
              agreementSignedOn: '2025-03-01',
              complianceTrainingOn: '2025-03-01',
              locationIds: ['FR-PAR'],
            }),
          'NOT_PERMITTED',
        );
        await refusedWithoutTrace(
          w,
          () =>
            w.domain.partners.updateProfile(who, {
              description: 'd',
              website: null,
              contactEmail: null,
              countries: ['FR'],
              languages: ['fr'],
              programs: ['AZDPS'],
            }),
          'NOT_PERMITTED',
        );
      }
      await w.domain.partners.updateProfile(w.admin, {
        description: 'd',
        website: null,
        contactEmail: null,
        countries: ['FR'],
        languages: ['fr'],
        programs: ['AZDPS'],
      });
    });
    it('a manager who is no location contact cannot take in, reserve, schedule or cancel; staff cannot approve or reject', async () => {
      const v = await newVoucher(w);
      await refusedWithoutTrace(
        w,
        () =>
          w.domain.vouchers.intake(w.manager, {
            voucherNumber: 'MGR-1',
            program: 'AZDPS',
            days: 5,
            assignedOn: '2025-03-01',
            source: { kind: 'manual' },
          }),
        'NOT_PERMITTED',
      );
      await refusedWithoutTrace(w, () => reserveFr({ ...w, staffFr: w.manager }, v), 'NOT_LOCATION_CONTACT');
      const r = (await reserveFr(w, v)).voucher;
      await refusedWithoutTrace(
        w,
        () =>
          w.domain.vouchers.schedule(w.manager, {
            voucherId: idOf(r),
            start: '2025-03-10',
            end: '2025-03-11',
            consultantAadObjectId: w.staffFr.aadObjectId,
          }),
        'NOT_LOCATION_CONTACT',
      );
      await refusedWithoutTrace(w, () => w.domain.vouchers.cancel(w.manager, { voucherId: idOf(r), reason: 'x' }), 'NOT_LOCATION_CONTACT');
      const asked = await reserveFr(w, await newVoucher(w, { days: 10 }));
      await refusedWithoutTrace(
        w,
        () => w.domain.approvals.approve(w.staffFr, { approvalId: String(asked.approval?._id) }),
        'NOT_PERMITTED',
      );
      await refusedWithoutTrace(
        w,
        () => w.domain.approvals.reject(w.admin, { approvalId: String(asked.approval?._id), comment: 'no' }),
        'NOT_PERMITTED',
      );
    });
  });

  describe('eligibility before enrollment; enrollment lasts a year, approves locations; the profile offers enrolled programs only', () => {
    it('on a new partner: enrolling is refused until every item is ticked, then approves the chosen locations', async () => {
      const sys = systemActor(new Types.ObjectId());
      const p = await w.domain.partners.upsertPartner(sys, { slug: 'audit-fresh', name: 'Fresh', tenantIds: ['tenant-audit-fresh'] });
      await w.domain.partners.upsertLocation(sys, { locationId: 'BE-BRU', name: 'Brussels', country: 'BE' });
      const enroll = () =>
        w.domain.partners.enroll(sys, {
          program: 'SDPS',
          enrolledOn: '2025-03-03',
          agreementSignedOn: '2025-03-01',
          complianceTrainingOn: '2025-03-01',
          locationIds: ['BE-BRU'],
        });
      const items = checklistFor('SDPS');
      const admin = partnerAdmin(w.domain.deps).enrollment;
      const byChat = (kind: 'enroll' | 'renew') =>
        admin.enroll(
          sys,
          { program: 'SDPS', agreementSignedOn: '2025-03-01', complianceTrainingOn: '2025-03-01', locationIds: ['BE-BRU'] },
          kind,
        );
      await refusedWithoutTrace(w, () => byChat('renew'), 'ENROLLMENT_MISSING');
      for (const item of items.slice(0, -1)) await w.domain.partners.tickEligibility(sys, { program: 'SDPS', item: item.key, done: true });
      await refusedWithoutTrace(w, enroll, 'ELIGIBILITY_NOT_ACTIVE');
      await refusedWithoutTrace(w, () => byChat('enroll'), 'ELIGIBILITY_NOT_ACTIVE');
      await w.domain.partners.tickEligibility(sys, { program: 'SDPS', item: items.at(-1)?.key ?? '', done: true });
      const e = await enroll();
      assert.equal(e.renewBy.toISOString().slice(0, 10), '2026-03-03');
      const loc = await w.domain.deps.models.locations
        .findOne({ partnerId: p._id, locationId: 'BE-BRU' })
        .lean<{ approvedPrograms: string[] }>();
      assert.deepEqual(loc?.approvedPrograms, ['SDPS']);
    });
    it('current on its renew-by day, lapsed the day after (reserve and profile refused), current again once renewed', async () => {
      const [a, b] = [await newVoucher(w), await newVoucher(w)];
      const profile = (programs: 'AZDPS'[]) =>
        w.domain.partners.updateProfile(w.admin, {
          description: 'd',
          website: null,
          contactEmail: null,
          countries: ['FR'],
          languages: ['fr'],
          programs,
        });
      w.clock.set('2025-06-01T23:00:00Z');
      assert.equal((await reserveFr(w, a)).voucher.state, 'reserved');
      await profile(['AZDPS']);
      w.clock.set('2025-06-02T00:30:00Z');
      await refusedWithoutTrace(w, () => reserveFr(w, b), 'ENROLLMENT_LAPSED');
      await refusedWithoutTrace(w, () => profile(['AZDPS']), 'PROGRAM_NOT_ENROLLED');
      await w.domain.partners.enroll(system(), {
        program: 'AZDPS',
        enrolledOn: '2025-06-02',
        agreementSignedOn: '2025-06-01',
        complianceTrainingOn: '2025-06-01',
        locationIds: ['FR-PAR', 'US-SEA'],
      });
      assert.equal((await reserveFr(w, b)).voucher.state, 'reserved');
      await profile(['AZDPS']);
    });
  });
});
