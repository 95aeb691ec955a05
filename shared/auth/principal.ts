import * as z from 'zod';

/** Police ranks, lowest first (DOMAIN.md "People and words"). Chief officers sit above chief superintendent. */
export const ranks = [
  'constable',
  'sergeant',
  'inspector',
  'chief-inspector',
  'superintendent',
  'chief-superintendent',
  'assistant-chief-constable',
  'deputy-chief-constable',
  'chief-constable',
] as const;
export const Rank = z.enum(ranks);
export type Rank = z.infer<typeof Rank>;

/** Police staff grades sit beside ranks; they hold no rank. */
export const StaffGrade = z.literal('police-staff');

/** Departments are not ranks (DOMAIN.md): PPU and PSD are where someone works, not how senior they are. */
export const departments = [
  'PPU',
  'PSD',
  'FORCE_RESPONSE',
  'CONTACT_CENTRE',
  'NEIGHBOURHOOD',
  'CID',
  'COMMAND',
  'OPCC',
] as const;
export const Department = z.enum(departments);
export type Department = z.infer<typeof Department>;

/** A signed-in member of staff, as the verified token describes them. */
export const Principal = z.object({
  subject: z.string().min(1),
  collarNumber: z.string().min(1),
  displayName: z.string().min(1),
  rank: z.union([Rank, StaffGrade]),
  department: Department,
});
export type Principal = z.infer<typeof Principal>;

export const rankIndex = (rank: Principal['rank']): number =>
  rank === 'police-staff' ? -1 : ranks.indexOf(rank);

export const rankLabel = (rank: Principal['rank']): string =>
  rank
    .split('-')
    .map((word, i) => (i === 0 ? word[0]?.toUpperCase() + word.slice(1) : word))
    .join(' ');
