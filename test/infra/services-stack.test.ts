import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pascal } from '../../infra/constructs/naming.ts';
import { bucketEnvName, queueEnvName, tableEnvName } from '../../shared/manifest/names.ts';
import { fixtureManifests } from './fixture-manifests.ts';
import {
  actionsOf,
  propertiesOf,
  removeSyntheses,
  resourcesOfType,
  type Statement,
  type Synthesized,
  statementsOf,
  synthesize,
} from './synth.ts';

let synthesized: Synthesized;
beforeAll(() => {
  synthesized = synthesize(fixtureManifests);
});
afterAll(removeSyntheses);

interface FunctionProps {
  Description?: string;
  Runtime?: string;
  Architectures?: string[];
  MemorySize?: number;
  Timeout?: number;
  TracingConfig?: { Mode: string };
  LoggingConfig?: { LogFormat?: string; LogGroup?: unknown };
  Environment?: { Variables: Record<string, unknown> };
  Role?: { 'Fn::GetAtt': [string, string] };
  DeadLetterConfig?: { TargetArn: unknown };
  KmsKeyArn?: unknown;
}

interface FoundFunction {
  readonly template: Template;
  readonly id: string;
  readonly props: FunctionProps;
}

/** The functions built from the manifests (described `<service>: <handler>`), by that description. */
const manifestFunctions = (): Map<string, FoundFunction> =>
  new Map(
    synthesized.serviceTemplates.flatMap((template) =>
      resourcesOfType(template, 'AWS::Lambda::Function')
        .map(([id, props]) => ({ template, id, props: props as FunctionProps }))
        .filter(({ props }) => /^[a-z-]+: [a-z-]+$/.test(props.Description ?? ''))
        .map((found) => [found.props.Description as string, found] as const),
    ),
  );

const functionNamed = (description: string): FoundFunction => {
  const found = manifestFunctions().get(description);
  if (!found) throw new Error(`No function ${description}`);
  return found;
};

const roleOf = (description: string): { id: string; path: string } => {
  const { template, props } = functionNamed(description);
  const id = props.Role?.['Fn::GetAtt'][0] ?? '';
  return { id, path: String(propertiesOf(template, 'AWS::IAM::Role', (candidate) => candidate === id).Path) };
};

/** Every statement granted to a function's role, through the policies attached to it. */
const statementsOfRole = (description: string): Statement[] => {
  const { template } = functionNamed(description);
  const { id } = roleOf(description);
  return resourcesOfType(template, 'AWS::IAM::Policy')
    .filter(([, policy]) => JSON.stringify(policy.Roles).includes(`"${id}"`))
    .flatMap(([, policy]) => statementsOf(policy.PolicyDocument));
};

const allManifestRoutes = fixtureManifests.flatMap((manifest) =>
  manifest.routes.map((route) => ({ service: manifest.name, ...route })),
);

describe('HTTP API routes come from the manifests', () => {
  it('there is one route per manifest route, and no other', () => {
    const routeKeys = [synthesized.services, ...synthesized.serviceTemplates].flatMap((template) =>
      resourcesOfType(template, 'AWS::ApiGatewayV2::Route').map(([, route]) => route.RouteKey),
    );

    expect(routeKeys.sort()).toEqual(
      allManifestRoutes.map((route) => `${route.method} ${route.path}`).sort(),
    );
  });

  it('each route reaches the function of its service and handler, one function per handler', () => {
    for (const route of allManifestRoutes) {
      const template = synthesized.service(route.service);
      const functionIds = new Map(
        resourcesOfType(template, 'AWS::Lambda::Function').map(([id, props]) => [id, props.Description]),
      );
      const props = propertiesOf(
        template,
        'AWS::ApiGatewayV2::Route',
        (_, candidate) => candidate.RouteKey === `${route.method} ${route.path}`,
      );
      const integrationId = JSON.stringify(props.Target).match(/"Ref":"([A-Za-z0-9]+)"/)?.[1];
      const integration = propertiesOf(
        template,
        'AWS::ApiGatewayV2::Integration',
        (id) => id === integrationId,
      );
      const functionId = (integration.IntegrationUri as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];

      expect(functionIds.get(functionId), `${route.method} ${route.path}`).toBe(
        `${route.service}: ${route.handler}`,
      );
    }
    expect(manifestFunctions().has('casework: fill-report')).toBe(true);
    expect([...manifestFunctions().keys()].filter((name) => name === 'casework: fill-report')).toHaveLength(
      1,
    );
  });

  it('the stage logs every request as JSON and throttles by default', () => {
    synthesized.services.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('"requestId"') },
      DefaultRouteSettings: { ThrottlingBurstLimit: 200, ThrottlingRateLimit: 100 },
    });
  });
});

