/**
 * The part of autocannon 9 (a CommonJS package without its own types) the sustained-load run uses, as its
 * README documents it.
 */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  /** Per connection, kept across the requests of one pass through `requests`, reset at its start. */
  export type RequestContext = Record<string, unknown>;

  export interface RequestParams {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  }

  export interface Request extends RequestParams {
    /** Returns the request to send; a falsy value starts the connection's pass through `requests` again. */
    setupRequest?: (request: RequestParams, context: RequestContext) => RequestParams | undefined;
    onResponse?: (
      status: number,
      body: string,
      context: RequestContext,
      headers: Record<string, string | string[]>,
    ) => void;
  }

  export interface Options {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    amount?: number;
    overallRate?: number;
    connectionRate?: number;
    maxOverallRequests?: number;
    /** Seconds before a request counts as timed out. */
    timeout?: number;
    requests?: Request[];
    initialContext?: RequestContext;
    excludeErrorStats?: boolean;
  }

  export interface Result {
    errors: number;
    timeouts: number;
    resets: number;
    mismatches: number;
    non2xx: number;
    totalCompletedRequests: number;
    totalRequests: number;
    /** Seconds. */
    duration: number;
  }

  export interface Instance extends EventEmitter, PromiseLike<Result> {
    stop(): void;
  }

  export default function autocannon(options: Options): Instance;
}
