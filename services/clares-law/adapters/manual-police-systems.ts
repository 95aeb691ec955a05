import type { PoliceSystems } from '../domain/ports.ts';

/**
 * The police systems adapter where no interface to PNC, PND, ViSOR or local intelligence exists (and in the
 * local runtime): nothing is looked up, and the officer who ran the check enters its result on the form.
 */
export const manualPoliceSystems: PoliceSystems = {
  mode: 'manual',
  check: async () => undefined,
};
