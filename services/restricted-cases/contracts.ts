import type * as z from 'zod';
import { envelopeOf } from '../../shared/contracts/envelope.ts';
import { AccessAlert } from './domain/alerts.ts';

/** The service's own queue: every access attempt, after its audit entry, on its way to PSD. */
export const accessAlertsQueue = 'restricted-case-access-alerts';

/** Where the documents service answers this service's requests for access reports. */
export const documentRepliesQueue = 'restricted-cases-document-replies';

export const AccessAttempted = envelopeOf('restricted-case-access-attempted', 1, AccessAlert);
export type AccessAttempted = z.infer<typeof AccessAttempted>;
