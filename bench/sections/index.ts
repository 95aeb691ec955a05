import type { BenchSection } from '../types.ts';
import { bundleSizeSection, coldImportSection } from './bundles.ts';
import { documentsSection } from './documents.ts';
import { inboxPageSection } from './inbox-page.ts';
import { localStartSection } from './local-start.ts';
import { staffNotificationsQueueSection } from './staff-notifications-queue.ts';

/**
 * Every section `npm run bench` runs, in this order. The platform's come first; then one per service.
 *
 * Adding a service: export its bench functions from `services/<service>/bench.ts` (they take counts and
 * return figures; they may use the runtime's environment, which is in `process.env` while the bench runs),
 * adapt them to a `BenchSection` in `bench/sections/<service>.ts`, and list it below. Services whose bench
 * is not written yet: dvpn, online-report, clares-law, restricted-cases.
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
];
