import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureManifests } from './fixture-manifests.ts';
import { propertiesOf, removeSyntheses, type Synthesized, synthesize } from './synth.ts';

let synthesized: Synthesized;
beforeAll(() => {
  synthesized = synthesize(fixtureManifests);
});
afterAll(removeSyntheses);

const ruleNames = (): string[] => {
  const acl = propertiesOf(synthesized.edge, 'AWS::WAFv2::WebACL');
  return (acl.Rules as { Name: string }[]).map((rule) => rule.Name);
};

describe('WAF in front of CloudFront (ARCHITECTURE.md "AWS")', () => {
  it('the web ACL is CLOUDFRONT-scoped, so it lives in us-east-1', () => {
    expect(synthesized.stacks.edge.region).toBe('us-east-1');
    synthesized.edge.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
    });
  });

  it("applies AWS's common, known-bad-inputs and IP reputation rule groups", () => {
    expect(ruleNames()).toEqual(
      expect.arrayContaining([
        'AWSManagedRulesCommonRuleSet',
        'AWSManagedRulesKnownBadInputsRuleSet',
        'AWSManagedRulesAmazonIpReputationList',
      ]),
    );
  });

  it('blocks an address that sends more than the configured rate', () => {
    synthesized.edge.hasResourceProperties('AWS::WAFv2::WebACL', {
      Rules: Match.arrayWith([
        Match.objectLike({
          Action: { Block: {} },
          Statement: { RateBasedStatement: { AggregateKeyType: 'IP', Limit: 2000 } },
        }),
      ]),
    });
  });

  it('the rate limit comes from context', () => {
    const custom = synthesize(fixtureManifests, { wafRateLimit: '500' });

    custom.edge.hasResourceProperties('AWS::WAFv2::WebACL', {
      Rules: Match.arrayWith([
        Match.objectLike({ Statement: { RateBasedStatement: { AggregateKeyType: 'IP', Limit: 500 } } }),
      ]),
    });
  });

  it('logs requests without cookies, authorization headers or query strings', () => {
    synthesized.edge.hasResourceProperties('AWS::WAFv2::LoggingConfiguration', {
      RedactedFields: [
        { SingleHeader: { Name: 'cookie' } },
        { SingleHeader: { Name: 'authorization' } },
        { QueryString: {} },
      ],
    });
    synthesized.edge.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: 'aws-waf-logs-safeguarding-dev',
      KmsKeyId: Match.anyValue(),
      RetentionInDays: 365,
    });
  });
});
