import { createHash, randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { header, postForm, setCookieLine } from '../../support/http-events.ts';
import { useLocalEnvironment } from '../../support/use-local-environment.ts';
import { applicationAnswers, Browser, type Handler, location } from './support.ts';

const environment = useLocalEnvironment({
  CSRF_SECRET: 'clares-law-integration-csrf-secret-0123456789',
  IDENTITY_HMAC_KEY: 'clares-law-integration-identity-key-0123456789',
});

const load = async (name: string) =>
  (await import(`../../../services/clares-law/handlers/${name}.ts`)).handler as Handler;
const handlers = {
  start: await load('view-start'),
  viewPage: await load('view-application-page'),
  savePage: await load('save-application-page'),
  submit: await load('submit-application'),
  confirmation: await load('view-confirmation'),
  leave: await load('leave-application'),
};
const { journeyStore } = await import('../../../services/clares-law/journey-composition.ts');
const { dynamoDocumentClient } = await import('../../../shared/aws/clients.ts');

const journeyCookie = '__Host-clares-law-journey';
const sessionsTable = environment.TABLE_PLATFORM_SESSIONS ?? '';
const page = (name: string) => ({ pathParameters: { page: name } });

const journeyKey = (journeyId: string): string =>
  `clares-law-journey#${createHash('sha256').update(journeyId).digest('base64url')}`;

const storedJourney = async (journeyId: string) =>
  (
    await dynamoDocumentClient().send(
      new GetCommand({ TableName: sessionsTable, Key: { pk: journeyKey(journeyId) }, ConsistentRead: true }),
    )
  ).Item;

const referenceOn = (html: string | undefined): string | undefined =>
  /DVDS-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(html ?? '')?.[0];

/** Says "not in danger", which starts a journey (a new one if the last was sent). */
const startApplication = async (browser: Browser) => {
  await browser.get(handlers.viewPage, '/clares-law/apply/in-danger', page('in-danger'));
  return browser.post(
    handlers.savePage,
    '/clares-law/apply/in-danger',
    { inDanger: 'no' },
    page('in-danger'),
  );
};

/** Answers every page and reaches check your answers, as a browser would. */
const readyToSend = async (): Promise<Browser> => {
  const browser = new Browser();
  await startApplication(browser);
  for (const [name, fields] of Object.entries(
    applicationAnswers(`Sam Subject ${randomUUID().slice(0, 6)}`),
  )) {
    await browser.get(handlers.viewPage, `/clares-law/apply/${name}`, page(name));
    await browser.post(handlers.savePage, `/clares-law/apply/${name}`, fields, page(name));
  }
  await browser.get(handlers.viewPage, '/clares-law/apply/check-answers', page('check-answers'));
  return browser;
};

/** Where the page's "Exit this page" button goes. */
const exitButtonTarget = (html: string | undefined): string | undefined =>
  /<a href="([^"]+)"[^>]*govuk-exit-this-page__button/.exec(html ?? '')?.[1];

const send = (browser: Browser) => browser.post(handlers.submit, '/clares-law/submit', {});

