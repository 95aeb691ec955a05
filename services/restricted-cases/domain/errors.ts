/**
 * Errors of the restricted-case workflows. Each message is safe to show the member of staff who caused it:
 * it names a rule and, where one applies, its source, never a person.
 */
import * as domain from '../../../shared/domain/errors.ts';

export {
  ConcurrentChangeError,
  NotPermittedError,
  WrongStageError,
} from '../../../shared/domain/errors.ts';

/**
 * No such case, or a case this member of staff may not know exists: the two must look the same, so that a
 * guessed reference tells the guesser nothing (APP "Access to records").
 */
export class CaseNotFoundError extends domain.CaseNotFoundError {
  constructor() {
    super('There is no case with that reference that you can open.');
  }
}

/**
 * What was asked breaks a rule (a missing reason, an end date in the past). Every such refusal here is
 * shown beside its field, so the field is required and comes before the source.
 */
export class RuleRefusedError extends domain.RuleRefusedError {
  declare readonly field: string;
  constructor(message: string, field: string, source?: string) {
    super(message, source, field);
  }
}
