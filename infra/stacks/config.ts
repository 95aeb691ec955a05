import type { App } from 'aws-cdk-lib';
import * as z from 'zod';
import { rulesPackIds } from '../../services/dvpn/domain/rules-packs.ts';

/**
 * What differs between deployments, read once from CDK context (`-c env=prod`, or cdk.json). Everything
 * else is fixed in code so that every environment is built the same way.
 */
const AppContext = z.object({
  env: z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,15}$/, 'env must be lower-case letters, digits or hyphens')
    .default('dev'),
  /** The only AWS region in the UK; police data stays here. CloudFront's WAF lives in us-east-1 regardless. */
  region: z.string().default('eu-west-2'),
  /** Prefix of the Cognito hosted sign-in domain: `<prefix>.auth.<region>.amazoncognito.com`, unique per region. */
  authDomainPrefix: z.string().optional(),
  /** Where alarm notifications are emailed; without it, subscribe to the alarm topic by other means. */
  alarmEmail: z.email().optional(),
  /** A custom domain for CloudFront, with an ACM certificate for it in us-east-1. Both or neither. */
  domainName: z.string().optional(),
  certificateArn: z.string().optional(),
  /** The force's name as pages show it. */
  forceName: z.string().min(1).default('Northshire Police'),
  /** Requests per IP per 5 minutes before WAF blocks; police stations put many staff behind one address. */
  wafRateLimit: z.coerce.number().int().min(100).default(2000),
  /** The notice rules the dvpn service drafts under: `dvpn` (CSA 2010) or `dapn` (the DAA 2021 pilot). */
  dvpnRulesPack: z.enum(rulesPackIds).default('dvpn'),
});

export interface AppConfig {
  readonly envName: string;
  readonly account: string | undefined;
  readonly region: string;
  readonly authDomainPrefix: string;
  readonly alarmEmail: string | undefined;
  readonly customDomain: { readonly domainName: string; readonly certificateArn: string } | undefined;
  readonly wafRateLimit: number;
  readonly forceName: string;
  readonly dvpnRulesPack: (typeof rulesPackIds)[number];
}

/** The context is wrong; names the key so `cdk synth` fails saying what to fix. */
export class AppContextError extends Error {
  constructor(message: string) {
    super(`Invalid CDK context: ${message}`);
    this.name = 'AppContextError';
  }
}

const contextKeys = Object.keys(AppContext.shape) as (keyof typeof AppContext.shape)[];

export const readAppConfig = (app: App): AppConfig => {
  const raw = Object.fromEntries(contextKeys.map((key) => [key, app.node.tryGetContext(key)]));
  const parsed = AppContext.safeParse(raw);
  if (!parsed.success) {
    throw new AppContextError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
    );
  }
  const context = parsed.data;
  if (Boolean(context.domainName) !== Boolean(context.certificateArn)) {
    throw new AppContextError('domainName and certificateArn go together');
  }
  return {
    envName: context.env,
    account: process.env.CDK_DEFAULT_ACCOUNT,
    region: context.region,
    authDomainPrefix: context.authDomainPrefix ?? `da-safeguarding-${context.env}`,
    alarmEmail: context.alarmEmail,
    customDomain:
      context.domainName && context.certificateArn
        ? { domainName: context.domainName, certificateArn: context.certificateArn }
        : undefined,
    wafRateLimit: context.wafRateLimit,
    forceName: context.forceName,
    dvpnRulesPack: context.dvpnRulesPack,
  };
};
