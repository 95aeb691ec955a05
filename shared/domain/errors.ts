/**
 * The refusals every case workflow raises. Each carries the HTTP status it maps to and a message safe to
 * show whoever caused it: a rule and, where there is one, its source; never a name, date of birth, address
 * or anything a person typed. A service keeps its own wording (what "not found" means to it) by extending
 * these, so one `instanceof` check serves every service.
 *
 * Each class spells out its `name` rather than reading the constructor's: bundles are minified, and the
 * name is what the audit log records as the reason for a refusal.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
}

/** A problem with one field, shown beside it and in the error summary. */
export interface FieldIssue {
  /** The form field the message belongs beside (its `id`), so the page links the error summary to it. */
  readonly field: string;
  readonly message: string;
  /** The element the error summary links to, when not the field itself (the day box of a date). */
  readonly anchor?: string;
}

/** The person's rank, role or department does not allow the action (403, audited as denied). */
export class NotPermittedError extends DomainError {
  override readonly name = 'NotPermittedError';
  readonly status = 403;
  constructor(
    message: string,
    /** The policy or statute that reserves the action, when the page should name it. */
    readonly source?: string,
  ) {
    super(message);
  }
}

/** What was asked breaks a rule (a statutory limit, a missing rationale ...): a clear refusal. */
export class RuleRefusedError extends DomainError {
  override readonly name = 'RuleRefusedError';
  readonly status = 422;
  constructor(
    message: string,
    /** The statute, policy or guidance the rule comes from. */
    readonly source?: string,
    /** The form field the refusal is about, so the page can put the message beside it. */
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The action does not fit where the case stands (recorded out of order, or twice). */
export class WrongStageError extends DomainError {
  override readonly name = 'WrongStageError';
  readonly status = 409;
}

/** Someone else changed the case first (optimistic locking); the person reloads and checks. */
export class ConcurrentChangeError extends DomainError {
  override readonly name = 'ConcurrentChangeError';
  readonly status = 409;
  constructor(
    message = 'Someone else changed this case at the same time. Reload it and check before trying again.',
  ) {
    super(message);
  }
}

/**
 * No such case, or none this person may open. Each service says which in its own words; the name is open
 * to a service whose records are not called cases.
 */
export class CaseNotFoundError extends DomainError {
  override readonly name: string = 'CaseNotFoundError';
  readonly status = 404;
  constructor(message: string) {
    super(message);
  }
}

/** Input that fails validation in the domain (the form layer normally catches it first). */
export class InvalidInputError extends DomainError {
  override readonly name = 'InvalidInputError';
  readonly status = 400;
  constructor(readonly issues: readonly FieldIssue[]) {
    super(issues[0]?.message ?? 'The details given are not valid.');
  }
}
