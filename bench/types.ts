import type { LocalRuntime } from '../infra/local/runtime.ts';

/**
 * A summary of repeated timings: what the table and the JSON report. The runner's own measurements fill
 * every field; a service's bench that reports only p50 and p95 leaves the rest out.
 */
export interface Distribution {
  readonly samples: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99?: number;
  readonly mean?: number;
  readonly min?: number;
  readonly max?: number;
}

export type Unit = 'ms' | 'bytes' | 'ratio' | 'per-second';

/**
 * One figure. `value` is the headline: the figure itself (a size, a ratio) or, for a distribution, its
 * median. `figures` holds further named numbers (a gzip size, a throughput) in the same unit unless the
 * name says otherwise.
 */
export interface Measurement {
  readonly name: string;
  readonly unit: Unit;
  readonly value: number;
  readonly distribution?: Distribution;
  readonly figures?: Readonly<Record<string, number>>;
  /** What was measured against what, when it is not plain from the name. */
  readonly note?: string;
}

export interface BenchContext {
  /** The local stack, in memory on free loopback ports, started once for the whole run. */
  readonly runtime: LocalRuntime;
  /** The repository root (absolute). */
  readonly root: string;
  /** `--quick`: fewer repetitions, for checking the bench itself works. */
  readonly quick: boolean;
  /** Progress lines (to stderr, so the table on stdout stays clean). */
  log(line: string): void;
}

/** One part of the bench: the platform's own, or a service's, adapted in bench/sections/<name>.ts. */
export interface BenchSection {
  readonly name: string;
  /** One line on what the section measures, printed above its rows. */
  readonly description: string;
  run(context: BenchContext): Promise<Measurement[]>;
}

export interface MachineDescription {
  readonly os: string;
  readonly release: string;
  readonly arch: string;
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryBytes: number;
  readonly nodeVersion: string;
  readonly javaVersion?: string;
}

export interface SectionResult {
  readonly name: string;
  readonly description: string;
  readonly durationMs: number;
  readonly measurements: readonly Measurement[];
  /** Set when the section failed; its measurements are then whatever it had before failing (none). */
  readonly error?: string;
}

/** The shape of bench/results/latest.json. */
export interface BenchReport {
  readonly timestamp: string;
  /** The command line's choices: a quick or partial run is written to partial.tmp.json, not latest.json. */
  readonly options: { readonly quick: boolean; readonly only?: readonly string[] };
  readonly machine: MachineDescription;
  readonly durationMs: number;
  readonly sections: readonly SectionResult[];
}
