import type { BenchSection } from '../types.ts';
import { bundleSizeSection, coldImportSection } from './bundles.ts';
import { claresLawSection } from './clares-law.ts';
import { documentsSection } from './documents.ts';
import { dvpnSection } from './dvpn.ts';
import { inboxPageSection } from './inbox-page.ts';
import { localStartSection } from './local-start.ts';
import { onlineReportSection } from './online-report.ts';
import { restrictedCasesSection } from './restricted-cases.ts';
import { staffNotificationsQueueSection } from './staff-notifications-queue.ts';
import { claresLawLoadSection, reportLoadSection } from './sustained-load.ts';

/**
 * Every section `npm run bench` runs, in this order: the platform's, then one per service, then the
 * sustained load, last because it leaves thousands of reports behind.
 *
 * Adding a service: export its bench functions from `services/<service>/bench.ts` (they take counts and
 * return figures; they may use the runtime's environment, which is in `process.env` while the bench runs),
 * adapt them to a `BenchSection` in `bench/sections/<service>.ts`, and list it below.
 */
export const benchSections: readonly BenchSection[] = [
  // Platform
  bundleSizeSection,
  coldImportSection,
  localStartSection,
  inboxPageSection,
  staffNotificationsQueueSection,
  // Services
  documentsSection,
  onlineReportSection,
  dvpnSection,
  restrictedCasesSection,
  claresLawSection,
  // Sustained load
  reportLoadSection,
  claresLawLoadSection,
];
