import type { Department, Principal } from '../../../shared/auth/principal.ts';
import type { StaffRef } from './model.ts';

/**
 * The force's staff directory, as far as these records need it: who someone is, whom they report to, who
 * commands their unit, and who holds the posts an allegation is routed to. An HR system in production; a
 * fixture matching the demo staff locally.
 */
export interface DirectoryEntry {
  readonly collarNumber: string;
  readonly displayName: string;
  readonly rank: Principal['rank'];
  readonly department: Department;
  /** Collar number of their line manager; absent at the top of the force. */
  readonly lineManager?: string;
  /** Collar number of the commander of their NPU or department (PP/04 §7.2: "NPU/Department Commander"). */
  readonly commander?: string;
  /** Whether they manage people (a police staff manager may receive an allegation: PP/04 §7.2). */
  readonly managesStaff: boolean;
}

/** The posts an allegation against a member of staff is routed to (PP/04 §7.2; APP "Immediate referral"). */
export interface ForceLeads {
  readonly chiefConstable: string;
  /** The chief officer responsible for domestic abuse and professional standards (the nominated NPCC officer). */
  readonly chiefOfficerResponsible: string;
  /** The supervisor within the domestic abuse investigation team who gives early advice. */
  readonly domesticAbuseSupervisor: string;
  /** The workplace domestic abuse champion (APP "Providing support to victims"). */
  readonly workplaceChampion: string;
}

export interface StaffDirectory {
  find(collarNumber: string): Promise<DirectoryEntry | undefined>;
  leads(): Promise<ForceLeads>;
}

export const staffRefOf = (entry: DirectoryEntry | Principal): StaffRef => ({
  collarNumber: entry.collarNumber,
  displayName: entry.displayName,
  rank: entry.rank,
  department: entry.department,
});

/** Collar numbers compare as typed by different people: case and spaces do not matter. */
export const normaliseCollarNumber = (value: string): string => value.replace(/\s+/g, '').toUpperCase();

/** The longest line-management chain walked; deeper than any force, so a loop in the data cannot hang us. */
export const maximumChainLength = 12;

/**
 * The suspect's line managers, nearest first, up to (not including) their local commander: the people PSD
 * usually bars from a case (APP "Access to records"). The commander is told of the allegation instead
 * (PP/04 §7.2) and PSD decides about them.
 */
export const lineManagementBelowCommander = (
  suspect: DirectoryEntry,
  lookup: ReadonlyMap<string, DirectoryEntry>,
): DirectoryEntry[] => {
  const chain: DirectoryEntry[] = [];
  const seen = new Set<string>([suspect.collarNumber]);
  let next = suspect.lineManager;
  while (next && !seen.has(next) && next !== suspect.commander && chain.length < maximumChainLength) {
    const manager = lookup.get(next);
    if (!manager) break;
    chain.push(manager);
    seen.add(next);
    next = manager.lineManager;
  }
  return chain;
};
