import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';

/** Where `npm start` writes the environment of the running local stack: a flat JSON object of variables. */
export const localEnvironmentPath = (directory: string = process.cwd()): string =>
  join(directory, '.local', 'environment.json');

const LocalEnvironment = z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.string());

/** `.local/environment.json` exists but is not what `npm start` writes. */
export class LocalEnvironmentError extends Error {
  constructor(path: string, options?: { cause?: unknown }) {
    super(`${path} is not a flat JSON object of environment variables: stop and restart npm start.`, options);
    this.name = 'LocalEnvironmentError';
  }
}

export interface LoadLocalEnvironmentOptions {
  /** Directory holding `.local/`; the working directory when omitted (npm runs scripts from the root). */
  readonly directory?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Lets a command-line tool reach the stack `npm start` is running. Does nothing when a DynamoDB endpoint
 * is already set (the caller chose where to connect) or when no local stack has written its environment.
 * Variables already set are kept, so a caller can still override one. Returns the names it set.
 */
export const loadLocalEnvironment = (options: LoadLocalEnvironmentOptions = {}): string[] => {
  const env = options.env ?? process.env;
  if (env.AWS_ENDPOINT_URL_DYNAMODB) return [];
  const path = localEnvironmentPath(options.directory);
  if (!existsSync(path)) return [];
  let variables: Record<string, string>;
  try {
    variables = LocalEnvironment.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    throw new LocalEnvironmentError(path, { cause: error });
  }
  const loaded: string[] = [];
  for (const [name, value] of Object.entries(variables)) {
    if (env[name] !== undefined) continue;
    env[name] = value;
    loaded.push(name);
  }
  return loaded;
};
