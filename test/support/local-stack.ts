import { randomBytes } from 'node:crypto';
import { type Emulators, emulatorEnvironment, startEmulators } from '../../infra/local/emulators.ts';
import { freePort } from '../../infra/local/ports.ts';
import { provision } from '../../infra/local/provision.ts';
import { services } from '../../services/index.ts';

export interface LocalStack {
  readonly emulators: Emulators;
  /**
   * Everything a handler needs in process.env that every test shares: endpoints, region, table names, queue
   * URLs and the origin secret (test/support/http-events.ts puts it in the events it builds).
   */
  readonly environment: Record<string, string>;
  stop(): Promise<void>;
}

/** Starts DynamoDB Local and the SQS/S3 emulator in memory on free loopback ports and provisions every manifest. */
export const startLocalStack = async (): Promise<LocalStack> => {
  const emulators = await startEmulators({ dynamoPort: await freePort(), awsPort: await freePort() });
  const environment = {
    ...emulatorEnvironment(emulators),
    ...(await provision(emulators, services, { visibilityTimeoutSeconds: 2 })),
    ORIGIN_VERIFY_SECRET: randomBytes(32).toString('base64url'),
  };
  return { emulators, environment, stop: () => emulators.stop() };
};
