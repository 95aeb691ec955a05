import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { services as allServices } from '../../services/index.ts';
import { staticDirectories, staticFiles } from '../../shared/http/assets.ts';
import type { ServiceManifest } from '../../shared/manifest/define-service.ts';
import { queueEnvName } from '../../shared/manifest/names.ts';
import {
  createDevIdentityProvider,
  type DevIdentityProvider,
  loadOrCreateSigningKey,
} from './dev-identity-provider.ts';
import { startEmulators } from './emulators.ts';
import {
  applyEnvironment,
  loadOrCreateSecrets,
  localAudience,
  localEnvironment,
  writeEnvironmentFile,
} from './environment.ts';
import { LocalRuntimeError } from './errors.ts';
import { createHandlerLoader, type LocalService, localServices, missingHandlerFiles } from './handlers.ts';
import { startHttpServer } from './http-server.ts';
import { repositoryRoot } from './paths.ts';
import { assertPortFree } from './ports.ts';
import { provision } from './provision.ts';
import { consumerBindings, startQueuePollers } from './queue-poller.ts';
import { compileRoutes, createRouteDispatcher } from './router.ts';
import { type Schedulers, scheduleBindings, startSchedulers } from './scheduler.ts';

export const defaultPorts = { http: 3000, dynamo: 8000, aws: 4566 } as const;

export interface RuntimeOptions {
  readonly httpPort?: number;
  readonly dynamoPort?: number;
  readonly awsPort?: number;
  /**
   * Folder for everything that must survive a restart (`.local` under `npm start`): emulator data in `data/`,
   * the sign-in key in `keys/`, `secrets.json` and `environment.json`. Omit to keep everything in memory.
   */
  readonly localDir?: string;
  /** The services to serve; every service in `services/index.ts` unless told. */
  readonly services?: readonly ServiceManifest[];
  /** Services whose handlers live elsewhere, such as test fixtures. */
  readonly additionalServices?: readonly LocalService[];
  /** LOCAL_SCHEDULE_SCALE: how much faster than real time schedules run. */
  readonly scheduleScale?: number;
  /** Seconds before a failed queue message is received again (1 unless told). */
  readonly failedMessageDelaySeconds?: number;
  /** How long DynamoDB Local may take to start (30 s unless told). */
  readonly emulatorStartTimeoutMs?: number;
  /** JVM options for DynamoDB Local; fast start-up unless told (a benchmark may prefer `[]`, peak speed). */
  readonly dynamoJvmOptions?: readonly string[];
  /** The developer's shell environment, for values they may set themselves (FORCE_NAME). */
  readonly shell?: NodeJS.ProcessEnv;
  /** Where the runtime's own log lines go; the console unless told. */
  readonly log?: (line: string) => void;
}

export interface LocalRuntime {
  /** The site, e.g. http://localhost:3000. */
  readonly url: string;
  /** Everything the handlers were given in `process.env`. */
  readonly environment: Readonly<Record<string, string>>;
  readonly identityProvider: DevIdentityProvider;
  readonly schedules: Pick<Schedulers, 'trigger'>;
  /** Process id of DynamoDB Local's Java process. */
  readonly dynamoPid: number | undefined;
  readonly missingHandlers: readonly string[];
  /** Stops pollers, timers, the web server and the emulators, and puts `process.env` back as it was. */
  stop(): Promise<void>;
}

const assertDistinctPorts = (ports: Record<string, number>): void => {
  const seen = new Map<number, string>();
  for (const [name, port] of Object.entries(ports)) {
    const other = seen.get(port);
    if (other)
      throw new LocalRuntimeError(`${other} and ${name} are both set to port ${port}: give each its own.`);
    seen.set(port, name);
  }
};

/**
 * Starts the whole stack in this process: emulators, provisioning from the manifests, the environment, the web
 * server with the dev identity provider, queue pollers and schedule timers. Handlers are imported on first use,
 * after `process.env` is set, and then kept; so run one runtime per process at a time.
 */
