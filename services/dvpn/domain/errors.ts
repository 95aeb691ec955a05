/**
 * Errors the notice workflow raises. Each carries a message safe to show the officer (never a name, date
 * of birth or address) and, where the refusal rests on a statute, the section it rests on.
 */
export abstract class DvpnError extends Error {
  abstract readonly status: number;
}

/** The officer's rank or role does not allow the action (a 403, audited as denied). */
export class NotPermittedError extends DvpnError {
  override readonly name = 'NotPermittedError';
  readonly status = 403;
  constructor(
    message: string,
    readonly source?: string,
  ) {
    super(message);
  }
}

/** The request breaks a statutory rule (age, considerations, the order's duration ...): a clear refusal. */
export class RuleRefusedError extends DvpnError {
  override readonly name = 'RuleRefusedError';
  readonly status = 422;
  constructor(
    message: string,
    readonly source: string,
    /** The form field the refusal is about, so the page can put the message beside it. */
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The action does not fit where the case stands (e.g. recording service before authorisation). */
export class WrongStageError extends DvpnError {
  override readonly name = 'WrongStageError';
  readonly status = 409;
}

/** Another officer changed the case first; the caller reloads and tries again. */
export class ConcurrentChangeError extends DvpnError {
  override readonly name = 'ConcurrentChangeError';
  readonly status = 409;
  constructor() {
    super('Someone else changed this case at the same time. Reload it and check before trying again.');
  }
}

export class CaseNotFoundError extends DvpnError {
  override readonly name = 'CaseNotFoundError';
  readonly status = 404;
  constructor() {
    super('There is no notice with that reference.');
  }
}

/** Input that fails validation in the domain (the form layer normally catches it first). */
export class InvalidInputError extends DvpnError {
  override readonly name = 'InvalidInputError';
  readonly status = 400;
  constructor(readonly issues: readonly { readonly field: string; readonly message: string }[]) {
    super(issues[0]?.message ?? 'The details given are not valid.');
  }
}
