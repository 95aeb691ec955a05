/**
 * Errors the online-report rules raise. Each message is safe to show to the member of staff (never a name,
 * date of birth, address or anything the person wrote) and names the rule it rests on where there is one.
 */
import * as domain from '../../../shared/domain/errors.ts';

export {
  InvalidInputError,
  NotPermittedError,
  RuleRefusedError,
  WrongStageError,
} from '../../../shared/domain/errors.ts';

/** Someone else changed the record first; reload and check before trying again. */
export class ConcurrentChangeError extends domain.ConcurrentChangeError {
  constructor() {
    super('Someone else changed this record at the same time. Reload it and check before trying again.');
  }
}

export class RecordNotFoundError extends domain.CaseNotFoundError {
  override readonly name = 'RecordNotFoundError';
  constructor() {
    super('There is no online report with that reference.');
  }
}
