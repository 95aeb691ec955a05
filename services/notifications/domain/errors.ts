/**
 * The notification does not exist or is not addressed to the person asking. One error for both, so the
 * answer never tells anyone that a notification they may not see exists.
 */
export class NotificationNotFoundError extends Error {
  constructor() {
    super('That notification does not exist or is not addressed to you.');
    this.name = 'NotificationNotFoundError';
  }
}

/** Only a notification flagged as needing acknowledgement can be acknowledged. */
export class AcknowledgementNotRequiredError extends Error {
  constructor() {
    super('That notification does not need acknowledging.');
    this.name = 'AcknowledgementNotRequiredError';
  }
}
