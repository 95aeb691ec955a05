import { z } from 'zod';
import { readConfig } from '../config/env.ts';

export interface HttpConfig {
  /** Key for the CSRF form tokens (HMAC-SHA256); at least 32 characters. */
  readonly csrfSecret: string;
}

let shared: HttpConfig | undefined;

/** Read once, at module load of the first page handler, so a missing CSRF_SECRET fails the cold start. */
export const httpConfig = (): HttpConfig => {
  if (!shared) {
    const config = readConfig({ CSRF_SECRET: z.string().min(32) });
    shared = { csrfSecret: config.CSRF_SECRET };
  }
  return shared;
};
