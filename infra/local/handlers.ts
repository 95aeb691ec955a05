import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { templatesOfHandler } from '../../shared/http/handler-templates.ts';
import { withRenderableTemplates } from '../../shared/http/templates.ts';
import type { ServiceManifest } from '../../shared/manifest/define-service.ts';
import { localAccountId, localRegion } from './emulators.ts';
import { repositoryRoot } from './paths.ts';

/** A service the runtime serves: its manifest and the folder holding `<service>/handlers/<handler>.ts`. */
export interface LocalService {
  readonly manifest: ServiceManifest;
  /** Absolute folder that contains the service's own folder; the repository's `services/` unless told. */
  readonly servicesDirectory: string;
}

export const repositoryServicesDirectory = join(repositoryRoot, 'services');

export const localServices = (
  manifests: readonly ServiceManifest[],
  servicesDirectory = repositoryServicesDirectory,
): LocalService[] => manifests.map((manifest) => ({ manifest, servicesDirectory }));

/** One Lambda function of a service, as the runtime invokes it. */
export interface LocalFunction {
  readonly service: string;
  readonly handler: string;
  /** `<service>-<handler>`, the name a log line and the Lambda context carry. */
  readonly functionName: string;
  readonly file: string;
}

export const localFunction = (service: LocalService, handler: string): LocalFunction => ({
  service: service.manifest.name,
  handler,
  functionName: `${service.manifest.name}-${handler}`,
  file: join(service.servicesDirectory, service.manifest.name, 'handlers', `${handler}.ts`),
});

/** Every handler file the manifests name that does not exist yet, relative to the repository. */
export const missingHandlerFiles = (services: readonly LocalService[]): string[] => {
  const files = new Set<string>();
  for (const service of services) {
    const { routes, consumers, schedules } = service.manifest;
    for (const { handler } of [...routes, ...consumers, ...schedules]) {
      const { file } = localFunction(service, handler);
      if (!existsSync(file)) files.add(relative(repositoryRoot, file));
    }
  }
  return [...files].sort();
};

export type LambdaHandler = (event: never, context: Context) => unknown;

/** A handler file that cannot be loaded or exports no `handler` function. */
export class HandlerLoadError extends Error {
  constructor(fn: LocalFunction, cause: unknown) {
    super(`${relative(repositoryRoot, fn.file)} could not be loaded as a handler`, { cause });
    this.name = 'HandlerLoadError';
  }
}

export type HandlerLoader = (fn: LocalFunction) => Promise<LambdaHandler>;

/**
 * A product handler may render only the pages its bundle would carry (shared/http/handler-templates.ts), so a
 * page left out of a bundle fails here, in every test and on `npm start`, not first in AWS.
 */
const withBundledPagesOnly = (fn: LocalFunction, handler: LambdaHandler): LambdaHandler => {
  if (!fn.file.startsWith(`${repositoryServicesDirectory}${sep}`)) return handler;
  const templates = new Set(templatesOfHandler(fn.file, repositoryRoot));
  return (event, context) => withRenderableTemplates(templates, () => handler(event, context));
};

/**
 * Imports handler modules on first use and keeps them, as a warm Lambda would. A module that fails to load is
 * not kept, so one written while the runtime is up is picked up on the next request.
 */
export const createHandlerLoader = (): HandlerLoader => {
  const modules = new Map<string, Promise<LambdaHandler>>();
  return (fn) => {
    let loading = modules.get(fn.file);
    if (!loading) {
      loading = import(pathToFileURL(fn.file).href).then(
        (module: { handler?: unknown }) => {
          if (typeof module.handler !== 'function') {
            throw new HandlerLoadError(fn, new TypeError('the module exports no `handler` function'));
          }
          return withBundledPagesOnly(fn, module.handler as LambdaHandler);
        },
        (error: unknown) => {
          throw new HandlerLoadError(fn, error);
        },
      );
      modules.set(fn.file, loading);
      loading.catch(() => modules.delete(fn.file));
    }
    return loading;
  };
};

/** A Lambda context for one invocation; the deadline only informs `getRemainingTimeInMillis`. */
export const lambdaContext = (fn: LocalFunction, timeoutMs: number, requestId = randomUUID()): Context => {
  const deadline = Date.now() + timeoutMs;
  const noLongerSupported = () => {
    throw new Error('Callback-style Lambda context methods are not supported; return a promise.');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: fn.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${localRegion}:${localAccountId}:function:${fn.functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${fn.functionName}`,
    logStreamName: `local/${fn.functionName}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: noLongerSupported,
    fail: noLongerSupported,
    succeed: noLongerSupported,
  };
};

/** A one-line description of an error for the runtime's own log: its name and first line, never a payload. */
export const describeError = (error: unknown): string => {
  if (error instanceof Error) {
    const cause =
      error.cause instanceof Error
        ? ` (caused by ${error.cause.name}: ${firstLine(error.cause.message)})`
        : '';
    return `${error.name}: ${firstLine(error.message)}${cause}`;
  }
  return String(error);
};

const firstLine = (text: string): string => text.split('\n')[0] ?? '';

/**
 * The stack worth printing for a developer: a handler that failed to load shows where its module broke, not
 * where the runtime imported it; a module that does not exist needs no stack at all.
 */
export const errorStack = (error: unknown): string | undefined => {
  if (error instanceof HandlerLoadError) {
    const cause = error.cause;
    if ((cause as NodeJS.ErrnoException | undefined)?.code === 'ERR_MODULE_NOT_FOUND') return undefined;
    return cause instanceof Error ? cause.stack : undefined;
  }
  return error instanceof Error ? error.stack : undefined;
};
