import { randomBytes } from 'node:crypto';
import { KMSClient } from '@aws-sdk/client-kms';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { readConfig, required } from '../../../shared/config/env.ts';
import { issueKmsCertificate } from '../adapters/kms-signer.ts';

const usage =
  'Usage: npx tsx services/documents/cli/issue-kms-certificate.ts <kms-key-id-or-arn> <ssm-parameter-name> [--replace]';

/**
 * Run once per environment, after the data stack has made the signing key: makes the force certificate
 * for that key (self-signed through KMS, valid ten years) and stores its PEM in the SSM parameter the
 * documents functions read. Refuses to replace an existing certificate unless told to, because every
 * document signed so far names the old one. Exit 0 stored, 1 failed, 64 wrong arguments.
 */
const main = async (): Promise<number> => {
  const [keyId, parameter, flag, ...rest] = process.argv.slice(2);
  if (
    !keyId ||
    !parameter?.startsWith('/') ||
    (flag !== undefined && flag !== '--replace') ||
    rest.length > 0
  ) {
    process.stderr.write(`${usage}\n`);
    return 64;
  }
  const { FORCE_NAME } = readConfig({ FORCE_NAME: required() });
  const now = new Date();
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + 10);
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x01;
  const pem = await issueKmsCertificate({
    kms: new KMSClient({}),
    keyId,
    forceName: FORCE_NAME,
    serialNumberHex: serial.toString('hex'),
    notBefore: new Date(now.getTime() - 5 * 60_000),
    notAfter,
  });
  await new SSMClient({}).send(
    new PutParameterCommand({ Name: parameter, Value: pem, Type: 'String', Overwrite: flag === '--replace' }),
  );
  process.stdout.write(`Stored the force certificate in ${parameter}:\n${pem}`);
  return 0;
};

process.exitCode = await main().catch((error: unknown) => {
  process.stderr.write(
    `The certificate was not stored: ${error instanceof Error ? error.message : 'unknown error'}\n`,
  );
  return 1;
});
