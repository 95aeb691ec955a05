/**
 * Errors an HTTP handler may throw on purpose. Each carries a status and a message that is safe to show;
 * anything else thrown is treated as an internal error (500) and its detail stays in the logs.
 */
export abstract class HttpError extends Error {
  abstract readonly statusCode: number;
  /** Shown to the person (page) or the caller (API). Never holds personal data or internals. */
  readonly publicMessage: string;

  constructor(publicMessage: string, options?: { cause?: unknown }) {
    super(publicMessage, options);
    this.publicMessage = publicMessage;
    this.name = new.target.name;
  }
}

/** A body that cannot be read at all (malformed JSON, a form that is not a form). */
export class BadRequestError extends HttpError {
  readonly statusCode = 400;
}

/** A well-formed API body that breaks the schema; `fields` maps each field path to what is wrong with it. */
export class RequestValidationError extends HttpError {
  readonly statusCode = 400;
  constructor(readonly fields: Readonly<Record<string, readonly string[]>>) {
    super('The request is not valid.');
  }
}

/** No valid staff token: missing, expired, forged, or claims we do not accept. */
export class UnauthenticatedError extends HttpError {
  readonly statusCode = 401;
  constructor(publicMessage = 'You need to sign in.', options?: { cause?: unknown }) {
    super(publicMessage, options);
  }
}

/** Signed in, but the route's policy does not admit this person. */
export class ForbiddenError extends HttpError {
  readonly statusCode = 403;
  constructor(publicMessage = 'You do not have permission to see this page.') {
    super(publicMessage);
  }
}

/**
 * The request did not come through the edge (CloudFront and its WAF): its origin header is missing or wrong,
 * as when someone calls the API's own address. The answer says no more than that it is refused.
 */
export class OriginNotVerifiedError extends HttpError {
  readonly statusCode = 403;
  constructor() {
    super('Forbidden.');
  }
}

/** A POST without the form token its cookie vouches for (a forged cross-site post, or an old page). */
export class CsrfTokenError extends HttpError {
  readonly statusCode = 403;
  constructor(reason: string) {
    super('Your form could not be sent. Go back, reload the page and try again.', { cause: reason });
  }
}

export class NotFoundError extends HttpError {
  readonly statusCode = 404;
  constructor(publicMessage = 'Page not found.') {
    super(publicMessage);
  }
}

/** The record changed since it was read (optimistic locking) or the action no longer applies. */
export class ConflictError extends HttpError {
  readonly statusCode = 409;
}

export class PayloadTooLargeError extends HttpError {
  readonly statusCode = 413;
  constructor(readonly limitBytes: number) {
    super(`The request is too large. The limit is ${Math.floor(limitBytes / 1024)} KB.`);
  }
}

export class UnsupportedMediaTypeError extends HttpError {
  readonly statusCode = 415;
}
