/**
 * Errors the online-report rules raise. Each message is safe to show to the member of staff (never a name,
 * date of birth, address or anything the person wrote) and names the rule it rests on where there is one.
 */
export abstract class OnlineReportError extends Error {
  abstract readonly status: number;
}

/** The member of staff's rank or department does not allow the action (403, audited as denied). */
export class NotPermittedError extends OnlineReportError {
  override readonly name = 'NotPermittedError';
  readonly status = 403;
}

/** The change breaks a rule of the policy (e.g. P3 without confirmed safety): refused, with the field at fault. */
export class RuleRefusedError extends OnlineReportError {
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

/** The action does not fit where the log stands (e.g. closing a log already closed). */
export class WrongStageError extends OnlineReportError {
  override readonly name = 'WrongStageError';
  readonly status = 409;
}

/** Someone else changed the record first; reload and check before trying again. */
export class ConcurrentChangeError extends OnlineReportError {
  override readonly name = 'ConcurrentChangeError';
  readonly status = 409;
  constructor() {
    super('Someone else changed this record at the same time. Reload it and check before trying again.');
  }
}

export class RecordNotFoundError extends OnlineReportError {
  override readonly name = 'RecordNotFoundError';
  readonly status = 404;
  constructor() {
    super('There is no online report with that reference.');
  }
}

/** Input the form layer should have caught; the first issue is the message. */
export class InvalidInputError extends OnlineReportError {
  override readonly name = 'InvalidInputError';
  readonly status = 400;
  constructor(readonly issues: readonly { readonly field: string; readonly message: string }[]) {
    super(issues[0]?.message ?? 'The details given are not valid.');
  }
}
