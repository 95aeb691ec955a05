import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier } from '../../../shared/auth/verify-token.ts';
import { csrfPair, getEvent, header, httpEvent, postForm, setCookieLine } from '../../support/http-events.ts';
import {
  createTestPages,
  type RecordingDeniedAccess,
  recordingDeniedAccess,
  type TestPages,
} from '../../support/http-test-pages.ts';
import { startTestIdentityProvider, type TestIdentityProvider } from '../../support/staff-tokens.ts';

let provider: TestIdentityProvider;
let pages: TestPages;
let denials: RecordingDeniedAccess;

beforeAll(async () => {
  process.env.CSRF_SECRET = 'unit-test-csrf-secret-of-at-least-32-characters';
  provider = await startTestIdentityProvider();
  denials = recordingDeniedAccess();
  pages = createTestPages({
    tokenVerifier: createTokenVerifier({
      issuer: provider.issuer,
      audience: provider.audience,
      jwksUri: provider.jwksUri,
    }),
    deniedAccess: denials,
  });
});

afterAll(() => provider.stop());

const caseEvent = (session?: string) =>
  getEvent('/test/cases/C-100', {
    pathParameters: { id: 'C-100' },
    query: { tab: 'notes' },
    routeKey: 'GET /test/cases/{id}',
    ...(session ? { cookies: { '__Host-session': session } } : {}),
  });

describe('staff pages need a valid session token', () => {
  it('without a session a GET is sent to sign in (303) with the page to come back to', async () => {
    const response = await pages.viewCase(caseEvent());

    expect(response.statusCode).toBe(303);
    expect(header(response, 'location')).toBe(
      `/sign-in?returnTo=${encodeURIComponent('/test/cases/C-100?tab=notes')}`,
    );
  });

  it('an expired token is treated as none, and the dead cookie is cleared', async () => {
    const expired = await provider.sign({ rank: 'inspector' }, { expiresInSeconds: -60 });

    const response = await pages.viewCase(caseEvent(expired));

    expect(response.statusCode).toBe(303);
    expect(setCookieLine(response, '__Host-session')).toContain('Max-Age=0');
  });

  it('a forged token (signed with a key not in the JWKS) is refused', async () => {
    const forged = await provider.sign({ rank: 'chief-constable' }, { forged: true });

    const response = await pages.viewCase(caseEvent(forged));

    expect(response.statusCode).toBe(303);
    expect(header(response, 'location')).toMatch(/^\/sign-in\?returnTo=/);
  });

  it('a POST without a session is a 401 page, not a redirect that would lose the form', async () => {
    const response = await pages.updateCase(
      postForm('/test/cases/C-100', { note: 'x' }, { pathParameters: { id: 'C-100' } }),
    );

    expect(response.statusCode).toBe(401);
    expect(response.body).toContain('You need to sign in');
  });

  it('a valid token of a high enough rank sees the page, with who is signed in and a sign-out form', async () => {
    const token = await provider.sign({
      rank: 'inspector',
      department: 'PPU',
      name: 'Robin Officer',
      collarNumber: 'I4021',
    });

    const response = await pages.viewCase(caseEvent(token));

    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Case C-100');
    expect(response.body).toContain('Robin Officer');
    expect(response.body).toContain('Inspector');
    expect(response.body).toContain('Public Protection Unit');
    expect(response.body).toMatch(
      /<form method="post" action="\/sign-out"[^>]*>\s*<input type="hidden" name="_csrf" value="[A-Za-z0-9_-]{43}">/,
    );
    expect(response.body).not.toContain('govuk-exit-this-page');
  });
});

