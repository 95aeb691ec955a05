import { RuleRefusedError, WrongStageError } from './errors.ts';
import type { CaseFile, OutcomeKind, StaffRef } from './model.ts';

/**
 * PP/04 §7.2: a conviction, or misconduct proceedings without one, with the full range of sanctions; PSD
 * records how the case ended and closes it.
 */
export const recordOutcome = (
  file: CaseFile,
  command: { readonly kind: OutcomeKind; readonly note: string },
  by: StaffRef,
  now: Date,
): CaseFile => {
  if (file.case.stage === 'closed') throw new WrongStageError('This case is closed.');
  const note = command.note.trim();
  if (note === '') throw new RuleRefusedError('Enter a note of the outcome.', 'note');
  return {
    ...file,
    case: {
      ...file.case,
      stage: 'outcome-recorded',
      outcome: { kind: command.kind, note, by, at: now.toISOString() },
    },
  };
};

/** An allegation closes once its outcome is recorded; a staff victim's report when its support has ended. */
export const closeCase = (
  file: CaseFile,
  command: { readonly reason: string },
  by: StaffRef,
  now: Date,
): CaseFile => {
  if (file.case.stage === 'closed') throw new WrongStageError('This case is already closed.');
  if (file.case.kind === 'allegation' && !file.case.outcome) {
    throw new RuleRefusedError('Record the outcome before closing the case.', 'closeReason');
  }
  const reason = command.reason.trim();
  if (reason === '') throw new RuleRefusedError('Enter the reason for closing the case.', 'closeReason');
  return { ...file, case: { ...file.case, stage: 'closed', closure: { reason, by, at: now.toISOString() } } };
};
