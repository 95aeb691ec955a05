import { Duration, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { QueueSpec } from '../../shared/manifest/define-service.ts';

/** The local runtime applies the same defaults (infra/local/provision.ts). */
export const defaultMaxReceiveCount = 5;
export const defaultVisibilityTimeoutSeconds = 60;
/** The longest SQS keeps a message: time for someone to look at a poison message before it is gone. */
export const deadLetterRetention = Duration.days(14);

export interface DeadLetterQueueProps {
  /** What the queue catches, for the alarm description (no personal data: it is a queue's name). */
  readonly purpose: string;
  readonly encryptionKey: kms.IKey;
  readonly alarmTopic: sns.ITopic;
}

/**
 * A queue where failures land, with an alarm that fires on the first message: a message here means
 * something a person is waiting for did not happen.
 */
export class DeadLetterQueue extends Construct {
  readonly queue: sqs.Queue;
  readonly alarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: DeadLetterQueueProps) {
    super(scope, id);
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.encryptionKey,
      dataKeyReuse: Duration.hours(1),
      enforceSSL: true,
      retentionPeriod: deadLetterRetention,
    });
    Validations.of(this.queue).acknowledge({
      id: 'Serverless-SQSRedrivePolicy',
      reason:
        'This is a dead-letter queue: messages stay here (14 days, alarmed) until an operator redrives them.',
    });
    this.alarm = new cloudwatch.Alarm(this, 'DepthAlarm', {
      alarmDescription: `A message reached the dead-letter queue of ${props.purpose}: see infra/README.md "Dead letters".`,
      metric: this.queue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(1),
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.alarm.addAlarmAction(new cloudwatchActions.SnsAction(props.alarmTopic));
    this.alarm.addOkAction(new cloudwatchActions.SnsAction(props.alarmTopic));
  }
}

export interface ServiceQueueProps {
  /** The manifest's name for the queue; its URL reaches functions as `queueEnvName(name)`. */
  readonly name: string;
  readonly spec: QueueSpec;
  readonly encryptionKey: kms.IKey;
  readonly alarmTopic: sns.ITopic;
}

/**
 * A manifest queue: encrypted with a customer-managed key (messages carry case data), TLS only, and a
 * dead-letter queue after `maxReceiveCount` receives, alarmed on depth.
 */
export class ServiceQueue extends Construct {
  readonly name: string;
  readonly queue: sqs.Queue;
  readonly deadLetter: DeadLetterQueue;
  readonly encryptionKey: kms.IKey;
  readonly visibilityTimeout: Duration;

  constructor(scope: Construct, id: string, props: ServiceQueueProps) {
    super(scope, id);
    this.name = props.name;
    this.encryptionKey = props.encryptionKey;
    this.visibilityTimeout = Duration.seconds(
      props.spec.visibilityTimeoutSeconds ?? defaultVisibilityTimeoutSeconds,
    );
    this.deadLetter = new DeadLetterQueue(this, 'DeadLetter', {
      purpose: `queue ${props.name}`,
      encryptionKey: props.encryptionKey,
      alarmTopic: props.alarmTopic,
    });
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.encryptionKey,
      dataKeyReuse: Duration.hours(1),
      enforceSSL: true,
      visibilityTimeout: this.visibilityTimeout,
      retentionPeriod: Duration.days(4),
      deadLetterQueue: {
        queue: this.deadLetter.queue,
        maxReceiveCount: props.spec.maxReceiveCount ?? defaultMaxReceiveCount,
      },
    });
  }
}
