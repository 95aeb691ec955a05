import { ArnFormat, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import type { AppConfig } from './config.ts';

export interface EdgeStackProps extends StackProps {
  readonly config: AppConfig;
}

const managedRuleGroup = (
  name: string,
  priority: number,
  ruleActionOverrides?: wafv2.CfnWebACL.RuleActionOverrideProperty[],
): wafv2.CfnWebACL.RuleProperty => ({
  name,
  priority,
  overrideAction: { none: {} },
  statement: {
    managedRuleGroupStatement: {
      vendorName: 'AWS',
      name,
      ...(ruleActionOverrides ? { ruleActionOverrides } : {}),
    },
  },
  visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: name, sampledRequestsEnabled: true },
});

/** Log fields that may carry a session, a token or a search term about a person: never written to WAF logs. */
const redactedFields: wafv2.CfnLoggingConfiguration.FieldToMatchProperty[] = [
  { singleHeader: { Name: 'cookie' } },
  { singleHeader: { Name: 'authorization' } },
  { queryString: {} },
];

/**
 * The web ACL in front of CloudFront. A CLOUDFRONT-scoped web ACL can only be created in us-east-1, so it
 * has a stack of its own there; the services stack reads its ARN with a cross-region reference (with the
 * `weak` reference flag in cdk.json this is a plain `Fn::GetStackOutput`, no custom resources).
 */
export class EdgeStack extends Stack {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: `safeguarding-${config.envName}`,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: {
        cloudWatchMetricsEnabled: true,
        metricName: `safeguarding-${config.envName}`,
        sampledRequestsEnabled: true,
      },
      rules: [
        // Reputation first: known-bad addresses are dropped before anything else is evaluated.
        managedRuleGroup('AWSManagedRulesAmazonIpReputationList', 0),
        {
          name: 'RateLimitPerAddress',
          priority: 1,
          action: { block: {} },
          statement: { rateBasedStatement: { aggregateKeyType: 'IP', limit: config.wafRateLimit } },
          visibilityConfig: {
            cloudWatchMetricsEnabled: true,
            metricName: 'RateLimitPerAddress',
            sampledRequestsEnabled: true,
          },
        },
        // Report narratives are long: the 8 KB body limit only counts; handlers validate body size themselves.
        managedRuleGroup('AWSManagedRulesCommonRuleSet', 2, [
          { name: 'SizeRestrictions_BODY', actionToUse: { count: {} } },
        ]),
        managedRuleGroup('AWSManagedRulesKnownBadInputsRuleSet', 3),
      ],
    });

    const logKey = new kms.Key(this, 'WafLogKey', {
      description: 'Encrypts the WAF request logs.',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    logKey.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal(`logs.${this.region}.amazonaws.com`)],
        actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:${this.partition}:logs:${this.region}:${this.account}:log-group:*`,
          },
        },
      }),
    );
    const wafLogs = new logs.LogGroup(this, 'WafLogs', {
      // WAF delivers only to log groups whose name starts with aws-waf-logs-.
      logGroupName: `aws-waf-logs-safeguarding-${config.envName}`,
      retention: logs.RetentionDays.ONE_YEAR,
      encryptionKey: logKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new wafv2.CfnLoggingConfiguration(this, 'WafLogging', {
      resourceArn: this.webAcl.attrArn,
      logDestinationConfigs: [
        this.formatArn({
          service: 'logs',
          resource: 'log-group',
          resourceName: wafLogs.logGroupName,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
      redactedFields,
    });
  }
}
