import { LogFormatter, Logger, LogItem } from '@aws-lambda-powertools/logger';
import type { LogAttributes, UnformattedAttributes } from '@aws-lambda-powertools/logger/types';
import { currentCorrelationId } from './correlation.ts';
import { redactingReplacer } from './redaction.ts';

/**
 * Powertools' own layout plus the correlation id of the request or message in hand, read from the
 * per-request scope so concurrent requests in one process never borrow each other's id.
 */
class CorrelatedLogFormatter extends LogFormatter {
  override formatAttributes(attributes: UnformattedAttributes, additional: LogAttributes): LogItem {
    return new LogItem({
      attributes: {
        level: attributes.logLevel,
        message: attributes.message,
        timestamp: this.formatTimestamp(attributes.timestamp),
        service: attributes.serviceName,
        correlation_id: currentCorrelationId(),
        cold_start: attributes.lambdaContext?.coldStart,
        function_name: attributes.lambdaContext?.functionName,
        function_request_id: attributes.lambdaContext?.awsRequestId,
        xray_trace_id: attributes.xRayTraceId,
      },
    }).addAttributes(additional);
  }
}

/**
 * Errors are reduced to their class, message and stack. Project errors carry safe messages; the cause chain
 * is followed so the log shows where a failure began.
 */
const describeError = (error: Error, depth = 0): Record<string, unknown> => ({
  type: error.name,
  message: error.message,
  stack: error.stack,
  ...(error.cause instanceof Error && depth < 3 ? { cause: describeError(error.cause, depth + 1) } : {}),
});

const replacer = (key: string, value: unknown): unknown => {
  const redacted = redactingReplacer(key, value);
  return redacted instanceof Error ? describeError(redacted) : redacted;
};

/**
 * A Powertools logger whose every line carries the correlation id and has personal-data fields
 * (names, dates of birth, addresses, phone numbers, emails, free text...) replaced at any depth.
 * The message text is not inspected: never put personal data in it.
 */
export const createLogger = (serviceName?: string): Logger =>
  new Logger({
    serviceName: serviceName ?? process.env.POWERTOOLS_SERVICE_NAME ?? 'platform',
    logFormatter: new CorrelatedLogFormatter(),
    jsonReplacerFn: replacer,
  });

let shared: Logger | undefined;

/** The process-wide logger for shared code; services may create their own with `createLogger`. */
export const logger = (): Logger => {
  shared ??= createLogger();
  return shared;
};