describe('functions (ARCHITECTURE.md "AWS")', () => {
  it('every manifest handler runs on Node.js 24 on arm64 with tracing and JSON logs', () => {
    const functions = [...manifestFunctions().values()];
    expect(functions.length).toBe(
      new Set(
        fixtureManifests.flatMap((m) => [
          ...m.routes.map((r) => `${m.name}/${r.handler}`),
          ...m.consumers.map((c) => `${m.name}/${c.handler}`),
          ...m.schedules.map((s) => `${m.name}/${s.handler}`),
        ]),
      ).size,
    );
    for (const { id, props } of functions) {
      expect(props, id).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        MemorySize: 1024,
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON' },
      });
      expect(props.KmsKeyArn, `${id} environment key`).toBeDefined();
    }
  });

  it('every log group has a retention period and a customer-managed key', () => {
    for (const template of [synthesized.services, ...synthesized.serviceTemplates]) {
      template.allResourcesProperties('AWS::Logs::LogGroup', {
        RetentionInDays: 365,
        KmsKeyId: Match.anyValue(),
      });
    }
  });

  it("a function learns the names of exactly its service's resources and the platform tables it uses", () => {
    const variables = functionNamed('casework: view-case').props.Environment?.Variables ?? {};

    expect(Object.keys(variables)).toEqual(
      expect.arrayContaining([
        tableEnvName('casework', 'cases'),
        tableEnvName('casework', 'drafts'),
        tableEnvName('platform', 'audit'),
        tableEnvName('platform', 'sessions'),
        tableEnvName('platform', 'idempotency'),
        queueEnvName('casework-events'),
        queueEnvName('staff-alerts'),
        bucketEnvName('casework', 'evidence'),
        bucketEnvName('casework', 'exports'),
      ]),
    );
    expect(Object.keys(variables)).not.toContain(tableEnvName('alerts', 'inbox'));
    expect(Object.keys(variables)).not.toContain(tableEnvName('restricted-cases', 'cases'));
  });

  it('shared secrets arrive as deploy-time references, never as values in the template', () => {
    const variables = functionNamed('alerts: view-alerts').props.Environment?.Variables ?? {};

    expect(variables.CSRF_SECRET).toBe(
      '{{resolve:secretsmanager:safeguarding/dev/csrf-secret:SecretString:::}}',
    );
    expect(variables.IDENTITY_HMAC_KEY).toMatch(
      /^\{\{resolve:secretsmanager:safeguarding\/dev\/identity-hmac-key:/,
    );
  });

  it('every function gets the origin secret its stack requires (SR-6), as a deploy-time reference', () => {
    const functions = [...manifestFunctions().values()];
    const secrets = new Set(functions.map(({ props }) => props.Environment?.Variables.ORIGIN_VERIFY_SECRET));

    expect([functions.length > 0, [...secrets]]).toEqual([
      true,
      ['{{resolve:secretsmanager:safeguarding/dev/origin-verify-secret:SecretString:::}}'],
    ]);
  });

  it('staff sign-in settings point at the user pool and its web client', () => {
    const variables = functionNamed('casework: view-case').props.Environment?.Variables ?? {};

    expect(JSON.stringify(variables.AUTH_ISSUER)).toContain('https://cognito-idp.eu-west-2.');
    expect(JSON.stringify(variables.AUTH_JWKS_URI)).toContain('/.well-known/jwks.json');
    expect(JSON.stringify(variables.AUTH_AUDIENCE)).toMatch(/StaffWebClient/);
  });
});

