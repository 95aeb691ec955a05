import type { Principal } from '../../../shared/auth/principal.ts';
import {
  type DirectoryEntry,
  type ForceLeads,
  lineManagementBelowCommander,
  normaliseCollarNumber,
  staffRefOf,
} from './directory.ts';
import { RuleRefusedError, WrongStageError } from './errors.ts';
import type {
  AccessListMember,
  CaseFile,
  CaseId,
  Conflict,
  IncidentKind,
  SharingBasis,
  StaffRef,
  SupportKind,
  WorkplaceIncident,
} from './model.ts';
import { caseLink, type Notice } from './notices.ts';
import { psdAudience } from './routing.ts';

/**
 * A member of staff who is a victim reports confidentially (PP/04 §7.1; APP "Providing support to
 * victims"). They decide what happens: which support they want and with whom their report is shared.
 */

/** How long a line manager or champion the victim chose may read the report before PSD renews it. */
export const consentedAccessDays = 180;

export interface VictimReportCommand {
  readonly whatHappened: string;
  readonly abuserIsStaff: 'yes' | 'no' | 'not-sure';
  readonly abuserCollarNumber?: string | undefined;
  readonly supportWanted: readonly SupportKind[];
  readonly consentToShareWith: readonly SupportKind[];
  /** They have read that offences they disclose are recorded, and when sharing without consent happens. */
  readonly acknowledged: boolean;
}

export interface VictimReportContext {
  readonly reporter: Principal;
  readonly reporterEntry: DirectoryEntry | undefined;
  readonly abuser: DirectoryEntry | undefined;
  readonly directory: ReadonlyMap<string, DirectoryEntry>;
  readonly leads: ForceLeads;
  readonly id: CaseId;
  readonly now: Date;
}

export interface MadeVictimReport {
  readonly file: CaseFile;
  readonly notices: readonly Notice[];
}

const daysAfter = (now: Date, days: number): string =>
  new Date(now.getTime() + days * 86_400_000).toISOString();

export const supportLabels: Record<SupportKind, string> = {
  'line-manager': 'their line manager',
  'occupational-health': 'occupational health',
  champion: 'a workplace domestic abuse champion',
  'specialist-services': 'specialist domestic abuse services',
};

export const reportAsStaffVictim = (
  command: VictimReportCommand,
  context: VictimReportContext,
): MadeVictimReport => {
  const { reporter, now, id, leads } = context;
  if (!command.acknowledged) {
    throw new RuleRefusedError(
      'Confirm that you have read what happens to what you tell us.',
      'acknowledged',
      'PP/04 §7.1',
    );
  }
  const namedCollar = command.abuserCollarNumber?.trim();
  const abuser = command.abuserIsStaff === 'yes' && namedCollar ? context.abuser : undefined;
  if (command.abuserIsStaff === 'yes' && namedCollar && !abuser) {
    throw new RuleRefusedError(
      'There is no member of staff with that collar or staff number. Check it, or leave it blank.',
      'abuserCollarNumber',
    );
  }
  if (abuser && normaliseCollarNumber(abuser.collarNumber) === normaliseCollarNumber(reporter.collarNumber)) {
    throw new RuleRefusedError(
      'Enter the collar or staff number of the person who is abusing you.',
      'abuserCollarNumber',
    );
  }
  const at = now.toISOString();
  const blocked = new Set<string>(abuser ? [abuser.collarNumber] : []);
  const conflicts: Conflict[] = abuser
    ? lineManagementBelowCommander(abuser, context.directory)
        .filter((manager) => manager.collarNumber !== reporter.collarNumber)
        .map((manager) => ({
          collarNumber: manager.collarNumber,
          displayName: manager.displayName,
          relation: 'line-management',
          reason: "In the suspect's line management (staff directory)",
          addedAt: at,
        }))
    : [];
  for (const conflict of conflicts) blocked.add(conflict.collarNumber);

  const people: Partial<Record<SupportKind, DirectoryEntry>> = {};
  const lineManager = context.reporterEntry?.lineManager;
  if (lineManager && !blocked.has(lineManager)) people['line-manager'] = context.directory.get(lineManager);
  if (!blocked.has(leads.workplaceChampion) && leads.workplaceChampion !== reporter.collarNumber) {
    people.champion = context.directory.get(leads.workplaceChampion);
  }

  const members: AccessListMember[] = [
    {
      collarNumber: reporter.collarNumber,
      displayName: reporter.displayName,
      role: 'reporting-victim',
      addedAt: at,
      reason: 'Made this confidential report',
    },
  ];
  for (const kind of command.consentToShareWith) {
    const person = people[kind];
    if (!person) continue;
    members.push({
      collarNumber: person.collarNumber,
      displayName: person.displayName,
      role: 'named',
      addedAt: at,
      reason: `Shared with the victim's consent: ${supportLabels[kind]} (PP/04 §7.1)`,
      until: daysAfter(now, consentedAccessDays),
    });
  }

  const notices: Notice[] = [];
  for (const kind of command.supportWanted) {
    const person = people[kind];
    if (!person) continue;
    const shared = command.consentToShareWith.includes(kind);
    notices.push({
      audience: { kind: 'person', collarNumber: person.collarNumber },
      title: `A colleague (collar ${reporter.collarNumber}) has asked for your support`,
      body: shared
        ? 'They have made a confidential report and agreed that you may read it. Please speak to them privately.'
        : 'They have made a confidential report but have not agreed to share it. Please speak to them privately; do not ask others about it.',
      ...(shared ? { link: caseLink(id) } : {}),
      priority: 'urgent',
      requiresAcknowledgement: true,
    });
  }
  const policeSuspect = command.abuserIsStaff === 'yes';
  if (policeSuspect) {
    // PP/04 §7.2: every allegation against staff is investigated; the victim was told this on the form.
    notices.push({
      audience: psdAudience,
      title: `A confidential report names a member of staff as the abuser: ${id}`,
      body: 'Made by a member of staff who is a victim. Their confidentiality applies: share only with their consent, for child protection, or where there is a high risk of serious harm or death.',
      link: caseLink(id),
      priority: 'urgent',
      requiresAcknowledgement: true,
    });
  }

  const file: CaseFile = {
    case: {
      id,
      kind: 'staff-victim-report',
      version: 0,
      createdAt: at,
      createdBy: staffRefOf(reporter),
      stage: 'reported',
      policeSuspect,
      admission: false,
      urgentSafeguarding: false,
      ...(abuser ? { suspect: staffRefOf(abuser) } : {}),
      victim: { description: reporter.displayName, collarNumber: reporter.collarNumber },
      victimReport: {
        whatHappened: command.whatHappened.trim(),
        abuserIsStaff: command.abuserIsStaff,
        supportWanted: [...command.supportWanted],
        consentToShareWith: [...command.consentToShareWith],
        acknowledgedAt: at,
        sharedWithoutConsent: [],
      },
      references: { callLogRefs: [] },
      restriction: {
        state: 'restricted',
        basis: 'staff-victim-confidentiality',
        reason: 'Confidential report by a member of staff who is a victim (PP/04 §7.1)',
        by: staffRefOf(reporter),
        at,
      },
      restrictionHistory: [],
      notified: [],
      accessReports: [],
    },
    members,
    conflicts,
    grants: [],
    incidents: [],
  };
  return { file, notices };
};

