/**
 * A queue message that cannot be handled as sent: not JSON, an unknown type, or data its schema refuses.
 * Carries the issue paths only (never values), so it is safe to log.
 */
export class InvalidMessageError extends Error {
  constructor(
    readonly reason: 'not-json' | 'not-an-envelope' | 'unknown-type' | 'schema',
    readonly issuePaths: readonly string[] = [],
    readonly kind?: string,
  ) {
    super(
      `Invalid message (${reason}${kind ? `, ${kind}` : ''})${issuePaths.length > 0 ? `: ${issuePaths.join(', ')}` : ''}`,
    );
    this.name = 'InvalidMessageError';
  }
}

/** A message built in code that its own schema refuses: a bug in the sender, caught before it leaves. */
export class MessageContractError extends Error {
  constructor(
    readonly kind: string,
    readonly issuePaths: readonly string[],
  ) {
    super(`Message ${kind} does not match its schema at: ${issuePaths.join(', ')}`);
    this.name = 'MessageContractError';
  }
}

/** The process has no URL for a queue it was asked to send to (the manifest lacks it in `sendsTo`). */
export class UnknownQueueError extends Error {
  constructor(
    readonly queue: string,
    readonly variable: string,
  ) {
    super(`No URL for queue ${queue}: environment variable ${variable} is not set.`);
    this.name = 'UnknownQueueError';
  }
}

/** Paths of zod issues, e.g. `data.audience.collarNumber`; the values are left out on purpose. */
export const issuePaths = (issues: readonly { path: readonly PropertyKey[] }[]): string[] => [
  ...new Set(issues.map((issue) => (issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)'))),
];
