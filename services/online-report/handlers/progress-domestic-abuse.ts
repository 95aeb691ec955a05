import { sqsConsumer } from '../../../shared/messaging/consumer.ts';
import { sqsPublisher } from '../../../shared/messaging/publish.ts';
import { currentCorrelationId } from '../../../shared/observability/correlation.ts';
import { dutySergeantAlerts } from '../adapters/duty-sergeant-alerts.ts';
import { localCommandAndControl } from '../adapters/local-command-and-control.ts';
import { reportStore, stepAuditTrail } from '../composition-root.ts';
import { DomesticAbuseIdentified } from '../contracts.ts';
import { progressDomesticAbuseReport } from '../domain/workflow.ts';

const store = reportStore();
const auditTrail = stepAuditTrail();
const publisher = sqsPublisher();

/**
 * Takes a report in which domestic abuse is apparent to its incident log, dispatch request, repeat alert
 * and serial-perpetrator flag (000 §8.3.1). Every step checks the log first, and the match decision is
 * kept under the message's id, so a retry or a duplicate delivery finishes what a failed attempt began
 * without counting or alerting twice. Each step the log shows done is then audited unless the trail holds
 * it already, so a step whose attempt failed before auditing it is audited by the next, and once. After
 * five failures the message goes to the dead-letter queue, which alarms.
 */
export const handler = sqsConsumer({
  name: 'online-report.progress-domestic-abuse',
  schemas: DomesticAbuseIdentified,
  handle: async (message, { logger }) => {
    const now = new Date();
    const correlationId = currentCorrelationId() ?? message.correlationId;
    const outcome = await progressDomesticAbuseReport(
      message.data.reportId,
      {
        repository: store,
        commandAndControl: localCommandAndControl(store),
        alerts: dutySergeantAlerts(publisher, () => ({ now, correlationId })),
        auditTrail,
      },
      { now, correlationId, identificationId: message.id },
    );
    logger.info('Domestic abuse report progressed', {
      messageId: message.id,
      outcome: outcome.kind,
      steps: outcome.kind === 'progressed' ? outcome.steps : [],
      audited: outcome.audited,
    });
  },
});
