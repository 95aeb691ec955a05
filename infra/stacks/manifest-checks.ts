import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceManifest } from '../../shared/manifest/define-service.ts';
import { handlerEntry } from '../../shared/manifest/names.ts';

/** The manifests contradict each other or themselves; synth stops and says where. */
export class ManifestError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The service manifests are inconsistent:\n- ${problems.join('\n- ')}`);
    this.name = 'ManifestError';
  }
}

/**
 * What CDK would otherwise discover late or not at all: two services claiming one queue or route, a
 * consumer of a queue its service does not own, a `sendsTo` naming no queue, a schedule that is not a rate,
 * a staff route whose function could not read the signed-out sessions (the platform `sessions` table).
 */
export const manifestProblems = (manifests: readonly ServiceManifest[]): string[] => {
  const problems: string[] = [];
  const queueOwners = new Map<string, string>();
  const routeOwners = new Map<string, string>();
  const serviceNames = new Set<string>();

  for (const manifest of manifests) {
    if (serviceNames.has(manifest.name)) problems.push(`service ${manifest.name} is listed twice`);
    serviceNames.add(manifest.name);
    for (const queue of Object.keys(manifest.queues)) {
      const owner = queueOwners.get(queue);
      if (owner) problems.push(`queue ${queue} is declared by both ${owner} and ${manifest.name}`);
      queueOwners.set(queue, manifest.name);
    }
    for (const route of manifest.routes) {
      const key = `${route.method} ${route.path}`;
      const owner = routeOwners.get(key);
      if (owner) problems.push(`route ${key} is declared by both ${owner} and ${manifest.name}`);
      routeOwners.set(key, manifest.name);
    }
  }

  for (const manifest of manifests) {
    for (const consumer of manifest.consumers) {
      if (!(consumer.queue in manifest.queues)) {
        problems.push(`${manifest.name} consumes ${consumer.queue}, which it does not declare in queues`);
      }
      const size = consumer.batchSize ?? 10;
      if (!Number.isInteger(size) || size < 1 || size > 10_000) {
        problems.push(`${manifest.name}/${consumer.handler} has batch size ${size} (1 to 10000)`);
      }
    }
    for (const queue of manifest.sendsTo) {
      if (!queueOwners.has(queue))
        problems.push(`${manifest.name} sends to ${queue}, which no service declares`);
    }
    for (const schedule of manifest.schedules) {
      if (!Number.isInteger(schedule.everyMinutes) || schedule.everyMinutes < 1) {
        problems.push(`${manifest.name}/${schedule.handler} runs every ${schedule.everyMinutes} minutes`);
      }
    }
    const hasStaffRoutes = manifest.routes.some((route) => route.policy !== 'public');
    if (hasStaffRoutes && !manifest.usesPlatform.includes('sessions')) {
      problems.push(
        `${manifest.name} has staff routes but does not list 'sessions' in usesPlatform (signed-out sessions are read there)`,
      );
    }
  }
  return problems;
};

export const checkManifests = (manifests: readonly ServiceManifest[]): void => {
  const problems = manifestProblems(manifests);
  if (problems.length > 0) throw new ManifestError(problems);
};

/** The manifests name handlers that do not exist yet; a deployable build needs every one of them. */
export class MissingHandlerError extends Error {
  constructor(readonly entries: readonly string[]) {
    super(`Handlers listed in the manifests but missing from the repository:\n- ${entries.join('\n- ')}`);
    this.name = 'MissingHandlerError';
  }
}

export interface HandlerRef {
  readonly service: string;
  readonly handler: string;
  /** Relative to the repository root. */
  readonly entry: string;
}

/** Every distinct (service, handler) the manifests name, whether for a route, a consumer or a schedule. */
export const manifestHandlers = (manifests: readonly ServiceManifest[]): HandlerRef[] => {
  const seen = new Map<string, HandlerRef>();
  for (const manifest of manifests) {
    const handlers = [
      ...manifest.routes.map((route) => route.handler),
      ...manifest.consumers.map((consumer) => consumer.handler),
      ...manifest.schedules.map((schedule) => schedule.handler),
    ];
    for (const handler of handlers) {
      const entry = handlerEntry(manifest.name, handler);
      if (!seen.has(entry)) seen.set(entry, { service: manifest.name, handler, entry });
    }
  }
  return [...seen.values()];
};

export const assertHandlersExist = (root: string, handlers: readonly HandlerRef[]): void => {
  const missing = handlers.filter((ref) => !existsSync(join(root, ref.entry))).map((ref) => ref.entry);
  if (missing.length > 0) throw new MissingHandlerError(missing);
};