export const startRuntime = async (options: RuntimeOptions = {}): Promise<LocalRuntime> => {
  const log = options.log ?? ((line: string) => console.log(line));
  const httpPort = options.httpPort ?? defaultPorts.http;
  const dynamoPort = options.dynamoPort ?? defaultPorts.dynamo;
  const awsPort = options.awsPort ?? defaultPorts.aws;
  assertDistinctPorts({ PORT: httpPort, DYNAMODB_PORT: dynamoPort, AWS_EMULATOR_PORT: awsPort });
  await assertPortFree(httpPort, 'the web site');

  const localDir = options.localDir ? resolve(options.localDir) : undefined;
  const url = `http://localhost:${httpPort}`;
  const services = [...localServices(options.services ?? allServices), ...(options.additionalServices ?? [])];
  const secrets = loadOrCreateSecrets(localDir && join(localDir, 'secrets.json'));
  const key = await loadOrCreateSigningKey(localDir && join(localDir, 'keys', 'dev-idp.json'));
  // Without a state folder, keys made on first use go to a folder of this run's own, removed on stop.
  const keysDirectory = localDir
    ? join(localDir, 'keys')
    : mkdtempSync(join(tmpdir(), 'local-runtime-keys-'));
  const removeKeys = async () => {
    if (!localDir) rmSync(keysDirectory, { recursive: true, force: true });
  };

  const emulators = await startEmulators({
    dynamoPort,
    awsPort,
    ...(localDir ? { dataDir: join(localDir, 'data') } : {}),
    ...(options.emulatorStartTimeoutMs ? { startTimeoutMs: options.emulatorStartTimeoutMs } : {}),
    ...(options.dynamoJvmOptions ? { jvmOptions: options.dynamoJvmOptions } : {}),
  }).catch(async (error: unknown) => {
    await removeKeys();
    throw error;
  });
  const stoppers: (() => Promise<void>)[] = [removeKeys, () => emulators.stop()];
  const stopAll = async () => {
    for (const stop of stoppers.splice(0).reverse()) {
      await stop().catch((error: unknown) => log(`[runtime] stopping: ${String(error)}`));
    }
  };

  try {
    const resources = await provision(
      emulators,
      services.map((service) => service.manifest),
    );
    const environment = localEnvironment({
      siteUrl: url,
      emulators,
      resources,
      secrets,
      keysDirectory,
      shell: options.shell ?? process.env,
    });
    const restoreEnvironment = applyEnvironment(environment);
    stoppers.push(async () => restoreEnvironment());
    if (localDir) writeEnvironmentFile(join(localDir, 'environment.json'), environment);

    const identityProvider = createDevIdentityProvider({
      key,
      issuer: environment.AUTH_ISSUER ?? `${url}/dev`,
      audience: localAudience,
      forceName: environment.FORCE_NAME ?? '',
    });
    const loadHandler = createHandlerLoader();
    const server = await startHttpServer({
      port: httpPort,
      assets: { files: staticFiles, directories: staticDirectories, root: repositoryRoot },
      identityProvider,
      dispatch: createRouteDispatcher({ routes: compileRoutes(services), loadHandler, log }),
      log,
      // The server plays CloudFront too: without the origin header every route would answer 403.
      originVerifySecret: secrets.originVerifySecret,
    });
    stoppers.push(() => server.stop());

    const consumers = consumerBindings(services, (queue) => {
      const queueUrl = resources[queueEnvName(queue)];
      if (!queueUrl)
        throw new LocalRuntimeError(`A consumer reads queue "${queue}", which no manifest declares.`);
      return queueUrl;
    });
    const pollers = await startQueuePollers({
      endpoint: emulators.awsEndpoint,
      consumers,
      loadHandler,
      log,
      ...(options.failedMessageDelaySeconds !== undefined
        ? { failedMessageDelaySeconds: options.failedMessageDelaySeconds }
        : {}),
    });
    stoppers.push(() => pollers.stop());
    const schedulers = startSchedulers({
      schedules: scheduleBindings(services),
      loadHandler,
      log,
      ...(options.scheduleScale ? { scale: options.scheduleScale } : {}),
    });
    stoppers.push(() => schedulers.stop());

    let stopping: Promise<void> | undefined;
    return {
      url,
      environment,
      identityProvider,
      schedules: { trigger: schedulers.trigger },
      dynamoPid: emulators.dynamoPid,
      missingHandlers: missingHandlerFiles(services),
      stop: () => {
        stopping ??= stopAll();
        return stopping;
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
};
