export {
  currentCorrelationId,
  inCorrelationScope,
  isSafeCorrelationId,
  newCorrelationId,
  setCorrelationId,
} from './correlation.ts';
export { createLogger, logger } from './logger.ts';
export {
  isPersonalDataKey,
  personalDataKeyEndings,
  personalDataKeys,
  REDACTED,
  redact,
} from './redaction.ts';
