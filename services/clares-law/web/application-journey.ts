import { createHash } from 'node:crypto';
import * as z from 'zod';
import { type JourneySessionStore, journeyCookie } from '../../../shared/http/journey-session.ts';

/**
 * The online application's journey as the service keeps it: the answers typed so far, server-side in the
 * platform sessions table through shared/http/journey-session.ts (an unguessable id in a cookie, the answers
 * forgotten after an hour idle, and once sent the reference alone for 15 minutes). The emergency answer is
 * never stored.
 */

const RawAnswers = z.record(
  z.string(),
  z.union([z.string().max(30_000), z.array(z.string().max(30_000)).max(20)]),
);

export const ApplicationJourney = z.object({
  answers: RawAnswers,
  /** Set once check your answers has been reached: change links come back to it. */
  reachedCheckAnswers: z.boolean().default(false),
});
export type ApplicationJourney = z.infer<typeof ApplicationJourney>;

export type ApplicationJourneys = JourneySessionStore<ApplicationJourney>;

/** Where the sessions table keeps the scheme's applications, apart from every other service's journeys. */
export const applicationJourneyScope = 'clares-law-journey';

/** The browser's journey cookie: SameSite=Strict; a session cookie while answering, 15 minutes once sent. */
export const applicationCookie = journeyCookie('__Host-clares-law-journey');

/**
 * The key that makes one case of one journey however often it is sent: derived from the journey id, so a
 * new journey (after sending, or once the old one expired) is a new application; it does not reveal the id.
 */
export const submissionKeyOf = (id: string): string =>
  createHash('sha256').update(`clares-law-submission#${id}`).digest('base64url');