describe("Clare's Law online: the confirmation survives a lost page, and a shared phone soon keeps nothing", () => {
  it('the confirmation page shows the same reference again on a reload (a page lost on the way is not a lost reference)', async () => {
    const browser = await readyToSend();
    await send(browser);

    const first = await browser.get(handlers.confirmation, '/clares-law/confirmation');
    const reload = await browser.get(handlers.confirmation, '/clares-law/confirmation');

    expect([first.statusCode, reload.statusCode, referenceOn(reload.body)]).toEqual([
      200,
      200,
      referenceOn(first.body),
    ]);
    expect(referenceOn(first.body)).toBeDefined();
  });

  it('the same form sent again after the confirmation (a retried request) shows the same reference, not a second case', async () => {
    const browser = await readyToSend();
    const formToken = /name="_csrf" value="([^"]+)"/.exec(browser.lastBody)?.[1] ?? '';
    await send(browser);
    const first = referenceOn((await browser.get(handlers.confirmation, '/clares-law/confirmation')).body);

    const again = await handlers.submit(
      browser.fromHere(
        postForm('/clares-law/submit', { _csrf: formToken }, { cookies: { ...browser.cookies } }),
      ),
    );
    const shown = referenceOn((await browser.get(handlers.confirmation, '/clares-law/confirmation')).body);

    expect([again.statusCode, location(again), shown]).toEqual([303, '/clares-law/confirmation', first]);
  });

  it('after sending, the session keeps the reference alone, and it and the cookie expire in 15 minutes', async () => {
    const browser = await readyToSend();
    const sent = await send(browser);
    const journeyId = browser.cookies[journeyCookie] ?? '';
    const reference = referenceOn(
      (await browser.get(handlers.confirmation, '/clares-law/confirmation')).body,
    );
    const item = await storedJourney(journeyId);
    const secondsLeft = Number(item?.expiresAt) - Date.now() / 1000;

    expect({
      item,
      expiresWithinFifteenMinutes: secondsLeft > 14 * 60 && secondsLeft <= 15 * 60,
      cookieMaxAge: /Max-Age=(\d+)/.exec(setCookieLine(sent, journeyCookie) ?? '')?.[1],
      forgottenAfterFifteenMinutes: await journeyStore().load(
        journeyId,
        new Date(Date.now() + 15 * 60_000 + 1000),
      ),
    }).toEqual({
      item: {
        pk: journeyKey(journeyId),
        journey: { status: 'sent', reference },
        expiresAt: expect.any(Number),
      },
      expiresWithinFifteenMinutes: true,
      cookieMaxAge: '900',
      forgottenAfterFifteenMinutes: undefined,
    });
  });

  it('Exit this page on the confirmation page forgets the reference at once', async () => {
    const browser = await readyToSend();
    await send(browser);
    const journeyId = browser.cookies[journeyCookie] ?? '';
    await browser.get(handlers.confirmation, '/clares-law/confirmation');

    await browser.get(handlers.leave, '/clares-law/leave');
    const again = await browser.get(handlers.confirmation, '/clares-law/confirmation');

    expect([await storedJourney(journeyId), browser.cookies[journeyCookie], location(again)]).toEqual([
      undefined,
      undefined,
      '/clares-law',
    ]);
  });

  it('answering a question after sending starts a new application, never adding to the sent one', async () => {
    const browser = await readyToSend();
    await send(browser);
    const sentJourney = browser.cookies[journeyCookie] ?? '';

    const started = await startApplication(browser);
    const newJourney = browser.cookies[journeyCookie] ?? '';
    const cookieLine = setCookieLine(started, journeyCookie) ?? '';

    expect([
      newJourney !== sentJourney,
      /Max-Age|Expires/.test(cookieLine),
      await journeyStore().load(newJourney, new Date()),
      (await journeyStore().load(sentJourney, new Date()))?.status,
    ]).toEqual([
      true,
      false,
      { status: 'in-progress', state: { answers: {}, reachedCheckAnswers: false } },
      'sent',
    ]);
  });

  it('a question page after sending goes back to the start instead of showing the sent answers', async () => {
    const browser = await readyToSend();
    await send(browser);

    const question = await browser.get(handlers.viewPage, '/clares-law/apply/subject', page('subject'));
    const check = await browser.get(
      handlers.viewPage,
      '/clares-law/apply/check-answers',
      page('check-answers'),
    );

    expect([location(question), location(check)]).toEqual(['/clares-law', '/clares-law']);
  });
});

describe("Clare's Law online: Exit this page forgets the journey and leaves", () => {
  it('every public page of the application exits through /clares-law/leave', async () => {
    const start = await new Browser().get(handlers.start, '/clares-law');
    const question = await new Browser().get(
      handlers.viewPage,
      '/clares-law/apply/in-danger',
      page('in-danger'),
    );

    expect([start.body, question.body].map(exitButtonTarget)).toEqual([
      '/clares-law/leave',
      '/clares-law/leave',
    ]);
  });

  it('clears the journey and the site data, and sends the person to a neutral site', async () => {
    const browser = new Browser();
    await startApplication(browser);
    const journeyId = browser.cookies[journeyCookie] ?? '';
    const stored = await storedJourney(journeyId);

    const response = await browser.get(handlers.leave, '/clares-law/leave');

    expect([
      stored?.journey,
      response.statusCode,
      response.body?.includes('<meta http-equiv="refresh" content="0; url=https://www.bbc.co.uk/weather">'),
      header(response, 'Clear-Site-Data'),
      await storedJourney(journeyId),
      journeyCookie in browser.cookies,
    ]).toEqual([
      { status: 'in-progress', state: { answers: {}, reachedCheckAnswers: false } },
      200,
      true,
      '"cookies", "storage"',
      undefined,
      false,
    ]);
  });

  it('leaves at once with no journey at all', async () => {
    const response = await new Browser().get(handlers.leave, '/clares-law/leave');

    expect([response.statusCode, header(response, 'Clear-Site-Data')]).toEqual([200, '"cookies", "storage"']);
  });
});
