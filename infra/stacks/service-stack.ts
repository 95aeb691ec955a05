import { Duration, NestedStack, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { rulesPackVariable } from '../../services/dvpn/config.ts';
import type { PlatformTable, ServiceManifest } from '../../shared/manifest/define-service.ts';
import { pascal } from '../constructs/naming.ts';
import { type Invocation, ServiceFunction, type TableAccess } from '../constructs/service-function.ts';
import type { ServiceQueue } from '../constructs/service-queue.ts';
import type { AppConfig } from './config.ts';
import type { DataStack } from './data-stack.ts';
import { bundleFiles, documentSigning } from './document-signing.ts';

/** What every service's functions share, made once by the services stack. */
export interface SharedServiceResources {
  readonly config: AppConfig;
  readonly data: DataStack;
  /** Repository root: handler entries are found from here. */
  readonly root: string;
  /** Every manifest queue, by name. */
  readonly queues: ReadonlyMap<string, ServiceQueue>;
  readonly api: apigw.IHttpApi;
  /** Configuration every function receives (site URL, sign-in settings, shared secrets). */
  readonly environment: Readonly<Record<string, string>>;
  readonly tracingPolicy: iam.IManagedPolicy;
  readonly logEncryptionKey: kms.IKey;
  readonly logRetention: logs.RetentionDays;
  readonly environmentKey: kms.IKey;
  /** Where scheduled invocations that keep failing end up. */
  readonly scheduleFailures: sqs.IQueue | undefined;
}

export interface ServiceStackProps {
  readonly manifest: ServiceManifest;
  readonly shared: SharedServiceResources;
}

/** API Gateway's own limit for a Lambda integration is 30 s; a page that takes longer has failed anyway. */
const routeTimeout = Duration.seconds(10);
const scheduleTimeout = Duration.seconds(60);
/**
 * AWS's guidance for SQS event sources: the visibility timeout is at least six times the function timeout,
 * so a message is not handed to a second consumer while the first is still on it.
 */
const consumerTimeout = (visibilityTimeout: Duration): Duration =>
  Duration.seconds(Math.max(3, Math.floor(visibilityTimeout.toSeconds() / 6)));

/** The platform's audit table is append-only to every function; its other tables are read and written. */
const platformAccess: Record<PlatformTable, TableAccess> = {
  audit: 'append',
  sessions: 'readWrite',
  idempotency: 'readWrite',
};

interface FunctionPlan {
  readonly handler: string;
  readonly invokedBy: Set<Invocation>;
  timeout: Duration;
}

/**
 * One service's functions, routes, queue consumers and schedules, as its manifest declares them. A nested
 * stack per service keeps each template far below CloudFormation's 500-resource limit while the services
 * still deploy as one unit.
 */
export class ServiceStack extends NestedStack {
  readonly manifest: ServiceManifest;
  readonly functions: ReadonlyMap<string, ServiceFunction>;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, { description: `Safeguarding: the ${props.manifest.name} service` });
    const { manifest, shared } = props;
    this.manifest = manifest;

    const functions = new Map<string, ServiceFunction>();
    for (const plan of this.plan(manifest, shared)) {
      const fn = new ServiceFunction(this, pascal(plan.handler), {
        service: manifest.name,
        handler: plan.handler,
        invokedBy: plan.invokedBy,
        root: shared.root,
        bundleFiles: bundleFiles(manifest.name),
        timeout: plan.timeout,
        environment: shared.environment,
        tracingPolicy: shared.tracingPolicy,
        logEncryptionKey: shared.logEncryptionKey,
        environmentEncryption: shared.environmentKey,
        logRetention: shared.logRetention,
        ...(plan.invokedBy.has('schedule') && shared.scheduleFailures
          ? { deadLetterQueue: shared.scheduleFailures }
          : {}),
      });
      this.bindServiceResources(fn, shared);
      if (manifest.name === documentSigning.service) this.bindDocumentSigning(fn, shared);
      if (manifest.name === 'dvpn') fn.addEnvironment(rulesPackVariable, shared.config.dvpnRulesPack);
      functions.set(plan.handler, fn);
    }
    this.functions = functions;

    const integrations = new Map<string, HttpLambdaIntegration>();
    for (const route of manifest.routes) {
      let integration = integrations.get(route.handler);
      if (!integration) {
        integration = new HttpLambdaIntegration(
          pascal(route.handler),
          this.functionFor(route.handler).function,
        );
        integrations.set(route.handler, integration);
      }
      const method = route.method === 'ANY' ? apigw.HttpMethod.ANY : apigw.HttpMethod[route.method];
      const httpRoute = new apigw.HttpRoute(this, `Route${route.method}${pascal(route.path) || 'Root'}`, {
        httpApi: shared.api,
        routeKey: apigw.HttpRouteKey.with(route.path, method),
        integration,
      });
      Validations.of(httpRoute).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          route.policy === 'public'
            ? 'A public page: anyone may open it without signing in, by design (ARCHITECTURE.md "People and access").'
            : `A staff route (${route.policy.description}): sessions are cookies, so the handler middleware verifies the Cognito ID token against the user pool JWKS and checks this policy; an API Gateway authorizer cannot read the session.`,
      });
    }

    for (const consumer of manifest.consumers) {
      this.functionFor(consumer.handler).bindQueueConsume(
        this.queueFor(shared, consumer.queue),
        consumer.batchSize ?? 10,
      );
    }

    for (const schedule of manifest.schedules) {
      new events.Rule(this, `Every${schedule.everyMinutes}${pascal(schedule.handler)}`, {
        description: `${manifest.name}: ${schedule.handler} every ${schedule.everyMinutes} minutes`,
        schedule: events.Schedule.rate(Duration.minutes(schedule.everyMinutes)),
        targets: [
          new targets.LambdaFunction(this.functionFor(schedule.handler).function, {
            ...(shared.scheduleFailures ? { deadLetterQueue: shared.scheduleFailures } : {}),
            retryAttempts: 2,
            // A sweep that starts late overlaps the next one; better to drop it.
            maxEventAge: Duration.minutes(schedule.everyMinutes),
          }),
        ],
      });
    }
  }

  private functionFor(handler: string): ServiceFunction {
    const fn = this.functions.get(handler);
    if (!fn) throw new Error(`No function planned for ${this.manifest.name}/${handler}.`);
    return fn;
  }

  private queueFor(shared: SharedServiceResources, name: string): ServiceQueue {
    const queue = shared.queues.get(name);
    if (!queue) throw new Error(`No queue ${name} is declared in the manifests.`);
    return queue;
  }

  /** One function per handler, however many routes, consumers or schedules it serves. */
  private plan(manifest: ServiceManifest, shared: SharedServiceResources): FunctionPlan[] {
    const plans = new Map<string, FunctionPlan>();
    const add = (handler: string, invocation: Invocation, timeout: Duration) => {
      const existing = plans.get(handler);
      if (existing) {
        existing.invokedBy.add(invocation);
        if (timeout.toSeconds() < existing.timeout.toSeconds()) existing.timeout = timeout;
      } else {
        plans.set(handler, { handler, invokedBy: new Set([invocation]), timeout });
      }
    };
    for (const route of manifest.routes) add(route.handler, 'api', routeTimeout);
    for (const consumer of manifest.consumers) {
      add(
        consumer.handler,
        'queue',
        consumerTimeout(this.queueFor(shared, consumer.queue).visibilityTimeout),
      );
    }
    for (const schedule of manifest.schedules) add(schedule.handler, 'schedule', scheduleTimeout);
    return [...plans.values()];
  }

  /**
   * Least privilege at the grain the manifest states: a function may use its own service's tables,
   * queues and buckets, the platform tables its service lists, and send to the queues its service lists
   * in `sendsTo`. Nothing of another service.
   */
  private bindServiceResources(fn: ServiceFunction, shared: SharedServiceResources): void {
    const { manifest } = this;
    const { data } = shared;
    for (const table of Object.keys(manifest.tables))
      fn.bindTable(data.tableOf(manifest.name, table), 'readWrite');
    if (manifest.name !== 'platform') {
      for (const table of manifest.usesPlatform) {
        fn.bindTable(data.tableOf('platform', table), platformAccess[table]);
      }
    }
    for (const queue of [...Object.keys(manifest.queues), ...manifest.sendsTo]) {
      fn.bindQueueSend(this.queueFor(shared, queue));
    }
    for (const bucket of data.buckets.filter((candidate) => candidate.service === manifest.name)) {
      fn.bindBucket(bucket, 'readWrite');
    }
  }

  private bindDocumentSigning(fn: ServiceFunction, shared: SharedServiceResources): void {
    const { data, config } = shared;
    if (!data.signingKey) throw new Error('The documents service is deployed without its signing key.');
    const parameter = documentSigning.certificateParameter(config.envName);
    fn.bindSigningKey(data.signingKey);
    fn.bindParameter(
      this.formatArn({ service: 'ssm', resource: 'parameter', resourceName: parameter.slice(1) }),
    );
    fn.addEnvironment('SIGNER', 'kms');
    fn.addEnvironment('SIGNING_KEY_ID', data.signingKey.keyArn);
    fn.addEnvironment('SIGNING_CERTIFICATE_PARAMETER', parameter);
    fn.addEnvironment('DOCUMENT_FONT_DIR', `/var/task/${documentSigning.fontDirectory}`);
  }
}
