import { Aws, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import type { KeyAttribute, ServiceManifest, TableSpec } from '../../shared/manifest/define-service.ts';
import { pascal } from '../constructs/naming.ts';
import type { BindableBucket, BindableTable } from '../constructs/service-function.ts';
import { serviceRoleArnPattern } from '../constructs/service-role.ts';
import type { AppConfig } from './config.ts';
import { documentSigning } from './document-signing.ts';

export interface DataStackProps extends StackProps {
  readonly config: AppConfig;
  readonly manifests: readonly ServiceManifest[];
}

/** The custom attributes staff tokens carry (shared/auth/verify-token.ts reads them as `custom:<name>`). */
export const staffAttributes = ['rank', 'department', 'collar_number'] as const;

/**
 * S3 names are global, so a bucket's name carries the environment, account and region. It is derived
 * rather than generated so the services stack can grant on it without a cross-stack token.
 */
export const dataBucketName = (envName: string, service: string, bucket: string, region: string): string => {
  const name = `${service}-${bucket}-${envName}-${Aws.ACCOUNT_ID}-${region}`;
  const length = name.length - Aws.ACCOUNT_ID.length + 12;
  if (length > 63) {
    throw new Error(
      `Bucket name for ${service}/${bucket} in ${envName} would be ${length} characters (limit 63).`,
    );
  }
  return name;
};

/**
 * Secrets every function receives as environment variables (the names the local runtime uses too). They
 * live here, retained, because the identity key must outlive any deployment: a new key would stop a
 * person's earlier reports matching their later ones.
 */
export const sharedSecrets = {
  CSRF_SECRET: 'Signs the CSRF tokens of every form.',
  IDENTITY_HMAC_KEY: 'Keys the HMAC that matches a person across reports without storing their name.',
  ORIGIN_VERIFY_SECRET:
    'CloudFront sends it to the API in an origin header; handlers refuse requests without it (calls round the WAF).',
} as const;
export type SharedSecret = keyof typeof sharedSecrets;

/** Why each shared secret is rotated by hand rather than by a Secrets Manager schedule. */
const rotationByHand: Readonly<Record<SharedSecret, string>> = {
  CSRF_SECRET:
    'Rotating the CSRF key invalidates every form open at that moment; it is rotated by hand in a quiet hour, which redeploys the functions that read it.',
  IDENTITY_HMAC_KEY:
    'Rotating the identity key would silently stop earlier reports matching later ones; changing it is a planned re-keying, not a schedule.',
  ORIGIN_VERIFY_SECRET:
    'CloudFront and the functions read the origin secret at deploy time; a scheduled rotation would change it under both with no deploy. It is rotated by hand in two deploys (old and new accepted, then the new alone; infra/README.md).',
};

/** The Secrets Manager name of a shared secret; deterministic so the services stack can resolve it at deploy. */
export const secretName = (envName: string, secret: SharedSecret): string =>
  `safeguarding/${envName}/${secret.toLowerCase().replaceAll('_', '-')}`;

/** The services whose functions may use a table: its owner, or for platform tables every service that says so. */
export const servicesUsingTable = (
  manifests: readonly ServiceManifest[],
  owner: string,
  table: string,
): string[] =>
  owner === 'platform'
    ? manifests
        .filter((manifest) => (manifest.usesPlatform as readonly string[]).includes(table))
        .map((manifest) => manifest.name)
    : [owner];

const attribute = (key: KeyAttribute): dynamodb.Attribute => ({
  name: key.name,
  type: key.type === 'S' ? dynamodb.AttributeType.STRING : dynamodb.AttributeType.NUMBER,
});

/** Key administration for the account, without the power to use the key (that is granted per service). */
const keyAdministrationActions = [
  'kms:CancelKeyDeletion',
  'kms:CreateAlias',
  'kms:DeleteAlias',
  'kms:DescribeKey',
  'kms:DisableKey',
  'kms:DisableKeyRotation',
  'kms:EnableKey',
  'kms:EnableKeyRotation',
  'kms:GetKeyPolicy',
  'kms:GetKeyRotationStatus',
  'kms:ListAliases',
  'kms:ListGrants',
  'kms:ListKeyPolicies',
  'kms:ListResourceTags',
  'kms:PutKeyPolicy',
  'kms:RetireGrant',
  'kms:RevokeGrant',
  'kms:RotateKeyOnDemand',
  'kms:ScheduleKeyDeletion',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:UpdateAlias',
  'kms:UpdateKeyDescription',
];

/**
 * The stateful half: tables, buckets, keys and the staff user pool. Everything here is retained when the
 * stack is deleted and protected against deletion, because it holds police records.
 */
export class DataStack extends Stack {
  readonly tables: readonly BindableTable[];
  readonly buckets: readonly BindableBucket[];
  readonly dataKey: kms.Key;
  /** Keys of services whose data must be cut off from every other role (`encryptionKey: 'own'`). */
  readonly serviceKeys: ReadonlyMap<string, kms.Key>;
  readonly userPool: cognito.UserPool;
  readonly userPoolDomain: cognito.UserPoolDomain;
  /** The documents service's signing key, when that service is deployed. */
  readonly signingKey: kms.Key | undefined;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { config, manifests } = props;

    this.dataKey = new kms.Key(this, 'DataKey', {
      alias: `alias/safeguarding-${config.envName}-data`,
      description: 'Encrypts the tables and buckets of every service without a key of its own.',
      enableKeyRotation: true,
      pendingWindow: Duration.days(30),
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const serviceKeys = new Map<string, kms.Key>();
    for (const manifest of manifests) {
      const ownTables = Object.entries(manifest.tables).filter(([, spec]) => spec.encryptionKey === 'own');
      if (ownTables.length === 0) continue;
      const users = new Set(
        ownTables.flatMap(([table]) => servicesUsingTable(manifests, manifest.name, table)),
      );
      serviceKeys.set(manifest.name, this.restrictedKey(manifest.name, [...users], config));
    }
    this.serviceKeys = serviceKeys;

    this.tables = manifests.flatMap((manifest) =>
      Object.entries(manifest.tables).map(([name, spec]) =>
        this.table(manifest.name, name, spec, serviceKeys.get(manifest.name) ?? this.dataKey),
      ),
    );

    const accessLogs = this.accessLogsBucket();
    this.buckets = manifests.flatMap((manifest) =>
      Object.entries(manifest.buckets).map(([name, spec]) => {
        const key = serviceKeys.get(manifest.name) ?? this.dataKey;
        const bucketName = dataBucketName(config.envName, manifest.name, name, this.region);
        const bucket = new s3.Bucket(this, `Bucket${pascal(manifest.name)}${pascal(name)}`, {
          bucketName,
          encryption: s3.BucketEncryption.KMS,
          encryptionKey: key,
          bucketKeyEnabled: true,
          enforceSSL: true,
          minimumTLSVersion: 1.2,
          blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
          objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
          versioned: true,
          ...(spec.objectLockYears !== undefined ? { objectLockEnabled: true } : {}),
          serverAccessLogsBucket: accessLogs,
          serverAccessLogsPrefix: `${manifest.name}/${name}/`,
          removalPolicy: RemovalPolicy.RETAIN,
        });
        if (spec.objectLockYears !== undefined) {
          // Years, not days: CDK's duration form would render days and drift by the leap days.
          (bucket.node.defaultChild as s3.CfnBucket).objectLockConfiguration = {
            objectLockEnabled: 'Enabled',
            rule: { defaultRetention: { mode: 'COMPLIANCE', years: spec.objectLockYears } },
          };
        }
        this.acknowledgeSingleRegion(bucket);
        return {
          service: manifest.name,
          name,
          bucketName,
          bucketArn: `arn:${this.partition}:s3:::${bucketName}`,
          encryptionKey: key,
        };
      }),
    );

    for (const [name, description] of Object.entries(sharedSecrets)) {
      const secret = new secretsmanager.Secret(this, `Secret${pascal(name.toLowerCase())}`, {
        secretName: secretName(config.envName, name as SharedSecret),
        description,
        encryptionKey: this.dataKey,
        generateSecretString: { passwordLength: 64, excludePunctuation: true },
        removalPolicy: RemovalPolicy.RETAIN,
      });
      const reason = rotationByHand[name as SharedSecret];
      Validations.of(secret).acknowledge(
        { id: 'AwsSolutions-SMG4', reason },
        { id: 'NIST.800.53.R5-SecretsManagerRotationEnabled', reason },
      );
    }

    this.signingKey = manifests.some((manifest) => manifest.name === documentSigning.service)
      ? this.documentSigningKey(config)
      : undefined;

    this.userPool = this.staffUserPool(config);
    this.userPoolDomain = this.userPool.addDomain('SignInDomain', {
      cognitoDomain: { domainPrefix: config.authDomainPrefix },
    });
  }

  /** Looks up a table the manifests declare; a typo in a manifest fails synth here, naming it. */
  tableOf(service: string, name: string): BindableTable {
    const found = this.tables.find((table) => table.service === service && table.name === name);
    if (!found) throw new Error(`No table ${service}/${name} is declared in the manifests.`);
    return found;
  }

  /**
   * A key only the functions of `services` may use, and only through DynamoDB or S3. The account can
   * administer it (so it can never become unmanageable) but cannot decrypt with it: no IAM policy,
   * however broad, reads this service's data.
   */
  private restrictedKey(owner: string, services: readonly string[], config: AppConfig): kms.Key {
    const useThroughDataServices = {
      'kms:ViaService': ['dynamodb', 's3'].map((service) => `${service}.${this.region}.${this.urlSuffix}`),
    };
    return new kms.Key(this, `${pascal(owner)}Key`, {
      alias: `alias/safeguarding-${config.envName}-${owner}`,
      description: `Encrypts the data of ${owner}; usable only by its functions.`,
      enableKeyRotation: true,
      pendingWindow: Duration.days(30),
      removalPolicy: RemovalPolicy.RETAIN,
      policy: new iam.PolicyDocument({
        statements: [
          new iam.PolicyStatement({
            sid: 'AdministerNotUse',
            principals: [new iam.AccountRootPrincipal()],
            actions: keyAdministrationActions,
            resources: ['*'],
          }),
          new iam.PolicyStatement({
            sid: 'LetDynamoDbAndS3HoldGrants',
            principals: [new iam.AccountRootPrincipal()],
            actions: ['kms:CreateGrant'],
            resources: ['*'],
            conditions: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
          }),
          new iam.PolicyStatement({
            sid: 'UseByServiceFunctionsOnly',
            principals: [new iam.AccountRootPrincipal()],
            actions: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'],
            resources: ['*'],
            conditions: {
              ArnLike: {
                'aws:PrincipalArn': services.map((service) => serviceRoleArnPattern(this, service)),
              },
              StringEquals: useThroughDataServices,
            },
          }),
        ],
      }),
    });
  }

  /**
   * Signs the force's documents. Kept for as long as any signed document must verify, so retained; only
   * roles under the documents service's IAM path may sign with it.
   */
  private documentSigningKey(config: AppConfig): kms.Key {
    return new kms.Key(this, 'DocumentSigningKey', {
      alias: `alias/safeguarding-${config.envName}-document-signing`,
      description: 'Signs the force’s documents (RSASSA-PKCS1-v1_5 SHA-256).',
      keySpec: kms.KeySpec.RSA_3072,
      keyUsage: kms.KeyUsage.SIGN_VERIFY,
      pendingWindow: Duration.days(30),
      removalPolicy: RemovalPolicy.RETAIN,
      policy: new iam.PolicyDocument({
        statements: [
          new iam.PolicyStatement({
            sid: 'AdministerNotSign',
            principals: [new iam.AccountRootPrincipal()],
            actions: [...keyAdministrationActions, 'kms:GetPublicKey'],
            resources: ['*'],
          }),
          new iam.PolicyStatement({
            sid: 'SignByDocumentsRolesOnly',
            principals: [new iam.AccountRootPrincipal()],
            actions: ['kms:Sign'],
            resources: ['*'],
            conditions: {
              ArnLike: { 'aws:PrincipalArn': serviceRoleArnPattern(this, documentSigning.service) },
            },
          }),
        ],
      }),
    });
  }

  private table(service: string, name: string, spec: TableSpec, key: kms.IKey): BindableTable {
    const indexes = Object.entries(spec.indexes ?? {});
    const table = new dynamodb.Table(this, `Table${pascal(service)}${pascal(name)}`, {
      partitionKey: attribute(spec.partitionKey),
      ...(spec.sortKey ? { sortKey: attribute(spec.sortKey) } : {}),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      ...(spec.timeToLiveAttribute ? { timeToLiveAttribute: spec.timeToLiveAttribute } : {}),
    });
    for (const [indexName, index] of indexes) {
      table.addGlobalSecondaryIndex({
        indexName,
        partitionKey: attribute(index.partitionKey),
        ...(index.sortKey ? { sortKey: attribute(index.sortKey) } : {}),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
    Validations.of(table).acknowledge({
      id: 'NIST.800.53.R5-DynamoDBInBackupPlan',
      reason:
        'Point-in-time recovery (35 days, continuous), deletion protection and a retained removal policy protect the table; vaulted copies are taken by the AWS Organizations backup policy of the force’s accounts, not per stack.',
    });
    return {
      service,
      name,
      tableName: table.tableName,
      tableArn: table.tableArn,
      indexNames: indexes.map(([indexName]) => indexName),
      encryptionKey: key,
    };
  }

  /**
   * Server access logs for the data buckets. S3 can deliver access logs only to a bucket encrypted with
   * S3-managed keys; logs are kept a year and then expire.
   */
  private accessLogsBucket(): s3.Bucket {
    const bucket = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      lifecycleRules: [{ expiration: Duration.days(400), noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(bucket).acknowledge({
      id: 'NIST.800.53.R5-S3DefaultEncryptionKMS',
      reason: 'S3 server access logging delivers only to buckets encrypted with S3-managed keys (SSE-S3).',
    });
    this.acknowledgeSingleRegion(bucket);
    return bucket;
  }

  private acknowledgeSingleRegion(bucket: s3.Bucket): void {
    Validations.of(bucket).acknowledge({
      id: 'NIST.800.53.R5-S3BucketReplicationEnabled',
      reason:
        'eu-west-2 is the only AWS region in the UK and police data stays in the UK; durability comes from S3 itself, versioning and (for documents) object lock.',
    });
  }

  private staffUserPool(config: AppConfig): cognito.UserPool {
    const attribute = () => new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: true });
    const pool = new cognito.UserPool(this, 'StaffUserPool', {
      userPoolName: `safeguarding-${config.envName}-staff`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: true, mutable: true },
      },
      customAttributes: Object.fromEntries(staffAttributes.map((name) => [name, attribute()])),
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 24,
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    return pool;
  }
}
