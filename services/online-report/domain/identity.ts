import type { ReportAnswers } from './model.ts';

/**
 * Who a report is about, in the form that is hashed (keyed HMAC) to match reports across time without
 * keeping the plain values in an index (000 §3.4-3.5). Normalising makes small differences in how a
 * person types their name or number give the same key.
 */

export type IdentityKind = 'name-dob' | 'email' | 'phone';

export interface IdentityMaterial {
  readonly role: 'victim' | 'suspect';
  readonly kind: IdentityKind;
  /** What is hashed; never stored. */
  readonly value: string;
}

/** Accents, case, punctuation and word order do not matter: "O'Neill, Mary-Ann" is "maryann oneill". */
export const normaliseName = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`-]/g, '')
    .replace(/[^a-z]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '')
    .sort()
    .join(' ');

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** UK numbers in any format are one number: "+44 (0)7700 900982", "07700900982". */
export const normalisePhone = (phone: string): string => {
  let digits = phone.replace(/\(0\)/g, '').replace(/\D/g, '');
  if (digits.startsWith('0044')) digits = `0${digits.slice(4)}`;
  else if (digits.startsWith('44') && phone.trim().startsWith('+')) digits = `0${digits.slice(2)}`;
  return digits;
};

export const nameAndDateOfBirth = (name: string, dateOfBirth: string): string =>
  `${normaliseName(name)}|${dateOfBirth}`;

/** Everything about the victim and the suspect a report can be matched on. */
export const identityMaterialOf = (report: ReportAnswers): IdentityMaterial[] => {
  const material: IdentityMaterial[] = [
    {
      role: 'victim',
      kind: 'name-dob',
      value: nameAndDateOfBirth(report.reporter.name, report.reporter.dateOfBirth),
    },
  ];
  if (report.contact.email) {
    material.push({ role: 'victim', kind: 'email', value: normaliseEmail(report.contact.email) });
  }
  if (report.contact.phone) {
    material.push({ role: 'victim', kind: 'phone', value: normalisePhone(report.contact.phone) });
  }
  // A name alone matches too many people to call anyone a serial perpetrator.
  if (report.suspect?.dateOfBirth) {
    material.push({
      role: 'suspect',
      kind: 'name-dob',
      value: nameAndDateOfBirth(report.suspect.name, report.suspect.dateOfBirth),
    });
  }
  return material;
};
