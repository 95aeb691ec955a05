import { HttpError } from '../../shared/http/errors.ts';

/**
 * Sign-in could not be finished: the callback does not match this browser's attempt, the provider refused,
 * or its token was not one we accept. A page (not a redirect to sign in again, which could loop).
 */
export class SignInFailedError extends HttpError {
  readonly statusCode: number;
  constructor(statusCode: 400 | 401, publicMessage: string, options?: { cause?: unknown }) {
    super(publicMessage, options);
    this.statusCode = statusCode;
  }
}
