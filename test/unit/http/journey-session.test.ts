import { describe, expect, it } from 'vitest';
import {
  expiresAtOf,
  isAlive,
  isJourneyId,
  journeyCookie,
  journeyKeyOf,
  newJourneyId,
} from '../../../shared/http/journey-session.ts';

describe('Journey ids are unguessable (256 random bits) and only well-formed ones are read', () => {
  it('a new id is 43 base64url characters, and a thousand are all different', () => {
    const ids = Array.from({ length: 1000 }, newJourneyId);

    expect([ids.every((id) => /^[A-Za-z0-9_-]{43}$/.test(id)), new Set(ids).size]).toEqual([true, 1000]);
  });

  it('anything else is not a journey id', () => {
    const id = newJourneyId();

    expect([id, '', 'abc', `${id}A`, `${id.slice(0, 42)}=`, 42, undefined].map(isJourneyId)).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('the key a journey is kept under is the scope and the SHA-256 of the id, never the id', () => {
    const id = newJourneyId();
    const key = journeyKeyOf('report-journey', id);

    expect([
      key.startsWith('report-journey#'),
      key.includes(id),
      key === journeyKeyOf('clares-law-journey', id),
    ]).toEqual([true, false, false]);
  });
});

describe('Journey lifetimes: an hour idle while answering, 15 minutes once sent', () => {
  const now = new Date('2026-03-01T10:00:00.400Z');
  const nowSeconds = Math.floor(now.getTime() / 1000);

  it('answers in progress expire an hour after the save; a sent reference 15 minutes after sending', () => {
    expect([expiresAtOf('in-progress', now) - nowSeconds, expiresAtOf('sent', now) - nowSeconds]).toEqual([
      3600, 900,
    ]);
  });

  it('a journey is alive until the second it expires, not at it', () => {
    const expiresAt = nowSeconds + 900;

    expect([
      isAlive(expiresAt, new Date((expiresAt - 1) * 1000)),
      isAlive(expiresAt, new Date(expiresAt * 1000)),
    ]).toEqual([true, false]);
  });
});

describe('The journey cookie: HttpOnly, Secure, SameSite=Strict; a session cookie while answering, 15 minutes once sent', () => {
  const cookie = journeyCookie('__Host-test-journey');
  const id = newJourneyId();

  it('while answering it has no expiry, so closing the browser drops it', () => {
    const line = cookie.inProgress(id);

    expect([
      line.startsWith(`__Host-test-journey=${id};`),
      /HttpOnly/.test(line),
      /Secure/.test(line),
      /SameSite=Strict/.test(line),
      /Max-Age|Expires/.test(line),
    ]).toEqual([true, true, true, true, false]);
  });

  it('once sent the browser drops it with the reference, after 15 minutes', () => {
    const line = cookie.sent(id);

    expect([/SameSite=Strict/.test(line), /Max-Age=(\d+)/.exec(line)?.[1]]).toEqual([true, '900']);
  });

  it('forgetting it tells the browser to drop it now', () => {
    expect(cookie.forget()).toMatch(/^__Host-test-journey=;.*Max-Age=0/);
  });

  it('the id is read from the request only when it is one', () => {
    expect([
      cookie.idIn({ '__Host-test-journey': id }),
      cookie.idIn({ '__Host-test-journey': 'abc' }),
      cookie.idIn({ '__Host-other-journey': id }),
    ]).toEqual([id, undefined, undefined]);
  });
});
