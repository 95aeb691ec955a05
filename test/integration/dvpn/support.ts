import { randomUUID } from 'node:crypto';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Department, Rank } from '../../../shared/auth/principal.ts';
import type { AnyEnvelope } from '../../../shared/contracts/envelope.ts';
import type { TestIdentityProvider } from '../../support/staff-tokens.ts';
import { queueUrl } from '../messaging/queue-driver.ts';

export { deliver, takeMessage } from '../messaging/queue-driver.ts';

export type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

export interface SignedIn {
  readonly collarNumber: string;
  readonly cookies: Record<string, string>;
}

/** A member of staff with a fresh collar number, so tests never see each other's inbox or cases. */
export const signIn = async (
  identityProvider: TestIdentityProvider,
  rank: Rank | 'police-staff',
  department: Department = 'PPU',
): Promise<SignedIn> => {
  const collarNumber = `T${randomUUID().slice(0, 8)}`;
  const session = await identityProvider.sign({ sub: `sub-${collarNumber}`, collarNumber, rank, department });
  return { collarNumber, cookies: { '__Host-session': session } };
};

export const sendMessage = async (queue: string, envelope: AnyEnvelope): Promise<void> => {
  await new SQSClient({}).send(
    new SendMessageCommand({ QueueUrl: queueUrl(queue), MessageBody: JSON.stringify(envelope) }),
  );
};

/** `/staff/dvpn/<id>` from a 303. */
export const caseIdFrom = (response: APIGatewayProxyStructuredResultV2): string => {
  const location = String(response.headers?.Location ?? response.headers?.location ?? '');
  const id = /^\/staff\/dvpn\/([0-9a-f-]{36})$/.exec(location)?.[1];
  if (!id) throw new Error(`Expected a redirect to a case, got ${response.statusCode} ${location}`);
  return id;
};

/** A complete, valid draft form as a constable fills it in. */
export const draftFormFields = (
  overrides: Record<string, string | string[]> = {},
): Record<string, string | string[]> => ({
  recipientName: 'Sam Recipient',
  'recipientDateOfBirth-day': '1',
  'recipientDateOfBirth-month': '5',
  'recipientDateOfBirth-year': '1990',
  recipientAddress: '1 High Street, Anytown, AN1 1AA',
  protectedName: 'Alex Protected',
  'protectedDateOfBirth-day': '2',
  'protectedDateOfBirth-month': '2',
  'protectedDateOfBirth-year': '1992',
  association: 'intimate-personal-relationship',
  'incidentAt-day': '1',
  'incidentAt-month': '6',
  'incidentAt-year': '2026',
  incidentAtTime: '21:30',
  incidentLocation: '1 High Street, Anytown',
  incidentSummary: 'Officers attended a report of shouting; the protected person had a cut lip.',
  groundsKind: 'violence',
  groundsDetail: 'Struck the protected person in the face.',
  childrenRelevant: 'yes',
  childrenDetails: 'One child aged 6 lives at the address.',
  opinion: 'Wants the recipient kept away.',
  opinionHowSought: 'Spoken to in person.',
  representations: 'Denies the assault.',
  representationsHowSought: 'In custody interview.',
  sharesPremises: 'yes',
  premisesAddress: '1 High Street, Anytown, AN1 1AA',
  otherOccupants: 'None',
  conditions: ['leave', 'not-enter', 'stay-away'],
  stayAwayDistance: '100',
  molestationDetail: '',
  court: 'Anytown Magistrates Court',
  ...overrides,
});

/** The London wall-clock fields of an instant for a date-and-time question. */
export const dateTimeFields = (name: string, at: Date): Record<string, string> => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return {
    [`${name}-day`]: parts.day ?? '',
    [`${name}-month`]: parts.month ?? '',
    [`${name}-year`]: parts.year ?? '',
    [`${name}Time`]: `${parts.hour}:${parts.minute}`,
  };
};
