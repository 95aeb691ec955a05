import { type Principal, rankIndex, ranks } from '../../../shared/auth/principal.ts';
import {
  type DirectoryEntry,
  type ForceLeads,
  lineManagementBelowCommander,
  normaliseCollarNumber,
  staffRefOf,
} from './directory.ts';
import { RuleRefusedError } from './errors.ts';
import type { AccessListMember, CaseFile, CaseId, Conflict, ReceivedAs } from './model.ts';
import { caseLink, type Notice } from './notices.ts';
import { type Recipient, routeAllegation } from './routing.ts';

/** What the inspector or manager who received the allegation records (PP/04 §7.2). */
export interface AllegationCommand {
  readonly suspectCollarNumber: string;
  readonly victimDescription: string;
  readonly victimCollarNumber?: string | undefined;
  readonly summary: string;
  readonly criminal: boolean;
  readonly crimeNumber?: string | undefined;
  readonly callLogRefs: readonly string[];
  readonly receivedAs: ReceivedAs;
  readonly urgentSafeguarding: boolean;
  readonly safeguardingDetails?: string | undefined;
}

/** What the service looked up for the workflow: the directory and the new case's reference. */
export interface AllegationContext {
  readonly recorder: Principal;
  readonly recorderEntry: DirectoryEntry | undefined;
  readonly suspect: DirectoryEntry | undefined;
  /** The suspect's directory neighbourhood, for their line-management chain. */
  readonly directory: ReadonlyMap<string, DirectoryEntry>;
  readonly leads: ForceLeads;
  readonly id: CaseId;
  readonly now: Date;
}

export interface RecordedAllegation {
  readonly file: CaseFile;
  readonly recipients: readonly Recipient[];
  readonly notices: readonly Notice[];
}

const inspectorIndex = ranks.indexOf('inspector');

/**
 * PP/04 §7.2: "Officers and staff should immediately inform their inspector or police staff manager": an
 * inspector or above, or a member of police staff who manages people, records the allegation.
 */
export const mayRecordAllegation = (principal: Principal, entry: DirectoryEntry | undefined): boolean =>
  rankIndex(principal.rank) >= inspectorIndex ||
  (principal.rank === 'police-staff' && entry?.managesStaff === true);

const blank = (value: string | undefined): boolean => value === undefined || value.trim() === '';

/**
 * Records an allegation of domestic abuse against a member of staff: flagged as a police-suspect case from
 * the first moment, the suspect's line managers barred, the domestic abuse supervisor on the investigating
 * team, and the routed recipients told at once. An admission by the member of staff is recorded as an
 * admission and routed like any other allegation: it is never confidential (PP/04 §7.2).
 */
export const recordAllegation = (
  command: AllegationCommand,
  context: AllegationContext,
): RecordedAllegation => {
  const { suspect, leads, now, id } = context;
  if (!suspect) {
    throw new RuleRefusedError(
      'There is no member of staff with that collar or staff number. Check it and enter it again.',
      'suspectCollarNumber',
    );
  }
  if (normaliseCollarNumber(suspect.collarNumber) === normaliseCollarNumber(context.recorder.collarNumber)) {
    throw new RuleRefusedError(
      'You cannot record an allegation about yourself. Tell your own inspector or manager, who will record it.',
      'suspectCollarNumber',
      'PP/04 §7.2',
    );
  }
  if (command.criminal && blank(command.crimeNumber)) {
    throw new RuleRefusedError(
      'Enter the crime number: one must be obtained for every allegation of a domestic abuse offence by a police employee.',
      'crimeNumber',
      'PP/04 §7.2',
    );
  }
  if (command.urgentSafeguarding && blank(command.safeguardingDetails)) {
    throw new RuleRefusedError(
      'Say what is being done now to keep the victim and any children safe.',
      'safeguardingDetails',
    );
  }
  const at = now.toISOString();
  const recipients = routeAllegation(suspect, leads);
  const supervisorIsSuspect = leads.domesticAbuseSupervisor === suspect.collarNumber;
  const supervisor = supervisorIsSuspect ? undefined : context.directory.get(leads.domesticAbuseSupervisor);
  const members: AccessListMember[] = supervisor
    ? [
        {
          collarNumber: supervisor.collarNumber,
          displayName: supervisor.displayName,
          role: 'investigating-team',
          addedAt: at,
          reason: 'Domestic abuse investigation supervisor (PP/04 §7.2)',
        },
      ]
    : [];
  const conflicts: Conflict[] = lineManagementBelowCommander(suspect, context.directory)
    .filter((manager) => manager.collarNumber !== supervisor?.collarNumber)
    .map((manager) => ({
      collarNumber: manager.collarNumber,
      displayName: manager.displayName,
      relation: 'line-management',
      reason: "In the suspect's line management (staff directory)",
      addedAt: at,
    }));
  const crimeNumber = command.crimeNumber?.trim() || undefined;
  const file: CaseFile = {
    case: {
      id,
      kind: 'allegation',
      version: 0,
      createdAt: at,
      createdBy: staffRefOf(context.recorder),
      stage: 'reported',
      policeSuspect: true,
      admission: command.receivedAs === 'admission',
      urgentSafeguarding: command.urgentSafeguarding,
      suspect: staffRefOf(suspect),
      victim: {
        description: command.victimDescription.trim(),
        ...(blank(command.victimCollarNumber) ? {} : { collarNumber: command.victimCollarNumber?.trim() }),
      },
      allegation: {
        summary: command.summary.trim(),
        criminal: command.criminal,
        receivedAs: command.receivedAs,
        ...(command.urgentSafeguarding ? { safeguardingDetails: command.safeguardingDetails?.trim() } : {}),
      },
      references: { ...(crimeNumber ? { crimeNumber } : {}), callLogRefs: [...command.callLogRefs] },
      restriction: { state: 'unrestricted' },
      restrictionHistory: [],
      ...(supervisor ? { supervisingOfficer: supervisor.collarNumber } : {}),
      notified: recipients.map((recipient) => ({ role: recipient.role, label: recipient.label })),
      accessReports: [],
    },
    members,
    conflicts,
    grants: [],
    incidents: [],
  };
  const what =
    command.receivedAs === 'admission' ? 'An admission of domestic abuse' : 'An allegation of domestic abuse';
  const notices: Notice[] = recipients.map((recipient) => ({
    audience: recipient.audience,
    title: `${what} against a member of staff: ${id}`,
    body: [
      `Recorded by collar ${context.recorder.collarNumber}. You are told as: ${recipient.label}.`,
      command.urgentSafeguarding ? 'Urgent safeguarding is needed.' : '',
      'The crime report and call log must be restricted on the authority of a chief inspector or above (PP/04 §7.2).',
    ]
      .filter(Boolean)
      .join(' '),
    link: caseLink(id),
    priority: 'urgent',
    requiresAcknowledgement: true,
  }));
  return { file, recipients, notices };
};
