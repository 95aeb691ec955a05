import type { Message, MessageAttributeValue } from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSMessageAttributes, SQSRecord } from 'aws-lambda';

const recordAttributes = (attributes: Message['Attributes']): SQSRecord['attributes'] => ({
  ApproximateReceiveCount: attributes?.ApproximateReceiveCount ?? '1',
  SentTimestamp: attributes?.SentTimestamp ?? '0',
  SenderId: attributes?.SenderId ?? 'local',
  ApproximateFirstReceiveTimestamp: attributes?.ApproximateFirstReceiveTimestamp ?? '0',
});

const messageAttributes = (
  attributes: Record<string, MessageAttributeValue> | undefined,
): SQSMessageAttributes =>
  Object.fromEntries(
    Object.entries(attributes ?? {}).map(([name, value]) => [
      name,
      {
        dataType: value.DataType ?? 'String',
        ...(value.StringValue === undefined ? {} : { stringValue: value.StringValue }),
      },
    ]),
  );

/**
 * The event Lambda's SQS event source would deliver for messages received with ReceiveMessage
 * (request `MessageSystemAttributeNames: ['All']` and `MessageAttributeNames: ['All']`). The local
 * runtime's queue poller and the integration tests call consumers with it.
 */
export const toSqsEvent = (
  messages: readonly Message[],
  queueArn: string,
  region = process.env.AWS_REGION ?? 'eu-west-2',
): SQSEvent => ({
  Records: messages.map((message) => ({
    messageId: message.MessageId ?? '',
    receiptHandle: message.ReceiptHandle ?? '',
    body: message.Body ?? '',
    attributes: recordAttributes(message.Attributes),
    messageAttributes: messageAttributes(message.MessageAttributes),
    md5OfBody: message.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: region,
  })),
});
