import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { devJwksPath, devSignInPath } from './dev-identity-provider.ts';
import { type Emulators, emulatorEnvironment } from './emulators.ts';
import { LocalRuntimeError } from './errors.ts';
import { parseJsonOrUndefined, readIfExists, writePrivateJson } from './files.ts';

/**
 * Secrets the handlers need that must stay the same across restarts (a CSRF token or a person's HMAC), and the
 * origin secret the local edge adds to every request as CloudFront does.
 */
const LocalSecrets = z.object({
  csrfSecret: z.string().min(32),
  identityHmacKey: z.string().min(32),
  originVerifySecret: z.string().min(32),
});
export type LocalSecrets = z.infer<typeof LocalSecrets>;

/** A secrets file from before the origin secret existed is still this runtime's: it gains one. */
const StoredSecrets = LocalSecrets.extend({
  originVerifySecret: LocalSecrets.shape.originVerifySecret.optional(),
});

const newSecret = (): string => randomBytes(32).toString('base64url');

/**
 * Reads `.local/secrets.json`, making it (or a secret it lacks) on first start; without a file the secrets
 * live only in memory.
 */
export const loadOrCreateSecrets = (file?: string): LocalSecrets => {
  const stored = file ? readIfExists(file) : undefined;
  if (file && stored !== undefined) {
    const parsed = StoredSecrets.safeParse(parseJsonOrUndefined(stored));
    if (!parsed.success) {
      throw new LocalRuntimeError(
        `${file} is not a secrets file this runtime made: delete it and start again.`,
      );
    }
    const { originVerifySecret = newSecret(), ...kept } = parsed.data;
    const secrets: LocalSecrets = { ...kept, originVerifySecret };
    if (parsed.data.originVerifySecret === undefined) writePrivateJson(file, secrets);
    return secrets;
  }
  const secrets: LocalSecrets = {
    csrfSecret: newSecret(),
    identityHmacKey: newSecret(),
    originVerifySecret: newSecret(),
  };
  if (file) {
    writePrivateJson(file, secrets);
  }
  return secrets;
};

export const defaultForceName = 'Northshire Police';
export const localAudience = 'local-web';

export interface LocalEnvironmentInput {
  /** The site's own address, e.g. http://localhost:3000. */
  readonly siteUrl: string;
  readonly emulators: Emulators;
  /** Table names, queue URLs and bucket names from provisioning. */
  readonly resources: Readonly<Record<string, string>>;
  readonly secrets: LocalSecrets;
  /** Folder for keys made on first use (the document signer's key and certificate). */
  readonly keysDirectory: string;
  /** The developer's shell environment, for the few values they may set themselves (FORCE_NAME). */
  readonly shell?: NodeJS.ProcessEnv;
}

/**
 * Every environment variable a handler gets under `npm start`: the one list, so the runtime, the tests and the
 * CLIs (through `.local/environment.json`) agree. In AWS the CDK stacks set the same names.
 */
export const localEnvironment = (input: LocalEnvironmentInput): Record<string, string> => {
  const shell = input.shell ?? {};
  const issuer = `${input.siteUrl}/dev`;
  return {
    ...emulatorEnvironment(input.emulators),
    ...input.resources,
    // Lambda runs in UTC; matching it here catches code that leans on the machine's time zone.
    TZ: 'UTC',
    SITE_URL: input.siteUrl,
    FORCE_NAME: shell.FORCE_NAME || defaultForceName,
    CSRF_SECRET: input.secrets.csrfSecret,
    IDENTITY_HMAC_KEY: input.secrets.identityHmacKey,
    // What the local edge (http-server.ts) adds as the origin header and the handlers require, as in AWS.
    ORIGIN_VERIFY_SECRET: input.secrets.originVerifySecret,
    AUTH_ISSUER: issuer,
    AUTH_AUDIENCE: localAudience,
    AUTH_JWKS_URI: `${input.siteUrl}${devJwksPath}`,
    AUTH_SIGN_IN_URL: devSignInPath,
    // Locally sign-in never takes the authorization-code route (the sign-in URL is a path on this site),
    // but the callback handler is configured the same way as in AWS, so it loads and answers like there.
    AUTH_TOKEN_URL: `${issuer}/oauth2/token`,
    AUTH_REDIRECT_URI: `${input.siteUrl}/auth/callback`,
    // Documents are signed with a key and certificate made on first use; in AWS with a KMS key.
    SIGNER: 'local',
    SIGNING_KEY_DIR: input.keysDirectory,
    // Development mode of Powertools: readable logs and no metrics output.
    POWERTOOLS_DEV: 'true',
    POWERTOOLS_LOG_LEVEL: shell.POWERTOOLS_LOG_LEVEL || 'INFO',
  };
};

/** A flat JSON object of the environment, so CLIs (audit:verify, verify-pdf) can reach the running stack. */
export const writeEnvironmentFile = (file: string, environment: Readonly<Record<string, string>>): void => {
  writePrivateJson(file, environment);
};

/**
 * Sets the variables in `process.env` and returns a function that puts back what was there, so a test that
 * starts and stops a runtime leaves its process as it found it.
 */
export const applyEnvironment = (environment: Readonly<Record<string, string>>): (() => void) => {
  const previous = new Map<string, string | undefined>();
  for (const [name, value] of Object.entries(environment)) {
    previous.set(name, process.env[name]);
    process.env[name] = value;
  }
  return () => {
    for (const [name, value] of previous) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
};
