import { RuleRefusedError, WrongStageError } from './errors.ts';
import type { CaseFile, Grant, GrantId, StaffRef } from './model.ts';

/**
 * APP "Access to records": restriction must never stop the people protecting the victim or children from
 * seeing what they need. An officer not on the list asks, with a reason, and PSD or a chief inspector grants
 * access for a limited time; in an emergency they break the glass: access at once, for a short time, PSD
 * alerted at once and the access reviewed afterwards.
 */

/** Break glass lasts long enough to act in an emergency, and no longer. */
export const breakGlassHours = 2;

/** The periods a safeguarding request may be granted for, in hours: a shift, a day, three days, a week. */
export const grantPeriodsHours = [8, 24, 72, 168] as const;
export type GrantPeriodHours = (typeof grantPeriodsHours)[number];

const hoursAfter = (now: Date, hours: number): string =>
  new Date(now.getTime() + hours * 3_600_000).toISOString();

const requireSafeguardingReason = (reason: string): string => {
  const trimmed = reason.trim();
  if (trimmed === '') {
    throw new RuleRefusedError(
      'Enter the safeguarding reason: who you are protecting and why you need this record.',
      'reason',
      'APP Access to records',
    );
  }
  return trimmed;
};

const findGrant = (file: CaseFile, grantId: string): Grant => {
  const grant = file.grants.find((candidate) => candidate.id === grantId);
  if (!grant) throw new WrongStageError('There is no such safeguarding access on this case.');
  return grant;
};

const replaceGrant = (file: CaseFile, grant: Grant): CaseFile => ({
  ...file,
  grants: file.grants.map((candidate) => (candidate.id === grant.id ? grant : candidate)),
});

export const requestSafeguardingAccess = (
  file: CaseFile,
  command: { readonly reason: string },
  grantee: StaffRef,
  context: { readonly grantId: GrantId; readonly now: Date },
): { readonly file: CaseFile; readonly grant: Grant } => {
  const grant: Grant = {
    id: context.grantId,
    kind: 'safeguarding-request',
    grantee,
    reason: requireSafeguardingReason(command.reason),
    requestedAt: context.now.toISOString(),
    status: 'pending',
  };
  return { file: { ...file, grants: [...file.grants, grant] }, grant };
};

export const breakGlass = (
  file: CaseFile,
  command: { readonly reason: string },
  grantee: StaffRef,
  context: { readonly grantId: GrantId; readonly now: Date },
): { readonly file: CaseFile; readonly grant: Grant } => {
  const at = context.now.toISOString();
  const grant: Grant = {
    id: context.grantId,
    kind: 'break-glass',
    grantee,
    reason: requireSafeguardingReason(command.reason),
    requestedAt: at,
    status: 'granted',
    decidedAt: at,
    validUntil: hoursAfter(context.now, breakGlassHours),
  };
  return { file: { ...file, grants: [...file.grants, grant] }, grant };
};

export interface GrantDecisionCommand {
  readonly decision: 'grant' | 'refuse';
  readonly hours?: GrantPeriodHours | undefined;
  readonly note: string;
}

export const decideSafeguardingRequest = (
  file: CaseFile,
  grantId: string,
  command: GrantDecisionCommand,
  by: StaffRef,
  now: Date,
): { readonly file: CaseFile; readonly grant: Grant } => {
  const grant = findGrant(file, grantId);
  if (grant.kind !== 'safeguarding-request' || grant.status !== 'pending') {
    throw new WrongStageError('This request has already been decided.');
  }
  if (grant.grantee.collarNumber === by.collarNumber) {
    throw new RuleRefusedError('You cannot decide your own request for access.', 'decision');
  }
  const note = command.note.trim();
  if (note === '') throw new RuleRefusedError('Enter a note of your decision.', 'note');
  if (command.decision === 'grant' && command.hours === undefined) {
    throw new RuleRefusedError('Choose how long access lasts.', 'hours');
  }
  const at = now.toISOString();
  const decided: Grant = {
    ...grant,
    status: command.decision === 'grant' ? 'granted' : 'refused',
    decidedBy: by,
    decidedAt: at,
    decisionNote: note,
    ...(command.decision === 'grant' && command.hours !== undefined
      ? { validUntil: hoursAfter(now, command.hours) }
      : {}),
  };
  return { file: replaceGrant(file, decided), grant: decided };
};

/**
 * PSD reviews every break glass: accepted, or referred (for a conduct investigation), which also ends the
 * access if it is still running.
 */
export const reviewBreakGlass = (
  file: CaseFile,
  grantId: string,
  command: { readonly decision: 'accepted' | 'referred'; readonly note: string },
  by: StaffRef,
  now: Date,
): { readonly file: CaseFile; readonly grant: Grant } => {
  const grant = findGrant(file, grantId);
  if (grant.kind !== 'break-glass')
    throw new WrongStageError('Only emergency (break glass) access is reviewed.');
  if (grant.review) throw new WrongStageError('This emergency access has already been reviewed.');
  const note = command.note.trim();
  if (note === '') throw new RuleRefusedError('Enter a note of your review.', 'note');
  const at = now.toISOString();
  const endsEarlier =
    command.decision === 'referred' &&
    grant.validUntil !== undefined &&
    Date.parse(grant.validUntil) > now.getTime();
  const reviewed: Grant = {
    ...grant,
    review: { decision: command.decision, note, by, at },
    ...(endsEarlier ? { validUntil: at } : {}),
  };
  return { file: replaceGrant(file, reviewed), grant: reviewed };
};
