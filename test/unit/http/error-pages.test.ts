import { beforeAll, describe, expect, it } from 'vitest';
import { captureOutput } from '../../support/capture-output.ts';
import { getEvent, header, postRaw } from '../../support/http-events.ts';
import { signedOutTestPages, type TestPages } from '../../support/http-test-pages.ts';

let pages: TestPages;

beforeAll(() => {
  process.env.CSRF_SECRET = 'unit-test-csrf-secret-of-at-least-32-characters';
  pages = signedOutTestPages();
});

describe('internal errors (500) show no detail', () => {
  it('the page says sorry and gives the correlation id as a reference, nothing more', async () => {
    const response = await pages.failingPage(getEvent('/test/fail', { requestId: 'request-ref-500-page' }));

    expect(response.statusCode).toBe(500);
    expect(response.body).toContain('Sorry, there is a problem with the service');
    expect(response.body).toContain('request-ref-500-page');
    expect(response.body).not.toContain('cases-table-xyz');
    expect(response.body).not.toContain('Jane');
    expect(response.body).not.toContain('at ');
  });

  it('the error is logged with the same correlation id and its detail', async () => {
    const { output } = await captureOutput(() =>
      pages.failingPage(getEvent('/test/fail', { requestId: 'request-ref-500-log' })),
    );

    const line = output.split('\n').find((one) => one.includes('"Request failed"')) ?? '';
    const entry = JSON.parse(line);
    expect(entry.level).toBe('ERROR');
    expect(entry.correlation_id).toBe('request-ref-500-log');
    expect(entry.statusCode).toBe(500);
    expect(entry.error.message).toContain('cases-table-xyz');
  });

  it('an API answers a generic JSON error with the reference', async () => {
    const response = await pages.failingApi(
      postRaw('/api/x', '{}', 'application/json', { requestId: 'request-ref-api' }),
    );

    expect(response.statusCode).toBe(500);
    expect(JSON.parse(response.body ?? '{}')).toEqual({
      error: 'internal',
      message: 'Something went wrong.',
      reference: 'request-ref-api',
    });
  });
});

describe('not found', () => {
  it('notFound() renders the GOV.UK "Page not found" page with 404', async () => {
    const response = await pages.missingPage(getEvent('/test/missing'));

    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('Page not found');
    expect(header(response, 'content-type')).toContain('text/html');
  });

  it('every public page, error pages included, offers "Exit this page"', async () => {
    const response = await pages.missingPage(getEvent('/test/missing'));

    expect(response.body).toContain('govuk-exit-this-page');
    expect(response.body).toContain('<script type="module" src="/assets/application.mjs"></script>');
  });
});
