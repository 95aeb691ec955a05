import { randomUUID } from 'node:crypto';
import { DeleteMessageCommand, type Message, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Department, Rank } from '../../../shared/auth/principal.ts';
import { AnyEnvelope } from '../../../shared/contracts/envelope.ts';
import {
  type EventOptions,
  formToken,
  getEvent,
  postForm,
  setCookieValue,
} from '../../support/http-events.ts';
import type { TestIdentityProvider } from '../../support/staff-tokens.ts';
import { queueUrl } from '../messaging/queue-driver.ts';

export type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;
export type Fields = Readonly<Record<string, string | readonly string[]>>;

/**
 * A browser in miniature: keeps the cookies each response sets (journey, CSRF, session) and sends them
 * back, and posts forms with the CSRF token of the page it last read. Each is a person of its own, on an
 * address of its own (documentation range), as the public application's rate limit sees them.
 */
export class Browser {
  readonly cookies: Record<string, string> = {};
  lastBody = '';

  constructor(
    initial: Record<string, string> = {},
    readonly sourceIp = `2001:db8::${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}`,
  ) {
    Object.assign(this.cookies, initial);
  }

  /** The event as it arrives from this browser's address. */
  fromHere(event: APIGatewayProxyEventV2): APIGatewayProxyEventV2 {
    return {
      ...event,
      requestContext: {
        ...event.requestContext,
        http: { ...event.requestContext.http, sourceIp: this.sourceIp },
      },
    };
  }

  private keep(response: APIGatewayProxyStructuredResultV2): APIGatewayProxyStructuredResultV2 {
    for (const line of response.cookies ?? []) {
      const name = line.split('=')[0] ?? '';
      const value = setCookieValue(response, name);
      if (value === undefined || /Max-Age=0/.test(line)) delete this.cookies[name];
      else this.cookies[name] = value;
    }
    if (response.body) this.lastBody = response.body;
    return response;
  }

  async get(
    handler: Handler,
    path: string,
    options: EventOptions = {},
  ): Promise<APIGatewayProxyStructuredResultV2> {
    return this.keep(
      await handler(this.fromHere(getEvent(path, { ...options, cookies: { ...this.cookies } }))),
    );
  }

  async post(
    handler: Handler,
    path: string,
    fields: Fields,
    options: EventOptions = {},
  ): Promise<APIGatewayProxyStructuredResultV2> {
    const token = formToken(this.lastBody);
    if (!token) throw new Error(`No form token on the last page before POST ${path}`);
    return this.keep(
      await handler(
        this.fromHere(
          postForm(path, { ...fields, _csrf: token }, { ...options, cookies: { ...this.cookies } }),
        ),
      ),
    );
  }
}

export const signedIn = async (
  identityProvider: TestIdentityProvider,
  rank: Rank | 'police-staff',
  department: Department,
): Promise<{ browser: Browser; collarNumber: string }> => {
  const collarNumber = `T${randomUUID().slice(0, 8)}`;
  const session = await identityProvider.sign({
    sub: `sub-${collarNumber}`,
    name: `Test ${rank}`,
    collarNumber,
    rank,
    department,
  });
  return { browser: new Browser({ '__Host-session': session }), collarNumber };
};

export const location = (response: APIGatewayProxyStructuredResultV2): string =>
  String(Object.entries(response.headers ?? {}).find(([key]) => key.toLowerCase() === 'location')?.[1] ?? '');

/**
 * Receives from a real queue and deletes the messages that match, leaving others to their owners, until
 * `settleMs` passes with nothing new (or `atLeast` have been found).
 */
export const takeMessages = async (
  queue: string,
  matches: (envelope: AnyEnvelope) => boolean,
  options: { readonly atLeast?: number; readonly timeoutMs?: number } = {},
): Promise<AnyEnvelope[]> => {
  const client = new SQSClient({});
  const deadline = Date.now() + (options.timeoutMs ?? 6_000);
  const found: AnyEnvelope[] = [];
  while (Date.now() < deadline && found.length < (options.atLeast ?? Number.POSITIVE_INFINITY)) {
    const received = await client.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl(queue),
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
        VisibilityTimeout: 1,
      }),
    );
    for (const message of received.Messages ?? ([] as Message[])) {
      const envelope = AnyEnvelope.safeParse(JSON.parse(message.Body ?? '{}'));
      if (envelope.success && matches(envelope.data)) {
        found.push(envelope.data);
        await client.send(
          new DeleteMessageCommand({ QueueUrl: queueUrl(queue), ReceiptHandle: message.ReceiptHandle }),
        );
      }
    }
  }
  return found;
};

/** Answers for every page of the online application, asking about one's own partner. */
export const applicationAnswers = (
  subjectName: string,
  subjectDob = '1985-06-01',
): Record<string, Fields> => {
  const [year, month, day] = subjectDob.split('-');
  return {
    'who-is-at-risk': { forWhom: 'myself' },
    'your-details': {
      applicantName: 'Alex Example',
      'applicantDob-day': '27',
      'applicantDob-month': '3',
      'applicantDob-year': '1990',
      applicantAddress: '1 Test Street, AB1 2CD',
    },
    children: { childrenAffected: 'no' },
    subject: {
      subjectName,
      'subjectDob-day': String(Number(day)),
      'subjectDob-month': String(Number(month)),
      'subjectDob-year': year ?? '',
    },
    'about-subject': { subjectRelationship: 'partner', howYouKnowThem: 'We have been together six months' },
    concerns: { concernKinds: ['coercive-control'], whyAsking: 'He checks my phone.' },
    'contact-method': {
      contactMethods: ['phone', 'in-person'],
      contactPhone: '07700 900982',
      contactStation: 'Central',
    },
    'contact-times': {
      safeTimes: ['weekday-morning', 'weekday-afternoon', 'weekend-morning', 'weekend-afternoon'],
      unsafeTimes: ['weekday-evening', 'weekend-evening', 'night'],
      mayLeaveMessage: 'no',
    },
    consent: { consentToShare: 'yes' },
  };
};