describe('least privilege', () => {
  it("each function role sits under its service's IAM path", () => {
    for (const description of manifestFunctions().keys()) {
      const service = description.split(':')[0];
      expect(roleOf(description).path, description).toBe(`/service/${service}/`);
    }
  });

  it("a function's grants name exactly its own service's tables and the platform tables it uses", () => {
    for (const manifest of fixtureManifests.filter((candidate) => candidate.name !== 'platform')) {
      const expected = [
        ...Object.keys(manifest.tables).map((table) => `Table${pascal(manifest.name)}${pascal(table)}`),
        ...manifest.usesPlatform.map((table) => `TablePlatform${pascal(table)}`),
      ].sort();
      const handlers = [...manifestFunctions().keys()].filter((name) => name.startsWith(`${manifest.name}:`));
      expect(handlers.length, manifest.name).toBeGreaterThan(0);
      for (const description of handlers) {
        const granted = JSON.stringify(statementsOfRole(description));
        const tables = new Set(
          [...granted.matchAll(/PublishOutputFnGetAtt(Table[A-Za-z]+?)[0-9A-F]{8}Arn/g)].map(
            (match) => match[1],
          ),
        );
        expect([...tables].sort(), description).toEqual(expected);
      }
    }
  });

  it('no function may send to a queue its service neither owns nor lists in sendsTo', () => {
    const alertsGrants = JSON.stringify(statementsOfRole('alerts: view-alerts'));
    const caseworkGrants = JSON.stringify(statementsOfRole('casework: view-case'));

    expect(alertsGrants).not.toMatch(/QueueCaseworkEvents/);
    expect(caseworkGrants).toMatch(/QueueStaffAlerts/);
  });

  it('no function may delete or rewrite an audit entry (the audit log is append-only)', () => {
    for (const description of manifestFunctions().keys()) {
      const auditStatements = statementsOfRole(description).filter(
        (statement) =>
          JSON.stringify(statement.Resource).includes('TablePlatformAudit') &&
          actionsOf(statement).some((action) => action.startsWith('dynamodb:')),
      );
      for (const statement of auditStatements) {
        expect(actionsOf(statement), description).not.toContain('dynamodb:DeleteItem');
        expect(actionsOf(statement), description).not.toContain('dynamodb:UpdateItem');
        expect(actionsOf(statement), description).not.toContain('dynamodb:BatchWriteItem');
      }
    }
  });

  it('no IAM policy grants wildcard actions on tables, keys, queues or data buckets', () => {
    const dataResource = /Table|Key|Queue|DeadLetter|:s3:::(casework|alerts|restricted-cases|documents)-/;
    const policies = [synthesized.services, ...synthesized.serviceTemplates].flatMap((template) => [
      ...resourcesOfType(template, 'AWS::IAM::Policy'),
      ...resourcesOfType(template, 'AWS::IAM::ManagedPolicy'),
    ]);
    for (const [id, policy] of policies) {
      for (const statement of statementsOf(policy.PolicyDocument)) {
        const wildcard = actionsOf(statement).filter((action) => action.includes('*'));
        if (wildcard.length > 0)
          expect(JSON.stringify(statement.Resource), `${id} ${wildcard}`).not.toMatch(dataResource);
      }
    }
  });

  it('data keys are used only through the service that holds the data (kms:ViaService)', () => {
    for (const description of manifestFunctions().keys()) {
      const keyGrants = statementsOfRole(description).filter(
        (statement) =>
          actionsOf(statement).some((action) => /^kms:(Encrypt|GenerateDataKey)/.test(action)) &&
          JSON.stringify(statement.Resource).includes('Key'),
      );
      for (const statement of keyGrants) {
        expect(statement.Condition?.StringEquals?.['kms:ViaService'], description).toBeDefined();
      }
    }
  });

  it('only the documents functions may sign, and they learn which key and certificate to use', () => {
    const issue = functionNamed('documents: issue-document').props;
    const signers = [...manifestFunctions().keys()].filter((description) =>
      statementsOfRole(description).some((statement) => actionsOf(statement).includes('kms:Sign')),
    );

    expect(signers.every((description) => description.startsWith('documents:'))).toBe(true);
    expect(signers).toContain('documents: issue-document');
    expect(issue.Environment?.Variables).toMatchObject({
      SIGNER: 'kms',
      SIGNING_CERTIFICATE_PARAMETER: '/safeguarding/dev/documents/signing-certificate',
      DOCUMENT_FONT_DIR: '/var/task/fonts',
    });
  });
});

