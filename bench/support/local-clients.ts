import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LocalRuntime } from '../../infra/local/runtime.ts';

export class BenchSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BenchSetupError';
  }
}

/** A variable of the runtime's environment, which every bench relies on being there. */
export const environmentValue = (runtime: LocalRuntime, name: string): string => {
  const value = runtime.environment[name];
  if (!value) throw new BenchSetupError(`The local runtime's environment has no ${name}.`);
  return value;
};

export interface LocalClients {
  readonly dynamo: DynamoDBDocumentClient;
  readonly sqs: SQSClient;
  destroy(): void;
}

/** Clients of the runtime's emulators, of the bench's own (the handlers keep theirs). */
export const localClients = (runtime: LocalRuntime): LocalClients => {
  const region = environmentValue(runtime, 'AWS_REGION');
  const credentials = {
    accessKeyId: environmentValue(runtime, 'AWS_ACCESS_KEY_ID'),
    secretAccessKey: environmentValue(runtime, 'AWS_SECRET_ACCESS_KEY'),
  };
  const dynamo = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: environmentValue(runtime, 'AWS_ENDPOINT_URL_DYNAMODB'),
      region,
      credentials,
    }),
  );
  const sqs = new SQSClient({
    endpoint: environmentValue(runtime, 'AWS_ENDPOINT_URL_SQS'),
    region,
    credentials,
  });
  return {
    dynamo,
    sqs,
    destroy: () => {
      dynamo.destroy();
      sqs.destroy();
    },
  };
};
