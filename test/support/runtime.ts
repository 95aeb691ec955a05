import { fileURLToPath } from 'node:url';
import { sessionCookieName } from '../../infra/local/dev-identity-provider.ts';
import type { LocalService } from '../../infra/local/handlers.ts';
import { freePorts } from '../../infra/local/ports.ts';
import { type LocalRuntime, type RuntimeOptions, startRuntime } from '../../infra/local/runtime.ts';
import { runtimeFixture } from '../fixtures/services/runtime-fixture/manifest.ts';

export interface TestRuntimePorts {
  readonly http: number;
  readonly dynamo: number;
  readonly aws: number;
}

export interface TestRuntimeOptions extends Omit<RuntimeOptions, 'httpPort' | 'dynamoPort' | 'awsPort'> {
  /** Fixed ports (a restart test reuses them); free loopback ports unless told. */
  readonly ports?: TestRuntimePorts;
}

export const testRuntimePorts = async (): Promise<TestRuntimePorts> => {
  const [http = 0, dynamo = 0, aws = 0] = await freePorts(3);
  return { http, dynamo, aws };
};

/** The runtime's own log lines are quiet in tests unless LOCAL_RUNTIME_LOG=1. */
const testLog = (line: string): void => {
  if (process.env.LOCAL_RUNTIME_LOG === '1') console.log(line);
};

/**
 * The whole local stack for an end-to-end or integration test: in memory and on free ports unless told, with
 * every real service. Call `stop()` in `afterAll`; it puts `process.env` back as it was.
 */
export const startTestRuntime = async (options: TestRuntimeOptions = {}): Promise<LocalRuntime> => {
  const { ports = await testRuntimePorts(), ...rest } = options;
  return startRuntime({
    httpPort: ports.http,
    dynamoPort: ports.dynamo,
    awsPort: ports.aws,
    log: testLog,
    ...rest,
  });
};

/** The runtime tests' throwaway service (echo routes, a consumer that fails on request, a counting schedule). */
export const runtimeFixtureService: LocalService = {
  manifest: runtimeFixture,
  servicesDirectory: fileURLToPath(new URL('../fixtures/services', import.meta.url)),
};

/** A `Cookie` header value that signs the request in as one of the demo staff (see infra/local/demo-staff.ts). */
export const signedInCookie = async (runtime: LocalRuntime, demoStaffId: string): Promise<string> =>
  `${sessionCookieName}=${await runtime.identityProvider.mintToken(demoStaffId)}`;
