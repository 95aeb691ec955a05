import type { TestProject } from 'vitest/node';
import { startLocalStack } from './local-stack.ts';

/** One real DynamoDB Local and SQS/S3 emulator for the whole integration run, shared through provide/inject. */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stack = await startLocalStack();
  project.provide('localEnvironment', stack.environment);
  return () => stack.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    localEnvironment: Record<string, string>;
  }
}
