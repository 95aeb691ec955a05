import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import type { MessagingLogger } from '../../../shared/messaging/log.ts';

export interface LoggedLine {
  readonly level: 'info' | 'warn' | 'error';
  readonly message: string;
  readonly attributes: Record<string, unknown>;
}

/** A logger that keeps what it was given, to check what would reach the log. */
export const recordingLogger = (): MessagingLogger & { lines: LoggedLine[] } => {
  const lines: LoggedLine[] = [];
  const at =
    (level: LoggedLine['level']) =>
    (message: string, ...attributes: Record<string, unknown>[]) => {
      lines.push({ level, message, attributes: Object.assign({}, ...attributes) });
    };
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
};

export const lambdaContext = (): Context => ({
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'test-consumer',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-2:000000000000:function:test-consumer',
  memoryLimitInMB: '256',
  awsRequestId: 'request-1',
  logGroupName: '/aws/lambda/test-consumer',
  logStreamName: 'stream',
  getRemainingTimeInMillis: () => 30_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

export const sqsRecord = (messageId: string, body: string): SQSRecord => ({
  messageId,
  receiptHandle: `receipt-${messageId}`,
  body,
  attributes: {
    ApproximateReceiveCount: '1',
    SentTimestamp: '0',
    SenderId: 'test',
    ApproximateFirstReceiveTimestamp: '0',
  },
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:eu-west-2:000000000000:test',
  awsRegion: 'eu-west-2',
});

export const sqsEvent = (...records: SQSRecord[]): SQSEvent => ({ Records: records });
