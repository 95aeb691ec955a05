import { join } from 'node:path';
import { CfnOutput, Duration, SecretValue, Stack, type StackProps, Stage, Validations } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { originVerifyHeader } from '../../shared/http/origin-verify.ts';
import type { ServiceManifest } from '../../shared/manifest/define-service.ts';
import { acknowledgeExpectedWildcards } from '../constructs/nag.ts';
import { pascal } from '../constructs/naming.ts';
import { DeadLetterQueue, ServiceQueue } from '../constructs/service-queue.ts';
import type { AppConfig } from './config.ts';
import {
  type DataStack,
  type SharedSecret,
  secretName,
  sharedSecrets,
  staffAttributes,
} from './data-stack.ts';
import { assertHandlersExist, checkManifests, manifestHandlers } from './manifest-checks.ts';
import { ServiceStack, type SharedServiceResources } from './service-stack.ts';
import { stageStaticAssets } from './static-assets.ts';

export interface ServicesStackProps extends StackProps {
  readonly config: AppConfig;
  readonly manifests: readonly ServiceManifest[];
  readonly data: DataStack;
  /** The CLOUDFRONT-scoped web ACL (created in us-east-1 by the edge stack). */
  readonly webAclArn: string;
  /** Repository root: handler entries and static assets are found from here. */
  readonly root: string;
}

const logRetention = logs.RetentionDays.ONE_YEAR;
const apiAccessLogFormat = apigateway.AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    routeKey: '$context.routeKey',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    latencyMs: '$context.responseLatency',
    integrationError: '$context.integrationErrorMessage',
  }),
);

/**
 * The stateless half, built entirely from the manifests: the queues with their dead-letter queues and
 * alarms, the HTTP API, CloudFront with WAF in front of the API and the static assets, and one nested
 * stack per service with its functions, routes, consumers and schedules (service-stack.ts).
 *
 * Staff routes have no API Gateway authorizer: sessions are cookies, and the handler middleware verifies
 * the Cognito ID token in the session and checks the route's policy (shared/auth), as the local runtime
 * does. Public routes need no sign-in by design.
 */
