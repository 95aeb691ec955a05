import { dynamoRateCounter } from '../../shared/abuse/dynamo-rate-counter.ts';
import { hmacClientKey, rateLimiter as limiterOf, type RateLimiter } from '../../shared/abuse/rate-limit.ts';
import { dynamoDocumentClient } from '../../shared/aws/clients.ts';
import { dynamoJourneySessionStore } from '../../shared/http/journey-session-dynamo.ts';
import { claresLawConfig } from './config.ts';
import {
  ApplicationJourney,
  type ApplicationJourneys,
  applicationJourneyScope,
} from './web/application-journey.ts';

/**
 * What the public application's pages are built on, apart from the casework (composition-root.ts), so a page
 * that only asks a question does not carry the case service, its clocks and the bank-holiday calendar.
 */

let journeys: ApplicationJourneys | undefined;
let limiter: RateLimiter | undefined;

/** Online applications in progress (and, for 15 minutes, the reference of one sent), in the platform sessions table. */
export const journeyStore = (): ApplicationJourneys => {
  journeys ??= dynamoJourneySessionStore({
    client: dynamoDocumentClient(),
    tableName: claresLawConfig().sessionsTable,
    scope: applicationJourneyScope,
    schema: ApplicationJourney,
  });
  return journeys;
};

/** Per-client limits on the online application, counted in the platform sessions table on a keyed hash. */
export const rateLimiter = (): RateLimiter => {
  const config = claresLawConfig();
  limiter ??= limiterOf({
    scope: 'clares-law',
    counter: dynamoRateCounter(dynamoDocumentClient(), config.sessionsTable),
    clientKey: hmacClientKey(config.identityHmacKey),
  });
  return limiter;
};
