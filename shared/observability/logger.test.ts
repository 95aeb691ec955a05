import { describe, expect, it } from 'vitest';
import { captureOutput } from '../../test/support/capture-output.ts';
import { inCorrelationScope, setCorrelationId } from './correlation.ts';
import { createLogger } from './logger.ts';
import { isPersonalDataKey, REDACTED, redact } from './redaction.ts';

/** Log lines go to stdout or stderr by level; both are read. */
const outputOf = async (work: () => void): Promise<string> =>
  (await captureOutput(async () => work())).output;

const report = {
  reference: 'OR-2026-000123',
  victim: {
    fullName: 'Jane Example',
    dateOfBirth: '1990-02-03',
    address: { line1: '1 High Street', postcode: 'AB1 2CD' },
    phoneNumber: '07700 900123',
    email: 'jane@example.com',
    safeWord: 'bluebird',
  },
  perpetratorName: 'John Example',
  aliases: ['Jay'],
  narrative: 'He came to the house at 10pm and shouted.',
  contacts: [{ name: 'Sam Example', mobile: '07700 900456' }],
  description: 'Tall, tattoo on left arm',
  count: 3,
};

const personalValues = [
  'Jane Example',
  '1990-02-03',
  '1 High Street',
  'AB1 2CD',
  '07700 900123',
  'jane@example.com',
  'bluebird',
  'John Example',
  'Jay',
  'He came to the house',
  'Sam Example',
  '07700 900456',
  'Tall, tattoo',
];

describe('logs carry no personal data (ARCHITECTURE.md "Data")', () => {
  it('names, dates of birth, addresses, phone numbers, emails, safe words and free text are redacted at any depth', async () => {
    const output = await outputOf(() => createLogger('test').info('Report received', { report }));

    for (const value of personalValues) expect(output).not.toContain(value);
    expect(output).toContain(REDACTED);
  });

  it('what is not personal data is kept, so the line is still useful', async () => {
    const output = await outputOf(() => createLogger('test').info('Report received', { report }));

    const entry = JSON.parse(output.trim());
    expect(entry.report.reference).toBe('OR-2026-000123');
    expect(entry.report.count).toBe(3);
    expect(entry.service).toBe('test');
    expect(entry.message).toBe('Report received');
  });

  it('an API Gateway event logged whole loses its body, cookies and source address', async () => {
    const event = {
      rawPath: '/report',
      body: 'fullName=Jane+Example',
      cookies: ['__Host-session=eyJ.token'],
      headers: { authorization: 'Bearer eyJ.secret', 'user-agent': 'Firefox' },
      requestContext: { http: { sourceIp: '203.0.113.9' } },
    };

    const output = await outputOf(() => createLogger('test').warn('Odd request', { event }));

    for (const value of ['Jane', 'eyJ.token', 'eyJ.secret', '203.0.113.9', 'Firefox'])
      expect(output).not.toContain(value);
    expect(output).toContain('/report');
  });

  it('redact() gives a redacted copy for code that serialises on its own', () => {
    expect(redact({ victim: { surname: 'Example', age: 30 } })).toEqual({
      victim: { surname: REDACTED, age: 30 },
    });
  });

  it.each([
    'firstName',
    'last_name',
    'Date-Of-Birth',
    'homeAddress',
    'victimName',
    'freeText',
    'postcode',
    'safe_word',
  ])('%s is a personal-data key', (key) => {
    expect(isPersonalDataKey(key)).toBe(true);
  });

  it.each(['serviceName', 'tableName', 'queueName', 'function_name', 'reference', 'status', 'correlationId'])(
    '%s is not a personal-data key',
    (key) => {
      expect(isPersonalDataKey(key)).toBe(false);
    },
  );
});

describe('correlation id on every line a request causes', () => {
  it('lines logged in a scope carry its id', async () => {
    const output = await outputOf(() =>
      inCorrelationScope(() => {
        setCorrelationId('corr-id-0001');
        createLogger('test').info('first');
        createLogger('test').info('second');
      }),
    );

    const ids = output
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).correlation_id);
    expect(ids).toEqual(['corr-id-0001', 'corr-id-0001']);
  });

  it("concurrent scopes never see each other's id", async () => {
    const seen: string[] = [];
    const logger = createLogger('test');
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => {
      seen.push(JSON.parse(String(chunk)).correlation_id);
      return true;
    }) as typeof process.stdout.write;
    try {
      const run = (id: string, delay: number) =>
        inCorrelationScope(async () => {
          setCorrelationId(id);
          await new Promise((resolve) => setTimeout(resolve, delay));
          logger.info('done', { expected: id });
        });
      await Promise.all([run('scope-aaaa-1', 20), run('scope-bbbb-2', 5)]);
    } finally {
      process.stdout.write = original;
    }

    expect(seen).toEqual(['scope-bbbb-2', 'scope-aaaa-1']);
  });
});
