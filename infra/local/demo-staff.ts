import type { Department, Principal } from '../../shared/auth/principal.ts';

/** A made-up member of staff the local sign-in page offers; tests sign in as these by `id`. */
export interface DemoStaffMember {
  /** Stable handle used by tests and the sign-in form, e.g. `superintendent`. */
  readonly id: string;
  /** The token's `sub`: fixed, so audit entries and inbox items survive a restart of `npm start`. */
  readonly subject: string;
  readonly displayName: string;
  readonly rank: Principal['rank'];
  readonly department: Department;
  readonly collarNumber: string;
  /** What the person does, shown on the sign-in page to help pick the right one. */
  readonly role: string;
}

const member = (
  number: number,
  id: string,
  displayName: string,
  rank: Principal['rank'],
  department: Department,
  collarNumber: string,
  role: string,
): DemoStaffMember => ({
  id,
  subject: `00000000-0000-4000-8000-${String(number).padStart(12, '0')}`,
  displayName,
  rank,
  department,
  collarNumber,
  role,
});

/**
 * One of each kind of person the rules treat differently (DOMAIN.md "People and words"): every rank up to
 * chief superintendent, the PPU and PSD departments, the Force Response duty inspector who takes high-risk
 * cases, and police staff who hold no rank. All names are invented.
 */
export const demoStaff: readonly DemoStaffMember[] = [
  member(1, 'constable', 'PC Sam Taylor', 'constable', 'FORCE_RESPONSE', '4021', 'Response officer'),
  member(2, 'sergeant', 'PS Jordan Reid', 'sergeant', 'FORCE_RESPONSE', '2107', 'Duty sergeant'),
  member(3, 'inspector', 'Insp Priya Shah', 'inspector', 'NEIGHBOURHOOD', '1180', 'Neighbourhood inspector'),
  member(
    4,
    'chief-inspector',
    'CI Daniel Okafor',
    'chief-inspector',
    'COMMAND',
    '0874',
    'District chief inspector',
  ),
  member(5, 'superintendent', 'Supt Helen Marsh', 'superintendent', 'COMMAND', '0542', 'Duty superintendent'),
  member(
    6,
    'chief-superintendent',
    'Ch Supt Robert Ellis',
    'chief-superintendent',
    'COMMAND',
    '0311',
    'Divisional commander',
  ),
  member(7, 'ppu-officer', 'DC Aisha Khan', 'constable', 'PPU', '3350', 'Public Protection Unit officer'),
  member(8, 'ppu-sergeant', 'DS Mark Bennett', 'sergeant', 'PPU', '2288', 'Domestic abuse supervisor (PPU)'),
  member(
    9,
    'psd-investigator',
    'DS Claire Hughes',
    'sergeant',
    'PSD',
    '2731',
    'Professional Standards investigator',
  ),
  member(
    10,
    'psd-head',
    'Det Supt Fiona Grant',
    'superintendent',
    'PSD',
    '0415',
    'Head of Professional Standards',
  ),
  member(
    11,
    'duty-inspector',
    'Insp Tom Walsh',
    'inspector',
    'FORCE_RESPONSE',
    '1402',
    'Force Response duty inspector',
  ),
  member(
    12,
    'contact-handler',
    'Chris Patel',
    'police-staff',
    'CONTACT_CENTRE',
    'S60213',
    'Contact centre call handler',
  ),
];

export class UnknownDemoStaffError extends Error {
  constructor(id: string) {
    super(
      `There is no demo member of staff "${id}"; choose one of: ${demoStaff.map((m) => m.id).join(', ')}.`,
    );
    this.name = 'UnknownDemoStaffError';
  }
}

export const findDemoStaff = (id: string): DemoStaffMember | undefined => demoStaff.find((m) => m.id === id);

export const demoStaffMember = (id: string): DemoStaffMember => {
  const found = findDemoStaff(id);
  if (!found) throw new UnknownDemoStaffError(id);
  return found;
};
