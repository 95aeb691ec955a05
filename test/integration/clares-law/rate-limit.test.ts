import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useLocalEnvironment } from '../../support/use-local-environment.ts';
import { Browser, type Handler, location } from './support.ts';

useLocalEnvironment({
  CSRF_SECRET: 'clares-law-integration-csrf-secret-0123456789',
  IDENTITY_HMAC_KEY: 'clares-law-integration-identity-key-0123456789',
});

const load = async (name: string) =>
  (await import(`../../../services/clares-law/handlers/${name}.ts`)).handler as Handler;
const handlers = {
  viewPage: await load('view-application-page'),
  savePage: await load('save-application-page'),
  submit: await load('submit-application'),
  emergency: await load('view-emergency-advice'),
};
const { rateRules } = await import('../../../services/clares-law/domain/rate-limit.ts');

const inDanger = { pathParameters: { page: 'in-danger' } };

/** A client on an address of its own that has started an application (answered "not in danger"). */
const startedApplication = async (): Promise<Browser> => {
  const browser = new Browser({}, `2001:db8::${randomUUID().slice(0, 4)}`);
  await browser.get(handlers.viewPage, '/clares-law/apply/in-danger', inDanger);
  await browser.post(handlers.savePage, '/clares-law/apply/in-danger', { inDanger: 'no' }, inDanger);
  return browser;
};

describe("Clare's Law online: one client is slowed, never kept from emergency advice (ASVS 2.4.1)", () => {
  it(`a client applying more than ${rateRules.applications.limit} times an hour is told to wait (429)`, async () => {
    const browser = await startedApplication();
    await browser.get(handlers.viewPage, '/clares-law/apply/check-answers', {
      pathParameters: { page: 'check-answers' },
    });

    const statuses: number[] = [];
    for (let attempt = 0; attempt <= rateRules.applications.limit; attempt += 1)
      statuses.push((await browser.post(handlers.submit, '/clares-law/submit', {})).statusCode ?? 0);

    expect([statuses.slice(0, -1).every((status) => status === 303), statuses.at(-1)]).toEqual([true, 429]);
  });

  it('a client over the answers limit still reaches the emergency advice by answering yes, and it stays open', async () => {
    const browser = await startedApplication();
    let limited: number | undefined;
    for (let attempt = 1; attempt <= rateRules.answers.limit + 1 && limited === undefined; attempt += 1) {
      const response = await browser.post(handlers.savePage, '/clares-law/apply/in-danger', {}, inDanger);
      if (response.statusCode === 429) limited = attempt;
    }

    await browser.get(handlers.viewPage, '/clares-law/apply/in-danger', inDanger);
    const yes = await browser.post(
      handlers.savePage,
      '/clares-law/apply/in-danger',
      { inDanger: 'yes' },
      inDanger,
    );
    const advice = await browser.get(handlers.emergency, '/clares-law/in-danger');

    expect([limited !== undefined, location(yes), advice.statusCode]).toEqual([
      true,
      '/clares-law/in-danger',
      200,
    ]);
  });

  it('the limit is per client: another address applying at the same time is not held back', async () => {
    const limitedClient = await startedApplication();
    for (let attempt = 0; attempt <= rateRules.applications.limit; attempt += 1)
      await limitedClient.post(handlers.submit, '/clares-law/submit', {});
    const other = await startedApplication();

    const answer = await other.post(handlers.submit, '/clares-law/submit', {});

    expect(answer.statusCode).toBe(303);
  });
});
