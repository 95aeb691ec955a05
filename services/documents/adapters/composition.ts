import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { KMSClient } from '@aws-sdk/client-kms';
import { SSMClient } from '@aws-sdk/client-ssm';
import * as z from 'zod';
import { dynamoDocumentClient, s3Client } from '../../../shared/aws/clients.ts';
import { readConfig, required } from '../../../shared/config/env.ts';
import { bucketEnvName, tableEnvName } from '../../../shared/manifest/names.ts';
import { sqsPublisher } from '../../../shared/messaging/publish.ts';
import { documentIdFrom } from '../domain/document-id.ts';
import type { IssueDependencies } from '../domain/issue-document.ts';
import type { DocumentRegister, DocumentStore, ReplySender } from '../domain/ports.ts';
import { certificateFingerprint } from '../domain/signing/certificate.ts';
import type { Signer } from '../domain/signing/signer.ts';
import { dynamoDocumentRegister } from './dynamo-register.ts';
import { documentFonts } from './fonts.ts';
import { certificateFromParameter, KmsSigner } from './kms-signer.ts';
import { localSigner } from './local-signer.ts';
import { s3DocumentStore } from './s3-store.ts';

export const registerTableEnv = tableEnvName('documents', 'register');
export const signedBucketEnv = bucketEnvName('documents', 'signed');

/** Which key signs, and the force it speaks for. Read once; a missing value fails naming the variable. */
export const signingConfig = (source: NodeJS.ProcessEnv = process.env) => {
  const base = readConfig(
    {
      FORCE_NAME: required(),
      SIGNER: z.enum(['local', 'kms']).default('local'),
      SIGNING_KEY_DIR: z.string().min(1).default('.local/keys'),
    },
    source,
  );
  if (base.SIGNER === 'local') return { ...base, SIGNER: 'local' as const };
  return {
    ...base,
    SIGNER: 'kms' as const,
    ...readConfig({ SIGNING_KEY_ID: required(), SIGNING_CERTIFICATE_PARAMETER: required() }, source),
  };
};

let signer: Promise<Signer> | undefined;

/** The process's signer: the local key (made on first use under SIGNING_KEY_DIR) or the KMS key. */
export const configuredSigner = (source: NodeJS.ProcessEnv = process.env): Promise<Signer> => {
  signer ??= (async () => {
    const config = signingConfig(source);
    if (config.SIGNER === 'local') return localSigner(resolve(config.SIGNING_KEY_DIR), config.FORCE_NAME);
    const certificate = await certificateFromParameter(
      new SSMClient({}),
      config.SIGNING_CERTIFICATE_PARAMETER,
    );
    return new KmsSigner(new KMSClient({}), config.SIGNING_KEY_ID, certificate);
  })();
  signer.catch(() => {
    signer = undefined;
  });
  return signer;
};

export const documentRegister = (source: NodeJS.ProcessEnv = process.env): DocumentRegister => {
  const config = readConfig({ [registerTableEnv]: required() }, source);
  return dynamoDocumentRegister(dynamoDocumentClient(), config[registerTableEnv] as string);
};

export const documentStore = (source: NodeJS.ProcessEnv = process.env): DocumentStore => {
  const config = readConfig({ [signedBucketEnv]: required() }, source);
  return s3DocumentStore(s3Client(), config[signedBucketEnv] as string);
};

export const replySender = (): ReplySender => {
  const publisher = sqsPublisher();
  return { send: (queue, reply) => publisher.publish(queue, reply) };
};

export const newDocumentId = (): string => documentIdFrom(randomBytes(10));

/** Everything the consumer needs, built once per cold start. */
export const issueDependencies = async (): Promise<IssueDependencies> => ({
  register: documentRegister(),
  store: documentStore(),
  replies: replySender(),
  signer: await configuredSigner(),
  fonts: documentFonts(),
  forceName: signingConfig().FORCE_NAME,
  newDocumentId,
  now: () => new Date(),
});

/** What the verify page and the verify command need: the register, the bucket, and the current certificate. */
export const verificationDependencies = async () => {
  const signer = await configuredSigner();
  return {
    register: documentRegister(),
    store: documentStore(),
    currentFingerprint: certificateFingerprint(await signer.certificate()),
    forceName: signingConfig().FORCE_NAME,
  };
};
