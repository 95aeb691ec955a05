import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

interface CorrelationScope {
  correlationId: string | undefined;
}

const scopes = new AsyncLocalStorage<CorrelationScope>();

/**
 * Runs `work` in a scope of its own, so that concurrent requests in one process (the local runtime, or a
 * Lambda with concurrency) never see each other's correlation id. The id may be set later in the scope.
 */
export const inCorrelationScope = <T>(work: () => T, correlationId?: string): T =>
  scopes.run({ correlationId }, work);

/** Sets the id for the rest of the current scope; outside a scope it does nothing. */
export const setCorrelationId = (correlationId: string): void => {
  const scope = scopes.getStore();
  if (scope) scope.correlationId = correlationId;
};

/** The id of the request (or message) being handled, for logs and for every message it causes. */
export const currentCorrelationId = (): string | undefined => scopes.getStore()?.correlationId;

/**
 * Ids arrive from outside (API Gateway, queue envelopes); only a short token of safe characters is kept so
 * a crafted value cannot forge log lines or carry personal data.
 */
const safeId = /^[A-Za-z0-9][A-Za-z0-9._:=-]{7,127}$/;

export const isSafeCorrelationId = (value: unknown): value is string =>
  typeof value === 'string' && safeId.test(value);

export const newCorrelationId = (): string => randomUUID();
