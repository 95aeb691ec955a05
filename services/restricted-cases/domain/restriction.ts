import { RuleRefusedError, WrongStageError } from './errors.ts';
import type { CaseFile, References, RestrictionChange, StaffRef } from './model.ts';

/**
 * PP/04 §7.2: the crime report of a case with a police employee as victim or suspect, and any associated
 * call log, are restricted on the immediate authority of a chief inspector or above. Lifting or changing a
 * restriction needs the same rank and a reason. The rank is checked by `decideAccess`; these functions keep
 * the record straight.
 */
export interface RestrictionCommand {
  readonly reason: string;
  readonly crimeNumber?: string | undefined;
  readonly callLogRefs: readonly string[];
}

const requireReason = (reason: string): string => {
  const trimmed = reason.trim();
  if (trimmed === '') {
    throw new RuleRefusedError(
      'Enter the reason for this decision: it is recorded with your authority.',
      'reason',
      'PP/04 §7.2',
    );
  }
  return trimmed;
};

const referencesFrom = (command: RestrictionCommand, current: References): References => {
  const crimeNumber = command.crimeNumber?.trim() || current.crimeNumber;
  const callLogRefs = [...new Set(command.callLogRefs.map((ref) => ref.trim()).filter(Boolean))];
  return { ...(crimeNumber ? { crimeNumber } : {}), callLogRefs };
};

const withChange = (
  file: CaseFile,
  change: RestrictionChange,
  next: Partial<CaseFile['case']>,
): CaseFile => ({
  ...file,
  case: { ...file.case, ...next, restrictionHistory: [...file.case.restrictionHistory, change] },
});

export const restrictCase = (
  file: CaseFile,
  command: RestrictionCommand,
  by: StaffRef,
  now: Date,
): CaseFile => {
  if (file.case.restriction.state === 'restricted') {
    throw new WrongStageError('This case is already restricted. Change the restriction instead.');
  }
  if (file.case.stage === 'closed') throw new WrongStageError('This case is closed.');
  const reason = requireReason(command.reason);
  const references = referencesFrom(command, file.case.references);
  if (file.case.allegation?.criminal && !references.crimeNumber) {
    throw new RuleRefusedError(
      'Enter the crime number of the crime report to restrict.',
      'crimeNumber',
      'PP/04 §7.2',
    );
  }
  const at = now.toISOString();
  return withChange(
    file,
    { change: 'restricted', reason, by, at, references },
    {
      restriction: { state: 'restricted', basis: 'chief-inspector-authority', reason, by, at },
      references,
      stage: file.case.stage === 'reported' ? 'under-investigation' : file.case.stage,
    },
  );
};

export const changeRestriction = (
  file: CaseFile,
  command: RestrictionCommand,
  by: StaffRef,
  now: Date,
): CaseFile => {
  if (file.case.restriction.state !== 'restricted') {
    throw new WrongStageError('This case is not restricted. Restrict it instead.');
  }
  const reason = requireReason(command.reason);
  const references = referencesFrom(command, file.case.references);
  const at = now.toISOString();
  return withChange(
    file,
    { change: 'changed', reason, by, at, references },
    { restriction: { state: 'restricted', basis: 'chief-inspector-authority', reason, by, at }, references },
  );
};

export const liftRestriction = (
  file: CaseFile,
  command: { readonly reason: string },
  by: StaffRef,
  now: Date,
): CaseFile => {
  if (file.case.restriction.state !== 'restricted') throw new WrongStageError('This case is not restricted.');
  if (file.case.kind === 'staff-victim-report') {
    throw new WrongStageError(
      'A staff victim’s confidential report stays confidential; share it only with their consent or on the grounds in PP/04 §7.1.',
    );
  }
  const reason = requireReason(command.reason);
  const at = now.toISOString();
  return withChange(
    file,
    { change: 'lifted', reason, by, at, references: file.case.references },
    { restriction: { state: 'unrestricted' } },
  );
};
