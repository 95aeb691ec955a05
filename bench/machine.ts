import { spawnSync } from 'node:child_process';
import { arch, availableParallelism, cpus, type as osType, release, totalmem } from 'node:os';
import type { MachineDescription } from './types.ts';

/** `java -version` prints to stderr, e.g. `openjdk version "17.0.15" 2025-04-15`. */
const javaVersion = (): string | undefined => {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8', timeout: 10_000 });
  return /version "([^"]+)"/.exec(`${result.stderr ?? ''}${result.stdout ?? ''}`)?.[1];
};

/** Enough to tell two runs' machines apart; nothing that identifies a person or a host. */
export const describeMachine = (): MachineDescription => {
  const java = javaVersion();
  return {
    os: osType(),
    release: release(),
    arch: arch(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryBytes: totalmem(),
    nodeVersion: process.version,
    ...(java ? { javaVersion: java } : {}),
  };
};
