import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffAttributes } from '../../infra/stacks/data-stack.ts';
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

const keyArnRef = (value: unknown): string => {
  const getAtt = (value as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt'];
  if (!getAtt) throw new Error(`Not a key reference: ${JSON.stringify(value)}`);
  return getAtt[0];
};

const tableKeyId = (tableLogicalIdPrefix: string): string => {
  const [, table] = resourcesOfType(synthesized.data, 'AWS::DynamoDB::Table').find(([id]) =>
    id.startsWith(tableLogicalIdPrefix),
  ) ?? [undefined, undefined];
  if (!table) throw new Error(`No table ${tableLogicalIdPrefix}`);
  return keyArnRef((table.SSESpecification as { KMSMasterKeyId: unknown }).KMSMasterKeyId);
};

const keyPolicy = (keyId: string): Statement[] => {
  const key = synthesized.data.toJSON().Resources[keyId] as { Properties: { KeyPolicy: unknown } };
  return statementsOf(key.Properties.KeyPolicy);
};

const usesKeyMaterial = (action: string): boolean =>
  action === 'kms:*' || /^kms:(Decrypt|Encrypt|GenerateDataKey|ReEncrypt|Sign)/.test(action);

describe('tables (ARCHITECTURE.md "Data")', () => {
  it('every table has point-in-time recovery, deletion protection and on-demand billing', () => {
    synthesized.data.allResourcesProperties('AWS::DynamoDB::Table', {
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      BillingMode: 'PAY_PER_REQUEST',
    });
  });

  it('every table is retained when the stack or the resource is removed', () => {
    synthesized.data.allResources('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('every table is encrypted with a customer-managed key of this stack', () => {
    const keys = Object.keys(synthesized.data.findResources('AWS::KMS::Key'));
    for (const [id, table] of resourcesOfType(synthesized.data, 'AWS::DynamoDB::Table')) {
      const sse = table.SSESpecification as { SSEEnabled: boolean; SSEType: string; KMSMasterKeyId: unknown };
      expect(sse, id).toMatchObject({ SSEEnabled: true, SSEType: 'KMS' });
      expect(keys, id).toContain(keyArnRef(sse.KMSMasterKeyId));
    }
  });

  it('table keys rotate', () => {
    const keyIds = new Set(
      resourcesOfType(synthesized.data, 'AWS::DynamoDB::Table').map(([, table]) =>
        keyArnRef((table.SSESpecification as { KMSMasterKeyId: unknown }).KMSMasterKeyId),
      ),
    );
    for (const keyId of keyIds) {
      expect(synthesized.data.toJSON().Resources[keyId].Properties.EnableKeyRotation, keyId).toBe(true);
    }
  });

  it('indexes and time to live come from the manifest', () => {
    synthesized.data.hasResourceProperties('AWS::DynamoDB::Table', {
      GlobalSecondaryIndexes: Match.arrayWith([
        Match.objectLike({
          IndexName: 'byStatus',
          KeySchema: [
            { AttributeName: 'status', KeyType: 'HASH' },
            { AttributeName: 'dueAt', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        }),
        Match.objectLike({ IndexName: 'bySubject' }),
      ]),
    });
    synthesized.data.hasResourceProperties('AWS::DynamoDB::Table', {
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });
});

describe("a service's own key (restricted cases: PSD data cut off by key policy)", () => {
  it('the restricted table has a key of its own, not the shared data key', () => {
    expect(tableKeyId('TableRestrictedCasesCases')).not.toBe(tableKeyId('TableCaseworkCases'));
  });

  it("only that service's function roles may use the key, and only through DynamoDB or S3", () => {
    const statements = keyPolicy(tableKeyId('TableRestrictedCasesCases'));
    const granting = statements.filter((statement) => actionsOf(statement).some(usesKeyMaterial));

    expect(granting).toHaveLength(1);
    const condition = granting[0]?.Condition ?? {};
    expect(JSON.stringify(condition.ArnLike?.['aws:PrincipalArn'])).toContain(
      ':role/service/restricted-cases/*',
    );
    expect(JSON.stringify(condition.ArnLike?.['aws:PrincipalArn'])).not.toMatch(
      /role\/service\/(?!restricted-cases)/,
    );
    expect(JSON.stringify(condition.StringEquals?.['kms:ViaService'])).toMatch(/dynamodb\..*s3\./);
  });

  it('the account may administer the key but holds no blanket kms:* on it', () => {
    const statements = keyPolicy(tableKeyId('TableRestrictedCasesCases'));

    expect(statements.flatMap(actionsOf)).not.toContain('kms:*');
    expect(statements.flatMap(actionsOf)).toContain('kms:PutKeyPolicy');
  });

  it("the service's buckets use its own key too", () => {
    const restrictedKey = tableKeyId('TableRestrictedCasesCases');
    const bucket = propertiesOf(synthesized.data, 'AWS::S3::Bucket', (id) =>
      id.startsWith('BucketRestrictedCasesFiles'),
    );
    const rule = (bucket.BucketEncryption as { ServerSideEncryptionConfiguration: unknown[] })
      .ServerSideEncryptionConfiguration[0] as { ServerSideEncryptionByDefault: { KMSMasterKeyID: unknown } };
    expect(keyArnRef(rule.ServerSideEncryptionByDefault.KMSMasterKeyID)).toBe(restrictedKey);
  });
});

describe('buckets', () => {
  it('every bucket blocks public access', () => {
    for (const template of [synthesized.data, synthesized.services]) {
      template.allResourcesProperties('AWS::S3::Bucket', {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
      });
    }
  });

  it('every bucket refuses requests without TLS', () => {
    for (const template of [synthesized.data, synthesized.services]) {
      const buckets = Object.keys(template.findResources('AWS::S3::Bucket'));
      const enforced = resourcesOfType(template, 'AWS::S3::BucketPolicy')
        .filter(([, policy]) =>
          statementsOf(policy.PolicyDocument).some(
            (statement) =>
              statement.Effect === 'Deny' && statement.Condition?.Bool?.['aws:SecureTransport'] === 'false',
          ),
        )
        .map(([, policy]) => (policy.Bucket as { Ref: string }).Ref);
      expect(enforced.sort()).toEqual(buckets.sort());
    }
  });

  it('a bucket with objectLockYears holds objects in compliance mode for that many years', () => {
    synthesized.data.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: Match.objectLike({
        'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('^casework-evidence-')])],
      }),
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Years: 7 } },
      },
    });
  });

  it('a bucket without objectLockYears has no object lock', () => {
    const [, exports] =
      resourcesOfType(synthesized.data, 'AWS::S3::Bucket').find(([id]) =>
        id.startsWith('BucketCaseworkExports'),
      ) ?? [];

    expect(exports?.ObjectLockEnabled).toBeUndefined();
    expect(exports?.ObjectLockConfiguration).toBeUndefined();
  });

  it('data buckets are versioned, SSE-KMS encrypted and log access', () => {
    const dataBuckets = resourcesOfType(synthesized.data, 'AWS::S3::Bucket').filter(([id]) =>
      id.startsWith('Bucket'),
    );
    expect(dataBuckets.length).toBe(4);
    for (const [id, bucket] of dataBuckets) {
      expect(bucket.VersioningConfiguration, id).toEqual({ Status: 'Enabled' });
      expect(JSON.stringify(bucket.BucketEncryption), id).toContain('"SSEAlgorithm":"aws:kms"');
      expect(bucket.LoggingConfiguration, id).toMatchObject({
        DestinationBucketName: { Ref: expect.stringMatching(/^AccessLogs/) },
      });
    }
  });
});

describe('staff user pool (ARCHITECTURE.md "People and access")', () => {
  it('requires MFA with an authenticator app (TOTP), not SMS', () => {
    synthesized.data.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
    });
  });

  it('carries rank, department and collar number as custom attributes', () => {
    const pool = propertiesOf(synthesized.data, 'AWS::Cognito::UserPool');
    const custom = (pool.Schema as { Name: string; Mutable: boolean }[]).filter((attribute) =>
      (staffAttributes as readonly string[]).includes(attribute.Name),
    );

    expect(custom.map((attribute) => attribute.Name).sort()).toEqual(['collar_number', 'department', 'rank']);
    expect(custom.every((attribute) => attribute.Mutable)).toBe(true);
  });

  it('lets only administrators create accounts', () => {
    synthesized.data.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
    });
  });

  it('has a strong password policy, threat protection and deletion protection', () => {
    synthesized.data.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 14,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      DeletionProtection: 'ACTIVE',
    });
  });
});