describe('staff pages check the route policy (403, and the refusal is recorded)', () => {
  it('a constable on an inspector page gets the 403 page', async () => {
    const token = await provider.sign({ rank: 'constable' });

    const response = await pages.viewCase(caseEvent(token));

    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('You do not have permission to see this page');
  });

  it('the refusal names who, which rule, which route and which case', async () => {
    const token = await provider.sign({ sub: 'sub-constable-7', rank: 'constable', collarNumber: 'PC7' });
    const before = denials.denied.length;

    const response = await pages.viewCase(caseEvent(token));

    const recorded = denials.denied.slice(before);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      principal: { subject: 'sub-constable-7', rank: 'constable', collarNumber: 'PC7' },
      policy: 'rank inspector or above',
      method: 'GET',
      route: 'GET /test/cases/{id}',
      params: { id: 'C-100' },
      correlationId: header(response, 'x-correlation-id'),
    });
  });

  it('police staff (no rank) are refused a rank-gated page', async () => {
    const token = await provider.sign({ rank: 'police-staff', department: 'CONTACT_CENTRE' });

    const response = await pages.viewCase(caseEvent(token));

    expect(response.statusCode).toBe(403);
  });

  it('a token claiming a rank we do not know is refused as a bad token, not guessed at', async () => {
    const token = await provider.sign({ rank: 'commissioner' });

    const response = await pages.viewCase(caseEvent(token));

    expect(response.statusCode).toBe(303);
  });
});

describe('staff APIs', () => {
  it('no token is a JSON 401', async () => {
    const response = await pages.readNotes(
      getEvent('/api/cases/C-1/notes', { pathParameters: { id: 'C-1' } }),
    );

    expect(response.statusCode).toBe(401);
    expect(JSON.parse(response.body ?? '{}')).toMatchObject({ error: 'unauthenticated' });
  });

  it('a bearer token is accepted', async () => {
    const token = await provider.sign({ rank: 'sergeant', collarNumber: 'S55' });

    const response = await pages.readNotes(
      getEvent('/api/cases/C-1/notes', {
        pathParameters: { id: 'C-1' },
        headers: { authorization: `Bearer ${token}` },
      }),
    );

    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body ?? '{}')).toEqual({ caseId: 'C-1', readBy: 'S55' });
  });

  it('the wrong rank is a JSON 403 and the refusal is recorded', async () => {
    const token = await provider.sign({ rank: 'constable' });
    const before = denials.denied.length;

    const response = await pages.readNotes(
      getEvent('/api/cases/C-1/notes', { cookies: { '__Host-session': token } }),
    );

    expect(response.statusCode).toBe(403);
    expect(JSON.parse(response.body ?? '{}')).toMatchObject({ error: 'forbidden' });
    expect(denials.denied.length).toBe(before + 1);
  });

  it('a body that breaks the schema is a 400 listing each field', async () => {
    const token = await provider.sign({ rank: 'sergeant' });

    const response = await pages.addNote(
      httpEvent({
        method: 'POST',
        path: '/api/notes',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ note: '', priority: 'urgent' }),
      }),
    );

    const body = JSON.parse(response.body ?? '{}');
    expect(response.statusCode).toBe(400);
    expect(body.error).toBe('bad_request');
    expect(body.fields.note).toEqual(['Enter a note']);
    expect(body.fields.priority).toHaveLength(1);
  });

  it('a valid body reaches the handler', async () => {
    const token = await provider.sign({ rank: 'sergeant' });

    const response = await pages.addNote(
      httpEvent({
        method: 'POST',
        path: '/api/notes',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ note: 'Called back', priority: 'high' }),
      }),
    );

    expect(response.statusCode).toBe(201);
    expect(JSON.parse(response.body ?? '{}')).toEqual({ saved: 'high' });
  });
});

describe('a staff POST still needs its form token', () => {
  it('a signed-in inspector posting without _csrf is refused (403)', async () => {
    const token = await provider.sign({ rank: 'inspector' });
    const { cookie } = await csrfPair(pages.showForm, '/test/form');

    const response = await pages.updateCase(
      postForm(
        '/test/cases/C-100',
        {},
        {
          pathParameters: { id: 'C-100' },
          cookies: { '__Host-session': token, '__Host-csrf': cookie },
        },
      ),
    );

    expect(response.statusCode).toBe(403);
  });

  it('with the token the POST is answered 303', async () => {
    const token = await provider.sign({ rank: 'inspector' });
    const csrf = await csrfPair(pages.showForm, '/test/form');

    const response = await pages.updateCase(
      postForm(
        '/test/cases/C-100',
        { _csrf: csrf.token },
        {
          pathParameters: { id: 'C-100' },
          cookies: { '__Host-session': token, '__Host-csrf': csrf.cookie },
        },
      ),
    );

    expect(response.statusCode).toBe(303);
    expect(header(response, 'location')).toBe('/test/cases/C-100');
  });
});
