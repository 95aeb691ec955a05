import * as z from 'zod';

/**
 * The words of an online report, shared by the journey, the screen and the staff pages. Labels are what the
 * public and staff read; values are what is stored.
 */

export const yesNo = ['yes', 'no'] as const;
export const YesNo = z.enum(yesNo);
export type YesNo = z.infer<typeof YesNo>;

/**
 * How the person knows the one who did it. Qualifying relationships follow the Domestic Abuse Act 2021
 * s.2 ("personally connected"), which widened the family of 000 §3.1 (parents, children, siblings,
 * grandparents, in-law and step) to every relative of the Family Law Act 1996 s.63(1) and to a child's
 * other parent; the later law is followed.
 */
export const relationships = [
  'partner',
  'ex-partner',
  'parent-of-child',
  'family-member',
  'other-relative',
  'lives-with',
  'friend',
  'neighbour',
  'work',
  'other',
] as const;
export const Relationship = z.enum(relationships);
export type Relationship = z.infer<typeof Relationship>;

export const relationshipLabels: Readonly<Record<Relationship, string>> = {
  partner: 'Partner, husband, wife, civil partner, boyfriend or girlfriend',
  'ex-partner': 'Ex-partner',
  'parent-of-child': 'The other parent of my child',
  'family-member': 'Family member',
  'other-relative': 'Other relative',
  'lives-with': 'Someone I live with who is not family',
  friend: 'Friend or someone I know',
  neighbour: 'Neighbour',
  work: 'Someone I work with',
  other: 'Someone else',
};

export const relationshipHints: Partial<Readonly<Record<Relationship, string>>> = {
  partner: 'Including someone you are engaged to or in a relationship with',
  'family-member':
    'Mother, father, son, daughter, brother, sister or grandparent, including in-laws and step-family',
  'other-relative': 'Aunt, uncle, niece, nephew or cousin, including in-laws and step-family',
};

/** Relationships in which abuse between people aged 16 or over is domestic abuse (000 §3.1; DA Act 2021 s.2). */
export const domesticRelationships: ReadonlySet<Relationship> = new Set([
  'partner',
  'ex-partner',
  'parent-of-child',
  'family-member',
  'other-relative',
]);

export const ageBands = ['under-16', '16-17', '18-or-over', 'not-known'] as const;
export const AgeBand = z.enum(ageBands);
export type AgeBand = z.infer<typeof AgeBand>;

export const ageBandLabels: Readonly<Record<AgeBand, string>> = {
  'under-16': 'Under 16',
  '16-17': '16 or 17',
  '18-or-over': '18 or over',
  'not-known': 'I do not know',
};

export const contactMethods = ['phone', 'email', 'in-person'] as const;
export const ContactMethod = z.enum(contactMethods);
export type ContactMethod = z.infer<typeof ContactMethod>;

export const contactMethodLabels: Readonly<Record<ContactMethod, string>> = {
  phone: 'Phone',
  email: 'Email',
  'in-person': 'In person',
};

export const safeTimeChoices = ['any-time', 'certain-times'] as const;
export const SafeTimeChoice = z.enum(safeTimeChoices);
export type SafeTimeChoice = z.infer<typeof SafeTimeChoice>;

/** Call grades (000 §8.3): P1 emergency, P2 priority, P3 scheduled. */
export const grades = ['P1', 'P2', 'P3'] as const;
export const Grade = z.enum(grades);
export type Grade = z.infer<typeof Grade>;

export const gradeLabels: Readonly<Record<Grade, string>> = {
  P1: 'P1 emergency',
  P2: 'P2 priority',
  P3: 'P3 scheduled',
};