export class ServicesStack extends Stack {
  /** One nested stack per service that has handlers. */
  readonly services: readonly ServiceStack[];
  readonly queues: ReadonlyMap<string, ServiceQueue>;
  readonly api: apigw.HttpApi;
  readonly distribution: cloudfront.Distribution;
  readonly alarmTopic: sns.Topic;
  readonly userPoolClient: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: ServicesStackProps) {
    super(scope, id, props);
    const { config, manifests, data } = props;
    checkManifests(manifests);

    const messagesKey = new kms.Key(this, 'MessagesKey', {
      alias: `alias/safeguarding-${config.envName}-messages`,
      description: 'Encrypts queue messages, which carry case data.',
      enableKeyRotation: true,
    });
    const operationsKey = this.operationsKey(config);

    this.alarmTopic = new sns.Topic(this, 'Alarms', {
      displayName: `Safeguarding ${config.envName} alarms`,
      masterKey: operationsKey,
      enforceSSL: true,
    });
    if (config.alarmEmail) {
      this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(config.alarmEmail));
    }

    const tracingPolicy = new iam.ManagedPolicy(this, 'TracingPolicy', {
      description: 'Lets functions send X-Ray trace segments.',
      statements: [
        new iam.PolicyStatement({
          actions: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'],
          resources: ['*'],
        }),
      ],
    });
    Validations.of(tracingPolicy).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray PutTraceSegments and PutTelemetryRecords do not support resource-level permissions; this policy grants nothing else.',
    });

    const queues = new Map<string, ServiceQueue>();
    for (const manifest of manifests) {
      for (const [name, spec] of Object.entries(manifest.queues)) {
        queues.set(
          name,
          new ServiceQueue(this, `Queue${pascal(name)}`, {
            name,
            spec,
            encryptionKey: messagesKey,
            alarmTopic: this.alarmTopic,
          }),
        );
      }
    }
    this.queues = queues;

    const edgeLogs = this.edgeLogsBucket();
    const assets = this.assetsBucket(edgeLogs);
    this.api = this.httpApi(operationsKey);
    this.distribution = this.cdn(config, props.webAclArn, assets, edgeLogs);
    const siteUrl = config.customDomain
      ? `https://${config.customDomain.domainName}`
      : `https://${this.distribution.distributionDomainName}`;
    this.userPoolClient = this.staffClient(data, siteUrl);

    const issuer = `https://cognito-idp.${this.region}.${this.urlSuffix}/${data.userPool.userPoolId}`;
    const signInDomain = data.userPoolDomain.baseUrl();
    // The same names the local runtime sets (infra/local/environment.ts), plus Cognito's endpoints.
    const environment: Record<string, string> = {
      ENVIRONMENT: config.envName,
      SITE_URL: siteUrl,
      FORCE_NAME: config.forceName,
      POWERTOOLS_METRICS_NAMESPACE: 'Safeguarding',
      AUTH_ISSUER: issuer,
      AUTH_AUDIENCE: this.userPoolClient.userPoolClientId,
      AUTH_JWKS_URI: `${issuer}/.well-known/jwks.json`,
      AUTH_SIGN_IN_URL: `${signInDomain}/oauth2/authorize`,
      AUTH_TOKEN_URL: `${signInDomain}/oauth2/token`,
      AUTH_SIGN_OUT_URL: `${signInDomain}/logout`,
      AUTH_CLIENT_ID: this.userPoolClient.userPoolClientId,
      AUTH_REDIRECT_URI: `${siteUrl}/auth/callback`,
      ...Object.fromEntries(
        Object.keys(sharedSecrets).map((name) => [
          name,
          // Resolved by CloudFormation at deploy time; the value never appears in the template.
          SecretValue.secretsManager(secretName(config.envName, name as SharedSecret)).unsafeUnwrap(),
        ]),
      ),
    };
    const environmentKey = new kms.Key(this, 'EnvironmentKey', {
      alias: `alias/safeguarding-${config.envName}-function-environment`,
      description: 'Encrypts function environment variables, which include the shared secrets.',
      enableKeyRotation: true,
    });

    const scheduleFailures = manifests.some((manifest) => manifest.schedules.length > 0)
      ? new DeadLetterQueue(this, 'ScheduleFailures', {
          purpose: 'scheduled functions',
          encryptionKey: messagesKey,
          alarmTopic: this.alarmTopic,
        })
      : undefined;
    if (scheduleFailures) {
      this.letEventBridgeUse(messagesKey);
      Validations.of(scheduleFailures.queue).acknowledge({
        id: 'AwsSolutions-SQS3',
        reason:
          'This queue is itself the dead-letter queue of the scheduled functions and their EventBridge targets (in the service stacks); a failure queue of a failure queue would only move the same message.',
      });
    }

    if (this.bundlingRequired) assertHandlersExist(props.root, manifestHandlers(manifests));
    const shared: SharedServiceResources = {
      config,
      data,
      root: props.root,
      queues,
      api: this.api,
      environment,
      tracingPolicy,
      logEncryptionKey: operationsKey,
      logRetention,
      environmentKey,
      scheduleFailures: scheduleFailures?.queue,
    };
    this.services = manifests
      .filter((manifest) => manifestHandlers([manifest]).length > 0)
      .map((manifest) => new ServiceStack(this, `Service${pascal(manifest.name)}`, { manifest, shared }));

    this.deployStaticAssets(props.root, assets, operationsKey);
    this.apiAlarms();

    new CfnOutput(this, 'SiteUrl', { value: siteUrl });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarmTopic.topicArn });
  }

  /** Log groups and the alarm topic; CloudWatch Logs and CloudWatch alarms are allowed to use it. */
  private operationsKey(config: AppConfig): kms.Key {
    const key = new kms.Key(this, 'OperationsKey', {
      alias: `alias/safeguarding-${config.envName}-operations`,
      description: 'Encrypts function and API logs and the alarm topic.',
      enableKeyRotation: true,
    });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchLogs',
        principals: [new iam.ServicePrincipal(`logs.${this.region}.amazonaws.com`)],
        actions: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:${this.partition}:logs:${this.region}:${this.account}:log-group:*`,
          },
        },
      }),
    );
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );
    return key;
  }

  /** EventBridge puts undeliverable scheduled events on the (encrypted) failures queue. */
  private letEventBridgeUse(key: kms.Key): void {
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'EventBridgeDeadLetters',
        principals: [new iam.ServicePrincipal('events.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );
  }

  /**
   * CloudFront standard logs and the assets bucket's access logs. CloudFront's standard logging writes
   * with ACLs, so object ownership is "bucket owner preferred" rather than enforced.
   */
  private edgeLogsBucket(): s3.Bucket {
    const bucket = new s3.Bucket(this, 'EdgeLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      versioned: true,
      lifecycleRules: [{ expiration: Duration.days(400), noncurrentVersionExpiration: Duration.days(30) }],
    });
    Validations.of(bucket).acknowledge(
      {
        id: 'NIST.800.53.R5-S3DefaultEncryptionKMS',
        reason: 'S3 server access logging and CloudFront standard logging deliver only to SSE-S3 buckets.',
      },
      {
        id: 'NIST.800.53.R5-S3BucketReplicationEnabled',
        reason: 'Operational logs kept for 400 days in the UK region; a second copy would leave the UK.',
      },
    );
    return bucket;
  }

  /** GOV.UK Frontend's CSS, scripts, fonts and images: public files, served only through CloudFront (OAC). */
  private assetsBucket(logBucket: s3.IBucket): s3.Bucket {
    const bucket = new s3.Bucket(this, 'Assets', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      serverAccessLogsBucket: logBucket,
      serverAccessLogsPrefix: 'assets/',
    });
    Validations.of(bucket).acknowledge(
      {
        id: 'NIST.800.53.R5-S3DefaultEncryptionKMS',
        reason:
          'The bucket holds only public static files (GOV.UK Frontend); SSE-S3 protects them at rest and a KMS key would add nothing to keep secret.',
      },
      {
        id: 'NIST.800.53.R5-S3BucketReplicationEnabled',
        reason: 'Public static files rebuilt from the repository on every deploy; nothing to replicate.',
      },
    );
    return bucket;
  }

  private httpApi(operationsKey: kms.IKey): apigw.HttpApi {
    const api = new apigw.HttpApi(this, 'Api', {
      description: 'Pages and forms; reached through CloudFront, which adds the origin header they require.',
      createDefaultStage: false,
    });
    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', {
      retention: logRetention,
      encryptionKey: operationsKey,
    });
    new apigw.HttpStage(this, 'ApiStage', {
      httpApi: api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 100, burstLimit: 200 },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        format: apiAccessLogFormat,
      },
    });
    return api;
  }

  private cdn(
    config: AppConfig,
    webAclArn: string,
    assets: s3.IBucket,
    logBucket: s3.IBucket,
  ): cloudfront.Distribution {
    const headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Security headers on every response',
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          preload: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        xssProtection: { protection: false, override: true },
        // The pages set their own (nonce-bearing) policy and referrer policy; these apply where they do not.
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: false },
        contentSecurityPolicy: {
          contentSecurityPolicy:
            "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
          override: false,
        },
      },
      customHeadersBehavior: {
        customHeaders: [
          {
            header: 'Permissions-Policy',
            value: 'camera=(), geolocation=(), microphone=(), payment=(), usb=()',
            override: true,
          },
          { header: 'Cross-Origin-Opener-Policy', value: 'same-origin', override: true },
        ],
      },
    });
    // The API's own execute-api address stays reachable (an HTTP API takes neither WAF nor a resource
    // policy), so CloudFront proves each request came through it: the origin secret in a header every
    // handler requires (shared/http/middleware/origin-verify.ts). Resolved at deploy, never in the template.
    const apiOrigin = new origins.HttpOrigin(
      `${this.api.apiId}.execute-api.${this.region}.${this.urlSuffix}`,
      {
        protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
        originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
        customHeaders: {
          [originVerifyHeader]: SecretValue.secretsManager(
            secretName(config.envName, 'ORIGIN_VERIFY_SECRET'),
          ).unsafeUnwrap(),
        },
      },
    );
    const distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Safeguarding ${config.envName}`,
      defaultBehavior: {
        origin: apiOrigin,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        // Every viewer header but Host (API Gateway routes on its own host name) and every CloudFront
        // header, CloudFront-Viewer-Address among them: the address the per-client limits count
        // (shared/http/client-address.ts). No custom policy can do both: `allExcept` adds no CloudFront
        // header, and the one behaviour that adds them forwards Host too.
        originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: headers,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        compress: true,
      },
      additionalBehaviors: {
        '/assets/*': {
          origin: origins.S3BucketOrigin.withOriginAccessControl(assets),
          allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: headers,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          compress: true,
        },
      },
      webAclId: webAclArn,
      enableLogging: true,
      logBucket,
      logFilePrefix: 'cloudfront/',
      logIncludesCookies: false,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      ...(config.customDomain
        ? {
            domainNames: [config.customDomain.domainName],
            certificate: acm.Certificate.fromCertificateArn(
              this,
              'Certificate',
              config.customDomain.certificateArn,
            ),
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'Victims and witnesses may report from abroad (on holiday, after fleeing); blocking countries would turn them away while stopping no determined attacker.',
    });
    if (!config.customDomain) {
      Validations.of(distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain CloudFront serves its default *.cloudfront.net certificate, whose TLS policy cannot be set; set domainName and certificateArn to enforce TLS 1.2 (TLSv1.2_2021).',
      });
    }
    return distribution;
  }

  /**
   * The web app's client: authorisation code grant with PKCE and no secret, so no secret has to reach a
   * Lambda environment. It may read the staff attributes but not write rank, department or collar number;
   * only administrators (AdminUpdateUserAttributes) set those. Its tokens carry no
   * `aws.cognito.signin.user.admin` scope, so they cannot call Cognito's self-service APIs either.
   */
  private staffClient(data: DataStack, siteUrl: string): cognito.UserPoolClient {
    return new cognito.UserPoolClient(this, 'StaffWebClient', {
      userPool: data.userPool,
      userPoolClientName: 'staff-web',
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [`${siteUrl}/auth/callback`],
        logoutUrls: [`${siteUrl}/`],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      // One shift: staff sign in again at the start of the next.
      refreshTokenValidity: Duration.hours(12),
      authSessionValidity: Duration.minutes(5),
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(...staffAttributes),
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
    });
  }

  private deployStaticAssets(root: string, bucket: s3.IBucket, operationsKey: kms.IKey): void {
    // Staged inside this synth's own output directory, so concurrent synths never share a folder.
    const staged = stageStaticAssets({
      root,
      outDir: join(Stage.of(this)?.outdir ?? join(root, 'cdk.out'), 'static-assets'),
      strict: this.bundlingRequired,
    });
    const role = new iam.Role(this, 'AssetDeploymentRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Copies the static assets into the assets bucket at deploy time.',
    });
    const logGroup = new logs.LogGroup(this, 'AssetDeploymentLogs', {
      retention: logRetention,
      encryptionKey: operationsKey,
    });
    logGroup.grantWrite(role);
    new s3deploy.BucketDeployment(this, 'AssetDeployment', {
      sources: [s3deploy.Source.asset(staged)],
      destinationBucket: bucket,
      distribution: this.distribution,
      distributionPaths: ['/assets/*'],
      prune: true,
      memoryLimit: 512,
      role,
      logGroup,
      // Names are not fingerprinted: browsers revalidate daily, CloudFront keeps them until the next deploy
      // invalidates /assets/*.
      cacheControl: [
        s3deploy.CacheControl.setPublic(),
        s3deploy.CacheControl.maxAge(Duration.days(1)),
        s3deploy.CacheControl.sMaxAge(Duration.days(365)),
      ],
    });
    const policy = role.node.tryFindChild('DefaultPolicy') as iam.Policy | undefined;
    if (policy) {
      acknowledgeExpectedWildcards(policy, policy.document, [
        {
          finding: /^Action::s3:(GetBucket|GetObject|List|DeleteObject|PutObject|Abort)\*$/,
          reason:
            'CDK’s asset deployment copies with `aws s3 sync`, which needs the object and listing families of actions; they are granted on two buckets only (the CDK asset bucket and the assets bucket).',
        },
        {
          finding:
            /^Resource::(arn:aws:s3:::cdk-[a-z0-9]+-assets-<AWS::AccountId>-[a-z0-9-]+|<Assets[A-Za-z0-9]+\.Arn>)\/\*$/,
          reason:
            'Object actions on the objects of the CDK asset bucket (read) and the assets bucket (sync).',
        },
        {
          finding: /^Resource::\*$/,
          reason:
            'BucketDeployment grants cloudfront:CreateInvalidation and GetInvalidation on `*` (the only statement with this resource), to invalidate /assets/* after copying.',
        },
      ]);
      Validations.of(policy).acknowledge({
        id: 'NIST.800.53.R5-IAMNoInlinePolicy',
        reason:
          'The deployment role’s permissions are specific to this one role; nothing else would attach a managed policy.',
      });
    }
    // BucketDeployment's function is a singleton CDK creates at stack level.
    for (const child of this.node.children) {
      if (!child.node.id.startsWith('Custom::CDKBucketDeployment')) continue;
      const deployTime =
        'CDK’s own deploy-time function for BucketDeployment (runtime chosen by aws-cdk-lib); CloudFormation invokes it synchronously during deploys only, and it touches only the static asset buckets.';
      Validations.of(child).acknowledge(
        { id: 'AwsSolutions-L1', reason: deployTime },
        { id: 'Serverless-LambdaLatestVersion', reason: deployTime },
        { id: 'Serverless-LambdaDLQ', reason: deployTime },
        { id: 'Serverless-LambdaTracing', reason: deployTime },
        { id: 'NIST.800.53.R5-LambdaDLQ', reason: deployTime },
        { id: 'NIST.800.53.R5-LambdaConcurrency', reason: deployTime },
        { id: 'NIST.800.53.R5-LambdaInsideVPC', reason: deployTime },
      );
    }
  }

  private apiAlarms(): void {
    const alarm = new cloudwatch.Alarm(this, 'ApiServerErrors', {
      alarmDescription: 'The API answered with server errors: pages are failing for the public or staff.',
      metric: this.api.metricServerError({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
      threshold: 5,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new cloudwatchActions.SnsAction(this.alarmTopic));
  }
}
