import { join } from 'node:path';
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { bucketEnvName, handlerEntry, queueEnvName, tableEnvName } from '../../shared/manifest/names.ts';
import { type ExtraFile, nodejsBundlingOptions } from './bundling-options.ts';
import { wildcardFinding } from './nag.ts';
import type { ServiceQueue } from './service-queue.ts';
import { serviceRolePath } from './service-role.ts';

/** A table as a function sees it: enough to name it, grant on it and its indexes, and use its key. */
export interface BindableTable {
  readonly service: string;
  readonly name: string;
  readonly tableName: string;
  readonly tableArn: string;
  readonly indexNames: readonly string[];
  readonly encryptionKey: kms.IKey;
}

/** A bucket as a function sees it. Its name is deterministic, so grants here need no cross-stack token. */
export interface BindableBucket {
  readonly service: string;
  readonly name: string;
  readonly bucketName: string;
  readonly bucketArn: string;
  readonly encryptionKey: kms.IKey;
}

/**
 * `append` is for the audit log: entries and the chain head are only ever put (conditionally), so the
 * functions cannot delete or rewrite an entry in place.
 */
export type TableAccess = 'read' | 'readWrite' | 'append';
export type BucketAccess = 'read' | 'readWrite';

const tableReadActions = [
  'dynamodb:BatchGetItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
];
const tableActions: Record<TableAccess, readonly string[]> = {
  read: tableReadActions,
  append: [...tableReadActions, 'dynamodb:PutItem'],
  readWrite: [
    ...tableReadActions,
    'dynamodb:BatchWriteItem',
    'dynamodb:DeleteItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
  ],
};

/** What DynamoDB and S3 ask of KMS on the caller's behalf; named one by one so nothing else comes along. */
const keyReadActions = ['kms:Decrypt', 'kms:DescribeKey'];
const keyWriteActions = [...keyReadActions, 'kms:Encrypt', 'kms:GenerateDataKey'];

const bucketActions: Record<BucketAccess, readonly string[]> = {
  read: ['s3:GetObject', 's3:GetObjectVersion'],
  readWrite: ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject'],
};

/** How a function is invoked; decides which findings about asynchronous failure handling do not apply. */
export type Invocation = 'api' | 'queue' | 'schedule';

export interface ServiceFunctionProps {
  readonly service: string;
  /** File name under `services/<service>/handlers/`, without `.ts`. */
  readonly handler: string;
  readonly invokedBy: ReadonlySet<Invocation>;
  /** Repository root; the handler's entry is `handlerEntry(service, handler)` below it. */
  readonly root: string;
  /** Files the handler reads from its own bundle (fonts), copied beside it. */
  readonly bundleFiles?: readonly ExtraFile[];
  readonly timeout: Duration;
  /** Configuration every function receives (environment name, sign-in settings ...). */
  readonly environment: Readonly<Record<string, string>>;
  /** X-Ray write access, shared by every function so no function's own policy holds a `*` resource. */
  readonly tracingPolicy: iam.IManagedPolicy;
  readonly logEncryptionKey: kms.IKey;
  /** Environment variables carry secrets, so they are encrypted with a customer-managed key. */
  readonly environmentEncryption: kms.IKey;
  readonly logRetention: logs.RetentionDays;
  /** Where failed asynchronous invocations (schedules) go after Lambda's own retries. */
  readonly deadLetterQueue?: sqs.IQueue;
}

/** Runtime, architecture and memory every function shares. */
export const functionDefaults = {
  runtime: lambda.Runtime.NODEJS_24_X,
  architecture: lambda.Architecture.ARM_64,
  /** More memory is more CPU: server-side rendering and PDF signing finish sooner and cost about the same. */
  memorySize: 1024,
} as const;

/**
 * When the stack is synthesized without bundling (template tests, `cdk ls`), no code is deployed from it,
 * so a placeholder stands in and handler files need not exist yet.
 */
const placeholderCode = lambda.Code.fromInline(
  "export const handler = async () => { throw new Error('Synthesized without bundling: not deployable.'); };",
);

