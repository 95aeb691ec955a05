import { benchAuthoriseToSignedNotice, seedActiveNotices } from '../../services/dvpn/bench.ts';
import { dashboard } from '../../services/dvpn/case-service.ts';
import { caseServiceDependencies } from '../../services/dvpn/composition-root.ts';
import { listPageAgainstItsData, repetitions } from '../support/pages.ts';
import { fromServiceFigures } from '../support/service-figures.ts';
import type { BenchSection } from '../types.ts';

/** The dashboard is measured with this many served notices, their court clocks running. */
const activeNotices = 2000;

export const dvpnSection: BenchSection = {
  name: 'dvpn',
  description: `authorise → signed notice through the local queues; the unit dashboard with ${activeNotices} active notices`,
  run: async (context) => {
    const counts = repetitions(context.quick);
    const notices = context.quick ? 200 : activeNotices;

    context.log('  authorise → signed notice');
    const runs = context.quick ? 3 : 20;
    const authorised = await benchAuthoriseToSignedNotice(runs);

    context.log(`  seeding ${notices} served notices`);
    const seedStarted = performance.now();
    await seedActiveNotices(notices);
    const seedMs = performance.now() - seedStarted;

    context.log('  dashboard');
    const deps = caseServiceDependencies();
    const board = await listPageAgainstItsData(
      context.runtime,
      {
        name: `unit dashboard /staff/dvpn (${notices} served notices and the rest)`,
        path: '/staff/dvpn',
        demoStaffId: 'ppu-sergeant',
        note: `seeding them took ${Math.round(seedMs)} ms`,
      },
      {
        name: '  the dashboard read alone (case-service dashboard())',
        read: () => dashboard(deps, new Date()),
      },
      counts,
    );
    return [
      fromServiceFigures('authorise → signed notice on the case', authorised, authorised.samples, {
        note: 'services/dvpn/bench.ts: outbox → document-requests → render + sign + store → reply → case',
      }),
      ...board,
    ];
  },
};