describe('queues (ARCHITECTURE.md "Messages")', () => {
  const queues = () => resourcesOfType(synthesized.services, 'AWS::SQS::Queue');
  const deadLetterIds = () =>
    queues()
      .map(
        ([, queue]) =>
          queue.RedrivePolicy as { deadLetterTargetArn?: { 'Fn::GetAtt': [string] } } | undefined,
      )
      .filter((policy) => policy !== undefined)
      .map((policy) => policy.deadLetterTargetArn?.['Fn::GetAtt'][0]);

  it('every manifest queue has a dead-letter queue after 5 receives', () => {
    const manifestQueues = fixtureManifests.flatMap((manifest) => Object.keys(manifest.queues));
    const redriven = queues().filter(([, queue]) => queue.RedrivePolicy !== undefined);

    expect(redriven).toHaveLength(manifestQueues.length);
    for (const [id, queue] of redriven) {
      expect(queue.RedrivePolicy, id).toMatchObject({ maxReceiveCount: 5 });
    }
  });

  it('dead-letter queues keep messages for 14 days', () => {
    const ids = deadLetterIds();
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const queue = propertiesOf(synthesized.services, 'AWS::SQS::Queue', (candidate) => candidate === id);
      expect(queue.MessageRetentionPeriod, id).toBe(1_209_600);
    }
  });

  it('every dead-letter queue (and the schedule failures queue) has a depth alarm that notifies', () => {
    const alarmed = resourcesOfType(synthesized.services, 'AWS::CloudWatch::Alarm')
      .filter(([, alarm]) => alarm.MetricName === 'ApproximateNumberOfMessagesVisible')
      .map(([id, alarm]) => {
        expect(alarm, id).toMatchObject({
          Threshold: 0,
          ComparisonOperator: 'GreaterThanThreshold',
          AlarmActions: [{ Ref: expect.stringMatching(/^Alarms/) }],
        });
        return JSON.stringify(alarm.Dimensions).match(/"Fn::GetAtt":\["([A-Za-z0-9]+)","QueueName"\]/)?.[1];
      });
    const unredriven = queues()
      .filter(([, queue]) => queue.RedrivePolicy === undefined)
      .map(([id]) => id);

    expect(alarmed.sort()).toEqual(unredriven.sort());
    expect(unredriven).toEqual(expect.arrayContaining(deadLetterIds() as string[]));
  });

  it('every queue is encrypted with a customer-managed key and refuses plain HTTP', () => {
    synthesized.services.allResourcesProperties('AWS::SQS::Queue', { KmsMasterKeyId: Match.anyValue() });
    const queueIds = queues().map(([id]) => id);
    const enforced = resourcesOfType(synthesized.services, 'AWS::SQS::QueuePolicy')
      .filter(([, policy]) =>
        statementsOf(policy.PolicyDocument).some(
          (statement) =>
            statement.Effect === 'Deny' && statement.Condition?.Bool?.['aws:SecureTransport'] === 'false',
        ),
      )
      .flatMap(([, policy]) => (policy.Queues as { Ref: string }[]).map((queue) => queue.Ref));

    expect(enforced.sort()).toEqual(queueIds.sort());
  });

  it('consumers report partial batch failures with the manifest batch size', () => {
    synthesized.service('casework').hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 25,
      MaximumBatchingWindowInSeconds: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    const mappings = synthesized.serviceTemplates.flatMap((template) =>
      resourcesOfType(template, 'AWS::Lambda::EventSourceMapping'),
    );
    expect(mappings).toHaveLength(fixtureManifests.flatMap((manifest) => manifest.consumers).length);
    for (const [id, mapping] of mappings) {
      expect(mapping.FunctionResponseTypes, id).toEqual(['ReportBatchItemFailures']);
    }
  });

  it("a consumer's timeout is at most a sixth of its queue's visibility timeout", () => {
    expect(functionNamed('casework: record-event').props.Timeout).toBe(20);
  });

  it('the alarm topic is encrypted and refuses plain HTTP', () => {
    synthesized.services.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    synthesized.services.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('schedules', () => {
  it('a schedule runs its handler at the manifest rate, with failures dead-lettered', () => {
    const { id: functionId, props } = functionNamed('casework: warn-due-cases');

    synthesized.service('casework').hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(15 minutes)',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [functionId, 'Arn'] },
          DeadLetterConfig: { Arn: Match.anyValue() },
          RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 2 }),
        }),
      ],
    });
    expect(props.DeadLetterConfig?.TargetArn).toBeDefined();
  });
});

