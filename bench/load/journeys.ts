import { claresLawJourney } from './clares-law-journey.ts';
import type { Journey } from './journey.ts';
import { reportJourney } from './report-journey.ts';

/** The public journeys the sustained-load run can walk, by name; each is built for the day of the run. */
export const loadJourneys: Readonly<Record<string, (today: Date) => Journey>> = {
  report: reportJourney,
  'clares-law': claresLawJourney,
};
