/**
 * Errors the disclosure scheme's rules raise. Each message is safe to show the officer or the public: it
 * never holds a name, date of birth, address or anything the applicant typed.
 */
import * as domain from '../../../shared/domain/errors.ts';

export {
  type FieldIssue,
  InvalidInputError,
  NotPermittedError,
  RuleRefusedError,
  WrongStageError,
} from '../../../shared/domain/errors.ts';

/** A contact attempt the applicant's safe-contact arrangements forbid (APP DVDS "safe means of communication"). */
export class ContactRefusedError extends domain.DomainError {
  override readonly name = 'ContactRefusedError';
  readonly status = 422;
  constructor(
    readonly reasons: readonly domain.FieldIssue[],
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

export class ConcurrentChangeError extends domain.ConcurrentChangeError {
  constructor() {
    super('Someone else changed this case at the same time. Reload the case and check before trying again.');
  }
}

export class CaseNotFoundError extends domain.CaseNotFoundError {
  constructor() {
    super('There is no disclosure scheme case with that reference.');
  }
}
