import { benchAccessCheckAndAudit, benchDeniedAttemptToPsd } from '../../services/restricted-cases/bench.ts';
import { distributionOf, ratioOf } from '../stats.ts';
import { plainPutBaseline } from '../support/baselines.ts';
import { environmentValue, localClients } from '../support/local-clients.ts';
import { repetitions, timeStaffPage } from '../support/pages.ts';
import { fromServiceFigures } from '../support/service-figures.ts';
import type { BenchSection } from '../types.ts';

export const restrictedCasesSection: BenchSection = {
  name: 'restricted-cases',
  description:
    'access check + audit write warm; a refused attempt → PSD through the local queues; the PSD console',
  run: async (context) => {
    const counts = repetitions(context.quick);
    const clients = localClients(context.runtime);
    try {
      context.log('  access check + audit write');
      const access = await benchAccessCheckAndAudit({ runs: counts.runs, runtime: context.runtime });
      const put = await plainPutBaseline(
        clients,
        environmentValue(context.runtime, 'TABLE_RESTRICTED_CASES_CASES'),
        'cases',
        counts.runs,
      );
      const checkAndAudit = fromServiceFigures(
        'access check + audit write (load, decide, hash-chained audit entry)',
        access.checkAndAudit,
        access.runs,
        { note: 'services/restricted-cases/bench.ts, a colleague refused, warm' },
      );

      context.log('  refused attempt → PSD');
      const alerts = await benchDeniedAttemptToPsd({
        runs: context.quick ? 3 : 20,
        runtime: context.runtime,
      });

      context.log('  PSD console');
      const psdConsole = distributionOf(
        'PSD console /staff/restricted-cases/psd (restricted cases and alerts)',
        'ms',
        await timeStaffPage(context.runtime, '/staff/restricted-cases/psd', 'psd-investigator', counts),
      );
      return [
        fromServiceFigures('access decision alone (pure, in memory)', access.decision, access.runs),
        checkAndAudit,
        fromServiceFigures(
          'a whole refused attempt (load, decide, audit, queue the alert)',
          access.wholeAttempt,
          access.runs,
        ),
        put,
        ratioOf('access check + audit ÷ plain PutItem', checkAndAudit, put),
        fromServiceFigures(
          'refused attempt over HTTP → PSD alerts inbox',
          alerts.toAlertsInbox,
          alerts.runs,
          {
            note: 'one queue hop: access-alerts → deliver-access-alert',
          },
        ),
        fromServiceFigures(
          'refused attempt over HTTP → PSD staff inbox (/staff/notifications)',
          alerts.toStaffInbox,
          alerts.runs,
          { note: 'a second hop: staff-notifications → store-notification' },
        ),
        psdConsole,
      ];
    } finally {
      clients.destroy();
    }
  },
};