export interface IncidentCommand {
  readonly occurredAt: Date;
  readonly kind: IncidentKind;
  readonly description: string;
  readonly witnesses: string;
  readonly evidence: string;
}

/** PP/04 §7.1: calls, emails and visits by the abuser at work, with witnesses, kept as evidence. */
export const logWorkplaceIncident = (
  file: CaseFile,
  command: IncidentCommand,
  context: { readonly id: string; readonly now: Date },
): CaseFile => {
  if (file.case.kind !== 'staff-victim-report') {
    throw new WrongStageError('Workplace incidents are logged on a staff victim’s own report.');
  }
  if (command.occurredAt.getTime() > context.now.getTime()) {
    throw new RuleRefusedError('The date and time must be in the past.', 'occurredAt');
  }
  const incident: WorkplaceIncident = {
    id: context.id,
    occurredAt: command.occurredAt.toISOString(),
    kind: command.kind,
    description: command.description.trim(),
    witnesses: command.witnesses.trim(),
    evidence: command.evidence.trim(),
    recordedAt: context.now.toISOString(),
  };
  return { ...file, incidents: [...file.incidents, incident] };
};

export interface SharingCommand {
  readonly basis: SharingBasis;
  readonly reason: string;
  readonly sharedWith: string;
}

export const sharingBasisLabels: Record<SharingBasis, string> = {
  'child-protection': 'to protect a child',
  'risk-of-serious-harm-or-death': 'a high risk of serious harm or death',
};

/**
 * PP/04 §7.1: a staff victim's information is shared without their consent only for child protection or a
 * high risk of serious harm or death; the reason is recorded and they are told at once.
 */
export const shareWithoutConsent = (
  file: CaseFile,
  command: SharingCommand,
  by: StaffRef,
  now: Date,
): { readonly file: CaseFile; readonly notice: Notice } => {
  const report = file.case.victimReport;
  const victim = file.case.victim.collarNumber;
  if (file.case.kind !== 'staff-victim-report' || !report || !victim) {
    throw new WrongStageError('Sharing without consent is recorded on a staff victim’s confidential report.');
  }
  if (command.reason.trim() === '')
    throw new RuleRefusedError('Enter the reason for sharing.', 'reason', 'PP/04 §7.1');
  const at = now.toISOString();
  const record = {
    at,
    by,
    basis: command.basis,
    reason: command.reason.trim(),
    sharedWith: command.sharedWith.trim(),
    victimToldAt: at,
  };
  return {
    file: {
      ...file,
      case: {
        ...file.case,
        victimReport: { ...report, sharedWithoutConsent: [...report.sharedWithoutConsent, record] },
      },
    },
    notice: {
      audience: { kind: 'person', collarNumber: victim },
      title: `Information from your confidential report ${file.case.id} has been shared`,
      body: `It was shared without your consent because of ${sharingBasisLabels[command.basis]}. The reason is recorded on your report; you can read it there.`,
      link: caseLink(file.case.id),
      priority: 'urgent',
      requiresAcknowledgement: true,
    },
  };
};
