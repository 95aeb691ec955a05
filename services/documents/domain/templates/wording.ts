import { type Department, type Principal, rankLabel } from '../../../../shared/auth/principal.ts';

interface OfficerDetails {
  readonly name: string;
  readonly rank: Principal['rank'];
  readonly collarNumber: string;
}

/** `Superintendent Jane Okafor (collar 4412)`. */
export const officerLine = (officer: OfficerDetails): string =>
  `${rankLabel(officer.rank)} ${officer.name} (collar ${officer.collarNumber})`;

const departmentLabels: Record<Department, string> = {
  PPU: 'Public Protection Unit',
  PSD: 'Professional Standards',
  FORCE_RESPONSE: 'Force Response',
  CONTACT_CENTRE: 'Contact Centre',
  NEIGHBOURHOOD: 'Neighbourhood',
  CID: 'CID',
  COMMAND: 'Command',
  OPCC: 'OPCC',
};

export const departmentLabel = (department: Department): string => departmentLabels[department];
