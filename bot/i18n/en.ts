/** Text the bot itself writes, in English (cards have their own labels in cards/i18n). */
export const en = {
  apology: (reference: string) =>
    `Sorry, something failed on our side and nothing was changed. Please try again; if it happens again, give this reference to your administrator: ${reference}.`,
  stillRunning: 'I am still working on your previous request with the same message; its answer will follow. Nothing was applied twice.',
  notPermitted: (command: string, roles: string[]) =>
    `Only ${roles.join(' or ')} may use "${command}". Ask your partner admin if you need that role.`,
  notAVoucher: (why: string) =>
    `This does not look like a Planning Services voucher email: ${why}. Paste the whole email the customer forwarded, with its voucher number.`,
  verdicts: {
    training_voucher: 'it is a training voucher (SATV), which is a different program',
    cancelled_voucher: 'the only voucher in it is cancelled',
    not_planning_services: 'its voucher belongs to no Planning Services offering',
    no_voucher_number: 'I found no voucher number in it',
    unreadable: 'I could not read it as an email',
  },
  usage: (example: string) => `That command needs other details. For example: ${example}`,
  usageMissing: (what: string, usage: string, example: string) =>
    `Something is missing: ${what}. Write the command as ${usage}, for example: ${example}`,
  usageUnreadable: (typed: string, what: string, usage: string, example: string) =>
    `I could not read "${typed}" as ${what}. Write the command as ${usage}, for example: ${example}`,
  usageCheck: (usage: string, example: string) => `I could not read that command. Write it as ${usage}, for example: ${example}`,
  dateHint: 'Write dates as 2026-03-15 or 3/15/2026.',
  thanks: 'You are welcome. Type help whenever you need the list of commands.',
  formAgain: 'Open the form again',
  locationUnknown: (typed: string, list: string, example: string) =>
    list
      ? `I found no location "${typed}". Locations you can reserve this voucher under: ${list}. For example: ${example}`
      : `I found no location "${typed}", and none of your locations can take this voucher (approved for its program, with you as a contact). Ask your partner admin.`,
  locationNotUsable: (location: string, number: string, list: string, example: string) =>
    list
      ? `Location ${location} cannot take voucher ${number}: it is not approved for the voucher's program, or you are not one of its contacts. Locations you can use: ${list}. For example: ${example}`
      : `Location ${location} cannot take voucher ${number}, and none of your locations can (approved for its program, with you as a contact). Ask your partner admin.`,
  alreadyKnown: (number: string) => `Voucher ${number} is already recorded: here is where it stands.`,
  notNow: (command: string, number: string, state: string) =>
    `"${command}" is not possible on voucher ${number} now (state: ${state}). The buttons below are what you can do.`,
  unknownVerb: 'This button belongs to an older card. Type "help" to see what you can do now.',
  roles: { admin: 'partner admins', staff: 'staff', manager: 'managers' } as Record<string, string>,
  fields: {
    voucherId: 'voucher',
    voucherNumber: 'voucher number',
    voucherAdminEmail: 'voucher administrator email',
    locationId: 'location',
    engagementCountry: 'engagement country',
    termsAccepted: 'program terms',
    start: 'start date',
    end: 'end date',
    consultant: 'consultant',
    deliveredOn: 'delivered on',
    summary: 'summary',
    attendees: 'attendees',
    recommendations: 'recommendations',
    deliverableUrl: 'deliverable link',
    voucherIds: 'vouchers',
    claimNumber: 'claim number',
    paidOn: 'payment date',
    approvalId: 'approval',
    comment: 'comment',
    reason: 'reason',
    reasonText: 'reason',
    days: 'days',
    program: 'program',
    assignedOn: 'assigned on',
    expiresOn: 'expires on',
    customerName: 'customer',
    expectedState: 'card state',
    page: 'page',
    state: 'state',
    text: 'text',
  } as Record<string, string>,
  invalidFields: (fields: string[]) => `Some fields are missing or invalid: ${fields.join(', ')}. Correct them and try again.`,
};
export type BotTexts = typeof en;
