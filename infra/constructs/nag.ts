import { type IPolicyValidationPlugin, Stack, Validations } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks, NIST80053R5Checks, ServerlessChecks } from 'cdk-nag';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

/** The rule packs every synth runs. A finding that is not acknowledged next to its resource fails synth. */
export const nagPacks = (scope?: IConstruct): IPolicyValidationPlugin[] => [
  new AwsSolutionsChecks(scope, { verbose: true }),
  new ServerlessChecks(scope, { verbose: true }),
  new NIST80053R5Checks(scope, { verbose: true }),
];

export const applyNagPacks = (scope: IConstruct): void => {
  Validations.of(scope).addPlugins(...nagPacks(scope));
};

/**
 * The text cdk-nag's IAM5 rule reports for a wildcard resource, e.g. `Resource::<BucketArn>/*`, so an
 * acknowledgement names exactly that resource and nothing broader.
 */
export const wildcardFinding = (scope: IConstruct, resource: string): string =>
  `Resource::${flattenCfnReference(Stack.of(scope).resolve(resource))}`;

interface PolicyStatementJson {
  readonly Effect?: string;
  readonly Action?: string | readonly string[];
  readonly Resource?: unknown;
}

const asArray = <T>(value: T | readonly T[] | undefined): readonly T[] =>
  value === undefined ? [] : Array.isArray(value) ? (value as readonly T[]) : [value as T];

/** The IAM5 findings a policy document raises, in cdk-nag's own words. */
export const wildcardFindings = (scope: IConstruct, document: iam.PolicyDocument): string[] => {
  const resolved = Stack.of(scope).resolve(document.toJSON()) as { Statement?: PolicyStatementJson[] };
  const findings = new Set<string>();
  for (const statement of resolved.Statement ?? []) {
    if (statement.Effect !== 'Allow') continue;
    for (const action of asArray(statement.Action)) {
      if (action.includes('*')) findings.add(`Action::${action}`);
    }
    for (const resource of asArray(statement.Resource)) {
      const flat = flattenCfnReference(resource);
      if (flat.includes('*')) findings.add(`Resource::${flat}`);
    }
  }
  return [...findings];
};

export interface ExpectedWildcard {
  readonly finding: RegExp;
  readonly reason: string;
}

/**
 * Acknowledges the wildcard findings of a policy that CDK's own constructs write (e.g. the asset
 * deployment role), one finding at a time and only where it matches an expected shape with its reason.
 * Anything unexpected stays a finding and fails synth.
 */
export const acknowledgeExpectedWildcards = (
  scope: IConstruct,
  document: iam.PolicyDocument,
  expected: readonly ExpectedWildcard[],
): void => {
  for (const finding of wildcardFindings(scope, document)) {
    const match = expected.find((candidate) => candidate.finding.test(finding));
    if (match)
      Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason: match.reason });
  }
};
