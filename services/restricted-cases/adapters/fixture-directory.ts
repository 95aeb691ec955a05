import type { DirectoryEntry, ForceLeads, StaffDirectory } from '../domain/directory.ts';
import { normaliseCollarNumber } from '../domain/directory.ts';

/**
 * The local staff directory: every demo member of staff (infra/local/demo-staff.ts) with their line manager
 * and commander, and the few people the rules route to who never sign in locally (the chief officers, the
 * head of public protection, a workplace champion). All names are invented.
 */
const entry = (
  collarNumber: string,
  displayName: string,
  rank: DirectoryEntry['rank'],
  department: DirectoryEntry['department'],
  lineManager: string | undefined,
  commander: string | undefined,
  managesStaff: boolean,
): DirectoryEntry => ({
  collarNumber,
  displayName,
  rank,
  department,
  ...(lineManager ? { lineManager } : {}),
  ...(commander ? { commander } : {}),
  managesStaff,
});

/** North division is commanded by the chief superintendent; PPU and PSD by their heads. */
export const fixtureStaff: readonly DirectoryEntry[] = [
  entry('4021', 'PC Sam Taylor', 'constable', 'FORCE_RESPONSE', '2107', '0311', false),
  entry('2107', 'PS Jordan Reid', 'sergeant', 'FORCE_RESPONSE', '1402', '0311', true),
  entry('1402', 'Insp Tom Walsh', 'inspector', 'FORCE_RESPONSE', '0311', '0311', true),
  entry('1180', 'Insp Priya Shah', 'inspector', 'NEIGHBOURHOOD', '0874', '0311', true),
  entry('4710', 'PC Ruth Adeyemi', 'constable', 'NEIGHBOURHOOD', '1180', '0311', false),
  entry('0874', 'CI Daniel Okafor', 'chief-inspector', 'COMMAND', '0311', '0311', true),
  entry('0542', 'Supt Helen Marsh', 'superintendent', 'COMMAND', '0311', '0311', true),
  entry('0311', 'Ch Supt Robert Ellis', 'chief-superintendent', 'COMMAND', 'C002', '0311', true),
  entry('3350', 'DC Aisha Khan', 'constable', 'PPU', '2288', '0620', false),
  entry('2288', 'DS Mark Bennett', 'sergeant', 'PPU', '0620', '0620', true),
  entry('0620', 'DCI Naomi Clarke', 'chief-inspector', 'PPU', 'C002', '0620', true),
  entry('2731', 'DS Claire Hughes', 'sergeant', 'PSD', '0415', '0415', false),
  entry('0415', 'Det Supt Fiona Grant', 'superintendent', 'PSD', 'C003', '0415', true),
  entry('S60213', 'Chris Patel', 'police-staff', 'CONTACT_CENTRE', 'S40117', '0311', false),
  entry('S40117', 'Dana Moss', 'police-staff', 'CONTACT_CENTRE', '0874', '0311', true),
  entry('C002', 'ACC David Osei', 'assistant-chief-constable', 'COMMAND', 'C003', 'C001', true),
  entry('C003', 'DCC Sarah Whitlock', 'deputy-chief-constable', 'COMMAND', 'C001', 'C001', true),
  entry('C001', 'CC Margaret Holt', 'chief-constable', 'COMMAND', undefined, undefined, true),
];

export const fixtureLeads: ForceLeads = {
  chiefConstable: 'C001',
  chiefOfficerResponsible: 'C002',
  domesticAbuseSupervisor: '2288',
  workplaceChampion: '4710',
};

export const fixtureDirectory = (
  staff: readonly DirectoryEntry[] = fixtureStaff,
  leads: ForceLeads = fixtureLeads,
): StaffDirectory => {
  const byCollar = new Map(staff.map((person) => [normaliseCollarNumber(person.collarNumber), person]));
  return {
    find: async (collarNumber) => byCollar.get(normaliseCollarNumber(collarNumber)),
    leads: async () => leads,
  };
};
