import { sqsConsumer } from '../../../shared/messaging/consumer.ts';
import { sqsPublisher } from '../../../shared/messaging/publish.ts';
import { currentCorrelationId } from '../../../shared/observability/correlation.ts';
import { dutySergeantAlerts } from '../adapters/duty-sergeant-alerts.ts';
import { localCommandAndControl } from '../adapters/local-command-and-control.ts';
import { auditLog, reportStore } from '../composition-root.ts';
import { DomesticAbuseIdentified } from '../contracts.ts';
import { progressDomesticAbuseReport } from '../domain/workflow.ts';

const store = reportStore();
const audit = auditLog();
const publisher = sqsPublisher();

/**
 * Takes a report in which domestic abuse is apparent to its incident log, dispatch request, repeat alert
 * and serial-perpetrator flag (000 §8.3.1). Every step checks the log first, and the match decision is
 * kept under the message's id, so a retry or a duplicate delivery finishes what a failed attempt began
 * without counting or alerting twice; after five failures the message goes to the dead-letter queue,
 * which alarms.
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
      },
      { now, correlationId, identificationId: message.id },
    );
    if (outcome.kind === 'progressed') {
      for (const step of outcome.steps) {
        await audit.record({
          caseRef: { service: 'online-report', caseId: message.data.reportId },
          actor: { system: 'online-report' },
          action: step,
          outcome: 'allowed',
          at: now.toISOString(),
          correlationId,
        });
      }
    }
    logger.info('Domestic abuse report progressed', {
      messageId: message.id,
      outcome: outcome.kind,
      steps: outcome.kind === 'progressed' ? outcome.steps : [],
    });
  },
});
