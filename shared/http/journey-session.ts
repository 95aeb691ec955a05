import { createHash, randomBytes } from 'node:crypto';
import { clearCookie, setCookie } from './cookies.ts';

/**
 * A public journey (a form filled in page by page, with no account) kept server-side. The browser holds only
 * an unguessable id in a cookie; the store keeps the answers under the SHA-256 of that id, so reading the
 * store opens no journey. Each service keeps its own answers type; this module keeps what every public
 * journey must do alike on a device that may not be the person's own:
 *
 * - answers in progress are forgotten after an hour without a save;
 * - once sent, the answers go at once and only the reference stays, for 15 minutes, so the confirmation page
 *   can be reloaded (or asked for again when its first answer was lost) and shows the same reference;
 * - "Exit this page", a stop page or a diversion forgets the journey at once.
 */

/** Idle time after which a journey in progress is forgotten; every save starts it again. */
export const journeyLifetimeSeconds = 60 * 60;

/**
 * How long after sending the reference stays for the confirmation page, for the same browser: long enough for
 * a reload or a page lost on the way to show it again, short enough that a shared phone soon keeps nothing.
 */
export const sentLifetimeSeconds = 15 * 60;

/** What a journey holds: the answers so far, or once sent the reference alone and nothing of the answers. */
export type JourneySession<State> =
  | { readonly status: 'in-progress'; readonly state: State }
  | { readonly status: 'sent'; readonly reference: string };

/** Where the journeys of one service are kept (the platform `sessions` table in AWS and locally). */
export interface JourneySessionStore<State> {
  /** The journey `id` names, if it is still alive at `now`; anything that is not a journey id finds none. */
  load(id: string, now: Date): Promise<JourneySession<State> | undefined>;
  /** Keeps the answers so far for `journeyLifetimeSeconds` from `now`. */
  save(id: string, state: State, now: Date): Promise<void>;
  /** Replaces the answers with the reference alone, kept for `sentLifetimeSeconds` from `now`. */
  markSent(id: string, reference: string, now: Date): Promise<void>;
  /** Deletes the journey at once, whatever it holds. */
  forget(id: string): Promise<void>;
}

const idPattern = /^[A-Za-z0-9_-]{43}$/;

/** 256 random bits, base64url: nobody guesses another person's journey. */
export const newJourneyId = (): string => randomBytes(32).toString('base64url');

export const isJourneyId = (value: unknown): value is string =>
  typeof value === 'string' && idPattern.test(value);

/**
 * The key a journey is kept under: the service's scope and the SHA-256 of the id, never the id itself. The
 * scope keeps two services' journeys apart.
 */
export const journeyKeyOf = (scope: string, id: string): string =>
  `${scope}#${createHash('sha256').update(id).digest('base64url')}`;

/** Epoch seconds after which a journey saved (or sent) at `now` is forgotten. */
export const expiresAtOf = (status: JourneySession<unknown>['status'], now: Date): number =>
  Math.floor(now.getTime() / 1000) + (status === 'sent' ? sentLifetimeSeconds : journeyLifetimeSeconds);

/** Whether a journey expiring at `expiresAt` (epoch seconds) is still alive at `now`. */
export const isAlive = (expiresAt: number, now: Date): boolean => expiresAt * 1000 > now.getTime();

/** The cookie that carries one service's journey id. */
export interface JourneyCookie {
  readonly name: string;
  /** The journey id the request's cookies name, if it is one. */
  idIn(cookies: Readonly<Record<string, string>>): string | undefined;
  /** For answers in progress: a session cookie (no expiry date), sent only by this site's own pages. */
  inProgress(id: string): string;
  /** Once sent: the same cookie, dropped by the browser when the reference is forgotten. */
  sent(id: string): string;
  /** Tells the browser to drop it. */
  forget(): string;
}

export const journeyCookie = (name: string): JourneyCookie => ({
  name,
  idIn: (cookies) => {
    const id = cookies[name];
    return isJourneyId(id) ? id : undefined;
  },
  inProgress: (id) => setCookie(name, id, { sameSite: 'Strict' }),
  sent: (id) => setCookie(name, id, { sameSite: 'Strict', maxAgeSeconds: sentLifetimeSeconds }),
  forget: () => clearCookie(name),
});

/** What a public page knows of its journey: none, the answers so far, or the reference of what was sent. */
export type OpenJourney<State> =
  | { readonly status: 'none' }
  | ({ readonly id: string } & JourneySession<State>);

/** The journey the request's cookie points at, if it is still alive. */
export const openJourney = async <State>(
  cookies: Readonly<Record<string, string>>,
  cookie: JourneyCookie,
  store: JourneySessionStore<State>,
  now: Date,
): Promise<OpenJourney<State>> => {
  const id = cookie.idIn(cookies);
  const session = id ? await store.load(id, now) : undefined;
  return id && session ? { id, ...session } : { status: 'none' };
};
