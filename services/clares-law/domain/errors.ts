/**
 * Errors the disclosure scheme's rules raise. Each message is safe to show the officer or the public: it
 * never holds a name, date of birth, address or anything the applicant typed.
 */
export abstract class ClaresLawError extends Error {
  abstract readonly status: number;
}

export interface FieldIssue {
  /** The form field the message belongs beside (its `id`), so the page links the error summary to it. */
  readonly field: string;
  readonly message: string;
  /** The element the error summary links to, when not the field itself (the day box of a date). */
  readonly anchor?: string;
}

/** Input that breaks a field rule: re-show the form with these messages. */
export class InvalidInputError extends ClaresLawError {
  override readonly name = 'InvalidInputError';
  readonly status = 400;
  constructor(readonly issues: readonly FieldIssue[]) {
    super(issues[0]?.message ?? 'The details given are not valid.');
  }
}

/** The member of staff's rank or department may not take this step (audited as denied). */
export class NotPermittedError extends ClaresLawError {
  override readonly name = 'NotPermittedError';
  readonly status = 403;
  constructor(
    message: string,
    readonly source?: string,
  ) {
    super(message);
  }
}

/** The step does not fit where the case stands: recorded out of order. */
export class WrongStageError extends ClaresLawError {
  override readonly name = 'WrongStageError';
  readonly status = 409;
}

/** The step breaks a rule of the scheme (a decision without rationale, a meeting with one document ...). */
export class RuleRefusedError extends ClaresLawError {
  override readonly name = 'RuleRefusedError';
  readonly status = 422;
  constructor(
    message: string,
    readonly source: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** A contact attempt the applicant's safe-contact arrangements forbid (APP DVDS "safe means of communication"). */
export class ContactRefusedError extends ClaresLawError {
  override readonly name = 'ContactRefusedError';
  readonly status = 422;
  constructor(
    readonly reasons: readonly FieldIssue[],
    /** The attempt as entered, so the refusal itself can be kept on the case. */
    readonly attempt?: {
      readonly method: 'phone' | 'email' | 'in-person' | 'support-worker';
      readonly at: Date;
      readonly outcome: 'spoke' | 'no-answer' | 'message-left' | 'met';
    },
  ) {
    super(reasons[0]?.message ?? 'This contact is not safe for the applicant.');
  }
}

export class ConcurrentChangeError extends ClaresLawError {
  override readonly name = 'ConcurrentChangeError';
  readonly status = 409;
  constructor() {
    super('Someone else changed this case at the same time. Reload the case and check before trying again.');
  }
}

export class CaseNotFoundError extends ClaresLawError {
  override readonly name = 'CaseNotFoundError';
  readonly status = 404;
  constructor() {
    super('There is no disclosure scheme case with that reference.');
  }
}
