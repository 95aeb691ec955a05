import { type Emulators, emulatorEnvironment, startEmulators } from '../../infra/local/emulators.ts';
import { freePort } from '../../infra/local/ports.ts';
import { provision } from '../../infra/local/provision.ts';
import { services } from '../../services/index.ts';

export interface LocalStack {
  readonly emulators: Emulators;
  /** Everything a handler needs in process.env: endpoints, region, table names and queue URLs. */
  readonly environment: Record<string, string>;
  stop(): Promise<void>;
}

/** Starts DynamoDB Local and the SQS/S3 emulator in memory on free loopback ports and provisions every manifest. */
export const startLocalStack = async (): Promise<LocalStack> => {
  const emulators = await startEmulators({ dynamoPort: await freePort(), awsPort: await freePort() });
  const environment = {
    ...emulatorEnvironment(emulators),
    ...(await provision(emulators, services, { visibilityTimeoutSeconds: 2 })),
  };
  return { emulators, environment, stop: () => emulators.stop() };
};
