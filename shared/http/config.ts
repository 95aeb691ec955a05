import * as z from 'zod';
import { readConfig } from '../config/env.ts';
import { originSecretsOf } from './origin-verify.ts';

export interface HttpConfig {
  /** Key for the CSRF form tokens (HMAC-SHA256); at least 32 characters. */
  readonly csrfSecret: string;
}

export interface EdgeConfig {
  /**
   * The values the origin header may carry (ORIGIN_VERIFY_SECRET: one, or two separated by a comma during a
   * rotation), each at least 32 characters.
   */
  readonly originSecrets: readonly string[];
}

let shared: HttpConfig | undefined;
let edge: EdgeConfig | undefined;

/** Read once, at module load of the first page handler, so a missing CSRF_SECRET fails the cold start. */
export const httpConfig = (): HttpConfig => {
  if (!shared) {
    const config = readConfig({ CSRF_SECRET: z.string().min(32) });
    shared = { csrfSecret: config.CSRF_SECRET };
  }
  return shared;
};

const OriginSecrets = z
  .string()
  .transform(originSecretsOf)
  .pipe(z.array(z.string().min(32)).min(1).max(2));

/**
 * Read once, at module load of the first HTTP handler (pages, APIs and the not-found answer alike), so a
 * missing or short ORIGIN_VERIFY_SECRET fails the cold start instead of letting requests past the edge.
 */
export const edgeConfig = (): EdgeConfig => {
  if (!edge) {
    const config = readConfig({ ORIGIN_VERIFY_SECRET: OriginSecrets });
    edge = { originSecrets: config.ORIGIN_VERIFY_SECRET };
  }
  return edge;
};