describe('CloudFront and WAF in front of the API', () => {
  it('the distribution has the web ACL from us-east-1 and logs requests', () => {
    synthesized.services.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        WebACLId: { 'Fn::GetStackOutput': Match.objectLike({ Region: 'us-east-1' }) },
        Logging: Match.objectLike({ Bucket: Match.anyValue() }),
      }),
    });
  });

  it('pages go to the API over HTTPS only, uncached, with security headers', () => {
    synthesized.services.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          ResponseHeadersPolicyId: Match.anyValue(),
          CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
        }),
        Origins: Match.arrayWith([
          Match.objectLike({
            CustomOriginConfig: Match.objectLike({
              OriginProtocolPolicy: 'https-only',
              OriginSSLProtocols: ['TLSv1.2'],
            }),
          }),
        ]),
      }),
    });
  });

  it('CloudFront adds the origin secret to every request to the API, from Secrets Manager at deploy (SR-6)', () => {
    const distribution = propertiesOf(synthesized.services, 'AWS::CloudFront::Distribution');
    const { Origins: origins } = distribution.DistributionConfig as { Origins: Record<string, unknown>[] };
    const toApi = origins.filter((origin) => JSON.stringify(origin.DomainName).includes('.execute-api.'));

    expect(toApi.map((origin) => origin.OriginCustomHeaders)).toEqual([
      [
        {
          HeaderName: 'x-origin-verify',
          HeaderValue: '{{resolve:secretsmanager:safeguarding/dev/origin-verify-secret:SecretString:::}}',
        },
      ],
    ]);
  });

  it('the API is sent every viewer header but Host, and CloudFront-Viewer-Address (the per-client limits)', () => {
    // AllViewerExceptHostHeader: the managed policy that also forwards every CloudFront header.
    synthesized.services.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({
          OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
        }),
      }),
    });
  });

  it('/assets/* comes from the assets bucket through origin access control', () => {
    synthesized.services.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: [
          Match.objectLike({
            PathPattern: '/assets/*',
            ViewerProtocolPolicy: 'redirect-to-https',
            AllowedMethods: ['GET', 'HEAD'],
          }),
        ],
        Origins: Match.arrayWith([
          Match.objectLike({
            S3OriginConfig: { OriginAccessIdentity: '' },
            OriginAccessControlId: Match.anyValue(),
          }),
        ]),
      }),
    });
  });

  it('responses carry HSTS, nosniff and frame denial', () => {
    synthesized.services.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: Match.objectLike({
            AccessControlMaxAgeSec: 63_072_000,
            IncludeSubdomains: true,
          }),
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
        }),
      }),
    });
  });
});

describe('staff web client', () => {
  it('uses the authorisation code grant with no client secret', () => {
    synthesized.services.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      CallbackURLs: [Match.objectLike({ 'Fn::Join': Match.anyValue() })],
    });
  });

  it('may read rank, department and collar number but not write them', () => {
    const client = propertiesOf(synthesized.services, 'AWS::Cognito::UserPoolClient');

    expect(client.ReadAttributes).toEqual(
      expect.arrayContaining(['custom:rank', 'custom:department', 'custom:collar_number']),
    );
    expect((client.WriteAttributes as string[]).filter((name) => name.startsWith('custom:'))).toEqual([]);
  });
});
