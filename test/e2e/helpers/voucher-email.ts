import { randomBytes } from 'node:crypto';

/** A voucher notice as a customer forwards it, numbered uniquely and dated days before today. */
export interface ForwardedVoucher {
  number: string;
  customer: string;
  adminEmail: string;
  assignedOn: string;
  text: string;
}

function voucherNumber(): string {
  const part = () => randomBytes(3).toString('hex').toUpperCase().slice(0, 4);
  return `${part()}-${part()}-${part()}`;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The English Volume Licensing notice, forwarded by the customer's voucher administrator. */
export function englishVoucherEmail(now: Date, customer = 'Fabrikam Manufacturing Inc.'): ForwardedVoucher {
  const number = voucherNumber();
  const adminEmail = 'jane.doe@fabrikam.example';
  const assignedOn = isoDay(new Date(now.getTime() - 2 * 86_400_000));
  const text = [
    'Hi Alex,',
    '',
    'Here is the Planning Services voucher we talked about. Can your team plan the deployment with us?',
    '',
    'Best regards,',
    'Jane Doe',
    'IT Manager | Fabrikam',
    '',
    'From: Microsoft Volume Licensing <no-reply@microsoft.com>',
    `Sent: ${assignedOn}`,
    `To: Jane Doe <${adminEmail}>`,
    'Subject: Your Planning Services voucher has been assigned',
    '',
    'Your organization has assigned a Software Assurance Planning Services voucher to a partner.',
    '',
    `Voucher number: ${number}`,
    'Voucher type: Desktop Deployment Planning Services',
    'Number of planning days: 3',
    `Organization name: ${customer}`,
    'Agreement number: 01E73915',
    `Voucher administrator: ${adminEmail}`,
    `Assigned on: ${assignedOn}`,
  ].join('\n');
  return { number, customer, adminEmail, assignedOn, text };
}

/** The French notice (Centre de gestion des licences en volume), forwarded by the customer. */
export function frenchVoucherEmail(now: Date, customer = 'Alpine Ski House SAS'): ForwardedVoucher {
  const number = voucherNumber();
  const adminEmail = 'claire.martin@alpineski.example';
  const assignedOn = isoDay(new Date(now.getTime() - 2 * 86_400_000));
  const text = [
    'Bonjour Alex,',
    '',
    'Voici le bon reçu de Microsoft pour la planification SharePoint.',
    '',
    'Cordialement,',
    'Claire Martin',
    '',
    'De : Centre de gestion des licences en volume <vlsc@microsoft.com>',
    `Envoyé : ${assignedOn}`,
    `À : Claire Martin <${adminEmail}>`,
    'Objet : Bon des services de planification attribué',
    '',
    `Numéro de bon : ${number}`,
    'Programme : Services de planification du déploiement SharePoint',
    'Nombre de jours : 5 jours',
    `Nom du client : ${customer}`,
    'Numéro de contrat : 6200 4471',
    `Administrateur des bons : ${adminEmail}`,
    `Date de création : ${assignedOn}`,
  ].join('\n');
  return { number, customer, adminEmail, assignedOn, text };
}
