import type { DirectoryEntry } from './directory.ts';
import { RuleRefusedError } from './errors.ts';
import type { CaseFile, ConflictRelation, StaffRef } from './model.ts';

/**
 * PSD keeps the need-to-know list (APP "Access to records"): the investigating team, named people with a
 * reason and an end date, and the people barred as conflicted whatever their rank or role.
 */

/** The longest a named person's access may run before PSD renews it. */
export const maximumNamedAccessDays = 365;

const requireReason = (reason: string, field = 'reason'): string => {
  const trimmed = reason.trim();
  if (trimmed === '') throw new RuleRefusedError('Enter the reason: it is kept with the access list.', field);
  return trimmed;
};

export interface AddMemberCommand {
  readonly person: DirectoryEntry | undefined;
  readonly role: 'investigating-team' | 'named';
  readonly reason: string;
  /** Named people only. */
  readonly until?: Date | undefined;
}

export const addMember = (file: CaseFile, command: AddMemberCommand, by: StaffRef, now: Date): CaseFile => {
  const person = command.person;
  if (!person)
    throw new RuleRefusedError(
      'There is no member of staff with that collar or staff number.',
      'collarNumber',
    );
  if (file.case.suspect?.collarNumber === person.collarNumber) {
    throw new RuleRefusedError('The suspect can never be given access to the case.', 'collarNumber');
  }
  if (file.conflicts.some((conflict) => conflict.collarNumber === person.collarNumber)) {
    throw new RuleRefusedError(
      'This person is barred as conflicted. Remove the conflict first if that is right.',
      'collarNumber',
    );
  }
  const reason = requireReason(command.reason);
  let until: string | undefined;
  if (command.role === 'named') {
    if (!command.until) throw new RuleRefusedError('Enter the date access ends.', 'until');
    const ms = command.until.getTime();
    if (ms <= now.getTime()) throw new RuleRefusedError('The end date must be in the future.', 'until');
    if (ms > now.getTime() + maximumNamedAccessDays * 86_400_000) {
      throw new RuleRefusedError(
        `Access can be given for at most ${maximumNamedAccessDays} days at a time.`,
        'until',
      );
    }
    until = command.until.toISOString();
  }
  const others = file.members.filter(
    (member) => !(member.collarNumber === person.collarNumber && member.role === command.role),
  );
  return {
    ...file,
    members: [
      ...others,
      {
        collarNumber: person.collarNumber,
        displayName: person.displayName,
        role: command.role,
        addedAt: now.toISOString(),
        addedBy: by,
        reason,
        ...(until ? { until } : {}),
      },
    ],
  };
};

export const removeMember = (file: CaseFile, collarNumber: string, reason: string): CaseFile => {
  requireReason(reason);
  const members = file.members.filter(
    (member) => member.collarNumber !== collarNumber || member.role === 'reporting-victim',
  );
  if (members.length === file.members.length) {
    throw new RuleRefusedError('That person is not on the access list.', 'collarNumber');
  }
  return { ...file, members };
};

export interface AddConflictCommand {
  readonly person: DirectoryEntry | undefined;
  readonly relation: ConflictRelation;
  readonly reason: string;
}

/** A conflict bars the person at once, so any place they had on the list goes with it. */
export const addConflict = (
  file: CaseFile,
  command: AddConflictCommand,
  by: StaffRef,
  now: Date,
): CaseFile => {
  const person = command.person;
  if (!person)
    throw new RuleRefusedError(
      'There is no member of staff with that collar or staff number.',
      'collarNumber',
    );
  if (
    file.members.some(
      (member) => member.collarNumber === person.collarNumber && member.role === 'reporting-victim',
    )
  ) {
    throw new RuleRefusedError(
      'The member of staff who made this report cannot be barred from it.',
      'collarNumber',
    );
  }
  const reason = requireReason(command.reason);
  return {
    ...file,
    members: file.members.filter((member) => member.collarNumber !== person.collarNumber),
    conflicts: [
      ...file.conflicts.filter((conflict) => conflict.collarNumber !== person.collarNumber),
      {
        collarNumber: person.collarNumber,
        displayName: person.displayName,
        relation: command.relation,
        reason,
        addedAt: now.toISOString(),
        addedBy: by,
      },
    ],
  };
};

export const removeConflict = (file: CaseFile, collarNumber: string, reason: string): CaseFile => {
  requireReason(reason);
  const conflicts = file.conflicts.filter((conflict) => conflict.collarNumber !== collarNumber);
  if (conflicts.length === file.conflicts.length) {
    throw new RuleRefusedError('That person is not barred from the case.', 'collarNumber');
  }
  return { ...file, conflicts };
};
