import { HttpError } from '../errors.ts';

export interface ErrorStatus {
  readonly statusCode: number;
  /** Safe to show: our own errors' public message, or nothing. */
  readonly publicMessage: string | undefined;
}

/**
 * Our errors say what to show. Middy's own (from its parsers) are trusted below 500 for their status only;
 * anything else is an internal fault whose message never leaves the logs.
 */
export const errorStatus = (error: unknown): ErrorStatus => {
  if (error instanceof HttpError) return { statusCode: error.statusCode, publicMessage: error.publicMessage };
  if (
    error instanceof Error &&
    'statusCode' in error &&
    typeof error.statusCode === 'number' &&
    error.statusCode >= 400 &&
    error.statusCode < 500
  ) {
    return { statusCode: error.statusCode, publicMessage: undefined };
  }
  return { statusCode: 500, publicMessage: undefined };
};
