/**
 * Errors the notice workflow raises. Each carries a message safe to show the officer (never a name, date
 * of birth or address) and, where the refusal rests on a statute, the section it rests on.
 */
import * as domain from '../../../shared/domain/errors.ts';

export {
  ConcurrentChangeError,
  /** Any refusal of the workflow: the case service audits these as denied. */
  DomainError,
  InvalidInputError,
  NotPermittedError,
  RuleRefusedError,
  WrongStageError,
} from '../../../shared/domain/errors.ts';

export class CaseNotFoundError extends domain.CaseNotFoundError {
  constructor() {
    super('There is no notice with that reference.');
  }
}
