import { logger } from '../observability/logger.ts';

/** What messaging code needs of a logger; any structured logger (Powertools or the project's) fits. */
export interface MessagingLogger {
  info(message: string, ...attributes: Record<string, unknown>[]): void;
  warn(message: string, ...attributes: Record<string, unknown>[]): void;
  error(message: string, ...attributes: Record<string, unknown>[]): void;
}

/** Used when a caller passes none: the project logger (correlation id on every line, personal-data keys redacted). */
export const defaultMessagingLogger = (): MessagingLogger => logger();

/** An error reduced to what is safe to log: project errors carry safe messages; stacks and causes stay out. */
export const describeError = (error: unknown): Record<string, string> =>
  error instanceof Error ? { error: error.name, detail: error.message } : { error: typeof error };