/**
 * One Lambda function of a service with the platform's defaults: Node.js 24 on arm64, bundled with the
 * shared esbuild options, JSON logs in an encrypted log group with retention, X-Ray active, and a role
 * under the service's IAM path that starts with nothing but its log group. Everything else is granted by
 * the `bind*` methods, which also set the environment variable the handler reads the resource's name from.
 */
export class ServiceFunction extends Construct {
  readonly service: string;
  readonly handler: string;
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    super(scope, id);
    this.service = props.service;
    this.handler = props.handler;

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      path: serviceRolePath(props.service),
      description: `${props.service}/${props.handler}`,
      managedPolicies: [props.tracingPolicy],
    });
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      encryptionKey: props.logEncryptionKey,
    });

    const bundled = Stack.of(this).bundlingRequired;
    this.function = new NodejsFunction(this, 'Function', {
      description: `${props.service}: ${props.handler}`,
      ...(bundled
        ? {
            entry: join(props.root, handlerEntry(props.service, props.handler)),
            projectRoot: props.root,
            depsLockFilePath: join(props.root, 'package-lock.json'),
            bundling: nodejsBundlingOptions(
              join(props.root, handlerEntry(props.service, props.handler)),
              props.bundleFiles,
            ),
          }
        : { code: placeholderCode, handler: 'index.handler' }),
      runtime: functionDefaults.runtime,
      architecture: functionDefaults.architecture,
      memorySize: functionDefaults.memorySize,
      timeout: props.timeout,
      role: this.role,
      environmentEncryption: props.environmentEncryption,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      ...(props.deadLetterQueue
        ? { deadLetterQueueEnabled: true, deadLetterQueue: props.deadLetterQueue }
        : {}),
      environment: {
        ...props.environment,
        POWERTOOLS_SERVICE_NAME: props.service,
        NODE_OPTIONS: '--enable-source-maps',
      },
    });
    // The `tracing` prop would put X-Ray's `Resource: *` statement into this function's own policy; the
    // shared tracing policy grants it instead, so the mode is set on the resource directly.
    (this.function.node.defaultChild as lambda.CfnFunction).tracingConfig = { mode: 'Active' };
    if (props.deadLetterQueue) {
      this.grantSendToDeadLetter(props.deadLetterQueue);
    }

    this.acknowledgeInvocationFindings(props.invokedBy);
    Validations.of(this.role).acknowledge({
      id: 'NIST.800.53.R5-IAMNoInlinePolicy',
      reason:
        'Each function’s grants are its own (its service’s tables, queues and buckets), written from the manifest; a managed policy would be attached to this one role only and add a second thing to keep in step.',
    });
  }

  /** Read (or write) a table and its indexes, through DynamoDB only, and learn its name. */
  bindTable(table: BindableTable, access: TableAccess): void {
    this.function.addEnvironment(tableEnvName(table.service, table.name), table.tableName);
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: [...tableActions[access]],
        resources: [table.tableArn, ...table.indexNames.map((index) => `${table.tableArn}/index/${index}`)],
      }),
    );
    this.grantKeyVia(table.encryptionKey, 'dynamodb', access === 'read' ? keyReadActions : keyWriteActions);
  }

  /** Send to a queue (the service's own, or one it lists in `sendsTo`), and learn its URL. */
  bindQueueSend(queue: ServiceQueue): void {
    this.function.addEnvironment(queueEnvName(queue.name), queue.queue.queueUrl);
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [queue.queue.queueArn] }),
    );
    this.grantKeyVia(queue.encryptionKey, 'sqs', ['kms:Decrypt', 'kms:GenerateDataKey']);
  }

  /**
   * Consume a queue: the event source mapping reports partial batch failures, so one bad message is
   * retried (and eventually dead-lettered) without the rest of its batch.
   */
  bindQueueConsume(queue: ServiceQueue, batchSize: number): void {
    this.function.addEventSource(
      new SqsEventSource(queue.queue, {
        batchSize,
        reportBatchItemFailures: true,
        ...(batchSize > 10 ? { maxBatchingWindow: Duration.seconds(1) } : {}),
      }),
    );
    // The event source mapping grants ReceiveMessage/DeleteMessage and kms:Decrypt on the queue's key.
    Validations.of(this.function).acknowledge({
      id: 'Serverless-LambdaEventSourceMappingDestination',
      reason: `SQS event sources take no on-failure destination; failed messages go to the dead-letter queue of ${queue.name} (alarmed).`,
    });
  }

  /** Read (or write) the objects of a bucket, through S3 only, and learn its name. */
  bindBucket(bucket: BindableBucket, access: BucketAccess): void {
    this.function.addEnvironment(bucketEnvName(bucket.service, bucket.name), bucket.bucketName);
    const objects = `${bucket.bucketArn}/*`;
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: [...bucketActions[access]], resources: [objects] }),
    );
    this.grantKeyVia(bucket.encryptionKey, 's3', access === 'read' ? keyReadActions : keyWriteActions);
    Validations.of(this.role).acknowledge({
      id: `AwsSolutions-IAM5[${wildcardFinding(this, objects)}]`,
      reason: `Object actions apply to the objects of the one bucket ${bucket.service}/${bucket.name}; object keys are generated per record, so no narrower prefix exists.`,
    });
  }

  addEnvironment(name: string, value: string): void {
    this.function.addEnvironment(name, value);
  }

  /** Sign with an asymmetric key (documents): the digest goes to KMS, the private key never leaves it. */
  bindSigningKey(key: kms.IKey): void {
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['kms:GetPublicKey', 'kms:Sign'], resources: [key.keyArn] }),
    );
  }

  /** Read one SSM parameter (a certificate, not a secret). */
  bindParameter(parameterArn: string): void {
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['ssm:GetParameter'], resources: [parameterArn] }),
    );
  }

  private grantKeyVia(key: kms.IKey, service: 'dynamodb' | 'sqs' | 's3', actions: readonly string[]): void {
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: [...actions],
        resources: [key.keyArn],
        conditions: {
          StringEquals: {
            'kms:ViaService': `${service}.${Stack.of(this).region}.${Stack.of(this).urlSuffix}`,
          },
        },
      }),
    );
  }

  private grantSendToDeadLetter(queue: sqs.IQueue): void {
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [queue.queueArn] }),
    );
    if (queue.encryptionMasterKey) {
      this.grantKeyVia(queue.encryptionMasterKey, 'sqs', ['kms:Decrypt', 'kms:GenerateDataKey']);
    }
  }

  private acknowledgeInvocationFindings(invokedBy: ReadonlySet<Invocation>): void {
    const asynchronous = invokedBy.has('schedule');
    if (!asynchronous) {
      const reason = invokedBy.has('queue')
        ? 'Invoked synchronously by an SQS event source mapping: a message that keeps failing goes to its queue’s dead-letter queue (after maxReceiveCount receives, alarmed), which is where a function DLQ would send it.'
        : 'Invoked synchronously by API Gateway: the caller receives the error and it is logged; a function DLQ only ever receives asynchronous invocations.';
      Validations.of(this.function).acknowledge(
        { id: 'Serverless-LambdaDLQ', reason },
        { id: 'NIST.800.53.R5-LambdaDLQ', reason },
      );
    }
    const concurrency =
      'Concurrency is bounded by the API stage throttle and the SQS batch settings; reserving concurrency per function would carve up the account pool (new accounts start with 10) for no gain at this traffic.';
    Validations.of(this.function).acknowledge(
      { id: 'NIST.800.53.R5-LambdaConcurrency', reason: concurrency },
      {
        id: 'NIST.800.53.R5-LambdaInsideVPC',
        reason:
          'The function reaches only AWS APIs (DynamoDB, SQS, S3, KMS) over TLS with IAM authorisation; there is nothing in a VPC to reach, and a VPC would add NAT gateways and endpoints without narrowing who can call these APIs.',
      },
    );
  }
}
