import { inject } from 'vitest';

/**
 * Points this test file's process at the shared local stack. Call at the top of an integration test
 * file, before importing handlers, so their AWS SDK clients pick up the endpoints.
 */
export const useLocalEnvironment = (extra: Record<string, string> = {}): Record<string, string> => {
  const environment = { ...inject('localEnvironment'), ...extra };
  Object.assign(process.env, environment);
  return environment;
};
