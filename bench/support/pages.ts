import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { distributionOf, ratioOf, timeRepeatedly } from '../stats.ts';
import type { Measurement } from '../types.ts';
import { getPage, signedInCookie } from './site.ts';

export interface Repetitions {
  readonly warmUp: number;
  readonly runs: number;
}

/** The bench's usual counts: enough for a p99 in a full run, a check that it works with `--quick`. */
export const repetitions = (quick: boolean): Repetitions =>
  quick ? { warmUp: 5, runs: 30 } : { warmUp: 30, runs: 200 };

/**
 * A page fetched with `cookie`: `runs` GETs one at a time, each read to the end, after `warmUp` untimed
 * ones; and how long the page is (its last answer, in characters). Fails unless each answers 200.
 */
export const timePage = async (
  url: string,
  cookie: string,
  counts: Repetitions,
): Promise<{ readonly samples: number[]; readonly bytes: number }> => {
  let bytes = 0;
  const get = async () => {
    bytes = (await getPage(url, cookie)).length;
  };
  await timeRepeatedly(counts.warmUp, get);
  const samples = await timeRepeatedly(counts.runs, get);
  return { samples, bytes };
};

/** A staff page signed in as a demo member of staff, timed as `timePage` times it. */
export const timeStaffPage = async (
  runtime: LocalRuntime,
  path: string,
  demoStaffId: string,
  counts: Repetitions,
): Promise<number[]> => {
  const cookie = await signedInCookie(runtime, demoStaffId);
  return (await timePage(`${runtime.url}${path}`, cookie, counts)).samples;
};

/**
 * A page that lists cases, against the same data read without the page (the service's own list call):
 * the page, the data alone, and how many times the one takes the other.
 */
export const listPageAgainstItsData = async (
  runtime: LocalRuntime,
  page: {
    readonly name: string;
    readonly path: string;
    readonly demoStaffId: string;
    readonly note?: string;
  },
  data: { readonly name: string; readonly read: () => Promise<unknown> },
  counts: Repetitions,
): Promise<Measurement[]> => {
  const pageTimes = distributionOf(
    page.name,
    'ms',
    await timeStaffPage(runtime, page.path, page.demoStaffId, counts),
    page.note ? { note: page.note } : {},
  );
  await timeRepeatedly(counts.warmUp, data.read);
  const dataTimes = distributionOf(data.name, 'ms', await timeRepeatedly(counts.runs, data.read));
  return [pageTimes, dataTimes, ratioOf(`  page ÷ its data alone`, pageTimes, dataTimes)];
};
