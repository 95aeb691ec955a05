import { randomUUID } from 'node:crypto';
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
  SQSBatchResponse,
  SQSEvent,
} from 'aws-lambda';
import { fixtureStaff } from '../../../services/restricted-cases/adapters/fixture-directory.ts';
import { AnyEnvelope } from '../../../shared/contracts/envelope.ts';
import { queueEnvName } from '../../../shared/manifest/names.ts';
import { toSqsEvent } from '../../../shared/messaging/sqs-event.ts';
import type { TestIdentityProvider } from '../../support/staff-tokens.ts';

export type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;
export type Consumer = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

/** Signs in as someone in the staff directory, so the rules see their line manager and commander. */
export const signInAs = async (
  identityProvider: TestIdentityProvider,
  collarNumber: string,
): Promise<Record<string, string>> => {
  const entry = fixtureStaff.find((person) => person.collarNumber === collarNumber);
  if (!entry) throw new Error(`No fixture member of staff ${collarNumber}`);
  const token = await identityProvider.sign({
    sub: `sub-${collarNumber}`,
    name: entry.displayName,
    collarNumber,
    rank: entry.rank,
    department: entry.department,
  });
  return { '__Host-session': token };
};

export const queueUrl = (queue: string): string => {
  const url = process.env[queueEnvName(queue)];
  if (!url) throw new Error(`No queue ${queue} in the environment`);
  return url;
};

/**
 * Receives from a real queue until a message satisfies `matches` (deleting it) and hands the others straight
 * back. Fails after `timeoutMs`.
 */
export const takeMessage = async (
  queue: string,
  matches: (envelope: AnyEnvelope) => boolean,
  timeoutMs = 10_000,
): Promise<{ envelope: AnyEnvelope; message: Message }> => {
  const client = new SQSClient({});
  const deadline = Date.now() + timeoutMs;
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

export const lambdaContext = (): Context => ({
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'restricted-cases-integration',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-2:000000000000:function:restricted-cases-integration',
  memoryLimitInMB: '256',
  awsRequestId: randomUUID(),
  logGroupName: '/aws/lambda/restricted-cases-integration',
  logStreamName: 'stream',
  getRemainingTimeInMillis: () => 30_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

/** Delivers one received message to a consumer as Lambda's SQS event source would. */
export const deliver = async (
  queue: string,
  message: Message,
  consumer: Consumer,
): Promise<SQSBatchResponse> => {
  const attributes = await new SQSClient({}).send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl(queue), AttributeNames: ['QueueArn'] }),
  );
  return consumer(toSqsEvent([message], attributes.Attributes?.QueueArn ?? ''), lambdaContext());
};

/** The case id from a redirect to `/staff/restricted-cases/allegations/<id>/recorded` or `/cases/<id>`. */
export const caseIdIn = (response: APIGatewayProxyStructuredResultV2): string => {
  const location = String(response.headers?.Location ?? response.headers?.location ?? '');
  const id = /\/(RC-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})(?:\/|$|#)/.exec(location)?.[1];
  if (!id) throw new Error(`Expected a redirect to a case, got ${response.statusCode} ${location}`);
  return id;
};