describe('secrets and keys the functions need', () => {
  it('the CSRF, identity and origin secrets are generated, KMS-encrypted and retained', () => {
    synthesized.data.resourceCountIs('AWS::SecretsManager::Secret', 3);
    synthesized.data.allResourcesProperties('AWS::SecretsManager::Secret', {
      // Letters and digits only: a comma in the origin secret would read as two values (a rotation).
      GenerateSecretString: Match.objectLike({ PasswordLength: 64, ExcludePunctuation: true }),
      KmsKeyId: Match.anyValue(),
    });
    synthesized.data.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: 'safeguarding/dev/origin-verify-secret',
    });
    synthesized.data.allResources('AWS::SecretsManager::Secret', { DeletionPolicy: 'Retain' });
  });

  it("only the documents service's roles may sign with the document signing key", () => {
    const [keyId] =
      resourcesOfType(synthesized.data, 'AWS::KMS::Key').find(([, key]) => key.KeyUsage === 'SIGN_VERIFY') ??
      [];
    const signing = keyPolicy(keyId ?? '').filter((statement) => actionsOf(statement).includes('kms:Sign'));

    expect(signing).toHaveLength(1);
    expect(JSON.stringify(signing[0]?.Condition?.ArnLike?.['aws:PrincipalArn'])).toContain(
      ':role/service/documents/*',
    );
  });
});
