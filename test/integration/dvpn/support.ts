import { randomUUID } from 'node:crypto';
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { Department, Rank } from '../../../shared/auth/principal.ts';
import { AnyEnvelope } from '../../../shared/contracts/envelope.ts';
import { queueEnvName } from '../../../shared/manifest/names.ts';
import { toSqsEvent } from '../../../shared/messaging/sqs-event.ts';
import type { TestIdentityProvider } from '../../support/staff-tokens.ts';

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

export const lambdaContext = (): Context => ({
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'dvpn-integration',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-2:000000000000:function:dvpn-integration',
  memoryLimitInMB: '256',
  awsRequestId: randomUUID(),
  logGroupName: '/aws/lambda/dvpn-integration',
  logStreamName: 'stream',
  getRemainingTimeInMillis: () => 30_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

const sqs = () => new SQSClient({});

export const queueUrl = (queue: string): string => {
  const url = process.env[queueEnvName(queue)];
  if (!url) throw new Error(`No queue ${queue} in the environment`);
  return url;
};

/**
 * Receives from a real queue until a message satisfies `matches` (deleting it), leaving others for their
 * owners. Fails after `timeoutMs`.
 */
export const takeMessage = async (
  queue: string,
  matches: (envelope: AnyEnvelope) => boolean,
  timeoutMs = 10_000,
): Promise<{ envelope: AnyEnvelope; message: Message }> => {
  const deadline = Date.now() + timeoutMs;
  const client = sqs();
  while (Date.now() < deadline) {
    const received = await client.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl(queue),
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
        VisibilityTimeout: 30,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
    );
    let found: { envelope: AnyEnvelope; message: Message } | undefined;
    for (const message of received.Messages ?? []) {
      const envelope = AnyEnvelope.safeParse(JSON.parse(message.Body ?? '{}'));
      if (!found && envelope.success && matches(envelope.data)) {
        await client.send(
          new DeleteMessageCommand({ QueueUrl: queueUrl(queue), ReceiptHandle: message.ReceiptHandle }),
        );
        found = { envelope: envelope.data, message };
      } else {
        // Everything else goes straight back for whoever it belongs to.
        await client.send(
          new ChangeMessageVisibilityCommand({
            QueueUrl: queueUrl(queue),
            ReceiptHandle: message.ReceiptHandle,
            VisibilityTimeout: 0,
          }),
        );
      }
    }
    if (found) return found;
  }
  throw new Error(`No matching message on ${queue} within ${timeoutMs} ms`);
};

export const sendMessage = async (queue: string, envelope: AnyEnvelope): Promise<void> => {
  await sqs().send(
    new SendMessageCommand({ QueueUrl: queueUrl(queue), MessageBody: JSON.stringify(envelope) }),
  );
};

/** Delivers one received message to a consumer as Lambda's SQS event source would. */
export const deliver = async (
  queue: string,
  message: Message,
  consumer: (
    event: ReturnType<typeof toSqsEvent>,
    context: Context,
  ) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>,
) => {
  const attributes = await sqs().send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl(queue), AttributeNames: ['QueueArn'] }),
  );
  return consumer(toSqsEvent([message], attributes.Attributes?.QueueArn ?? ''), lambdaContext());
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
