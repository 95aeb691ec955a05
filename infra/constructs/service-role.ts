import { Aws, Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Every function role of a service lives under this IAM path. A role's path is fixed when the role is
 * created, so a key policy can admit "the functions of one service" by ARN pattern without naming roles
 * that live in another stack.
 */
export const serviceRolePath = (service: string): string => `/service/${service}/`;

/** The ARN pattern matching every function role of `service`, for `aws:PrincipalArn` conditions. */
export const serviceRoleArnPattern = (scope: IConstruct, service: string): string =>
  `arn:${Stack.of(scope).partition}:iam::${Aws.ACCOUNT_ID}:role${serviceRolePath(service)}*`;
