import type { Policy } from '../auth/policy.ts';

/** A key attribute of a table or index. DynamoDB only needs the type of key attributes. */
export interface KeyAttribute {
  readonly name: string;
  readonly type: 'S' | 'N';
}

export interface IndexSpec {
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
}

export interface TableSpec {
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
  /** Global secondary indexes, named for the query they serve (e.g. `byStatus`). */
  readonly indexes?: Readonly<Record<string, IndexSpec>>;
  /** Attribute holding an epoch-seconds expiry, for items that must not outlive their use (journey state). */
  readonly timeToLiveAttribute?: string;
  /** `own`: the table gets a KMS key of its own whose policy admits only this service's functions. */
  readonly encryptionKey?: 'shared' | 'own';
}

export interface QueueSpec {
  /** Seconds a received message stays invisible; defaults to 60. */
  readonly visibilityTimeoutSeconds?: number;
  /** Receives before a message is moved to the dead-letter queue; defaults to 5. */
  readonly maxReceiveCount?: number;
}

export interface BucketSpec {
  /** Years objects are held under S3 Object Lock (compliance mode); omit for no lock. */
  readonly objectLockYears?: number;
}

export type HttpMethod = 'GET' | 'POST' | 'ANY';

export interface RouteSpec {
  readonly method: HttpMethod;
  /** API Gateway path syntax: `/staff/dvpn/{id}`; `/{proxy+}` with ANY is the catch-all (the 404 page). */
  readonly path: string;
  /** File name (without `.ts`) under `services/<service>/handlers/`. */
  readonly handler: string;
  /** `public` for pages anyone may open; otherwise the policy a signed-in member of staff must satisfy. */
  readonly policy: Policy | 'public';
}

export interface ConsumerSpec {
  readonly queue: string;
  readonly handler: string;
  readonly batchSize?: number;
}

export interface ScheduleSpec {
  readonly everyMinutes: number;
  readonly handler: string;
}

/** A staff area a service offers on the staff home page; shown to those its GET route's policy admits. */
export interface StaffLink {
  readonly text: string;
  /** A GET route of this service (without path parameters). */
  readonly path: string;
  readonly description: string;
}

export interface ServiceManifest {
  readonly name: string;
  readonly tables: Readonly<Record<string, TableSpec>>;
  /** Queues this service owns (and consumes). Every queue gets a dead-letter queue and a depth alarm. */
  readonly queues: Readonly<Record<string, QueueSpec>>;
  readonly buckets: Readonly<Record<string, BucketSpec>>;
  readonly routes: readonly RouteSpec[];
  readonly consumers: readonly ConsumerSpec[];
  readonly schedules: readonly ScheduleSpec[];
  /** Queues owned by other services that this service's functions may send to. */
  readonly sendsTo: readonly string[];
  /** Tables of the platform (audit, sessions, idempotency) this service's functions use. */
  readonly usesPlatform: readonly PlatformTable[];
  readonly staffLinks: readonly StaffLink[];
}

export type PlatformTable = 'audit' | 'sessions' | 'idempotency';

type Optional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

export type ServiceDefinition = Optional<
  ServiceManifest,
  | 'tables'
  | 'queues'
  | 'buckets'
  | 'routes'
  | 'consumers'
  | 'schedules'
  | 'sendsTo'
  | 'usesPlatform'
  | 'staffLinks'
>;

export const defineService = (definition: ServiceDefinition): ServiceManifest => ({
  tables: {},
  queues: {},
  buckets: {},
  routes: [],
  consumers: [],
  schedules: [],
  sendsTo: [],
  usesPlatform: ['audit', 'idempotency', 'sessions'],
  staffLinks: [],
  ...definition,
});
