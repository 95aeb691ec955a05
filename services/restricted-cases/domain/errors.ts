/**
 * Errors of the restricted-case workflows. Each message is safe to show the member of staff who caused it:
 * it names a rule and, where one applies, its source, never a person.
 */
export abstract class RestrictedCasesError extends Error {
  abstract readonly status: number;
}

/**
 * No such case, or a case this member of staff may not know exists: the two must look the same, so that a
 * guessed reference tells the guesser nothing (APP "Access to records").
 */
export class CaseNotFoundError extends RestrictedCasesError {
  override readonly name = 'CaseNotFoundError';
  readonly status = 404;
  constructor() {
    super('There is no case with that reference that you can open.');
  }
}

/** They may see the case but not do this to it (a constable restricting, anyone but PSD managing the list). */
export class NotPermittedError extends RestrictedCasesError {
  override readonly name = 'NotPermittedError';
  readonly status = 403;
}

/** What was asked breaks a rule (a missing reason, an end date in the past): shown beside its field. */
export class RuleRefusedError extends RestrictedCasesError {
  override readonly name = 'RuleRefusedError';
  readonly status = 422;
  constructor(
    message: string,
    /** The form field the refusal is about. */
    readonly field: string,
    readonly source?: string,
  ) {
    super(message);
  }
}

/** The action does not fit where the case stands (restricting a restricted case, reviewing twice). */
export class WrongStageError extends RestrictedCasesError {
  override readonly name = 'WrongStageError';
  readonly status = 409;
}

/** Someone else changed the case first. */
export class ConcurrentChangeError extends RestrictedCasesError {
  override readonly name = 'ConcurrentChangeError';
  readonly status = 409;
  constructor() {
    super('Someone else changed this case at the same time. Reload it and check before trying again.');
  }
}
