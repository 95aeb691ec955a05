import { recordAccess } from '../../../shared/audit/audit-log.ts';
import { pageHandler, view } from '../../../shared/http/index.ts';
import { caseRefOf } from '../case-service.ts';
import { alertInbox } from '../composition-root.ts';
import { needsAttention } from '../domain/alerts.ts';
import { psdOnly } from '../manifest.ts';
import { alertView } from '../view-models.ts';
import { deniedAccessRecorder, dependencies } from '../web.ts';

/** The alerts inbox has its own chain: who read the record of who tried to read what. */
export const alertsInboxChain = 'psd-alerts-inbox';

/** PSD's alerts: every attempt on a restricted case, those needing attention first unless all are asked for. */
export const handler = pageHandler({
  policy: psdOnly,
  deniedAccess: deniedAccessRecorder(),
  handle: async (request) => {
    const showAll = request.query.show === 'all';
    await recordAccess(dependencies().auditLog, {
      principal: request.principal,
      caseRef: caseRefOf(alertsInboxChain),
      action: 'view-alerts-inbox',
      outcome: 'allowed',
      correlationId: request.correlationId,
      now: request.now,
    });
    const alerts = await alertInbox().recent(200);
    const shown = showAll ? alerts : alerts.filter(needsAttention);
    return view('restricted-cases/alerts.njk', {
      showAll,
      alerts: shown.map(alertView),
      total: alerts.length,
      attentionCount: alerts.filter(needsAttention).length,
    });
  },
});
