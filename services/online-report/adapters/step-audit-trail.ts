import type { CaseRef } from '../../../shared/audit/chain.ts';
import type { DynamoAuditLog } from '../../../shared/audit/dynamo-audit-log.ts';
import type { StepAuditTrail, StepRecording } from '../domain/ports.ts';
import type { StepDone, WorkflowStep } from '../domain/step-audit.ts';

/**
 * The workflow's steps on the report's audit trail, each written exactly once: shared/audit's `recordOnce`
 * writes a step's entry with a mark keyed on the step, in one transaction, so of two attempts auditing one
 * step one commits and the other finds the mark; a write refused or lost leaves both or neither.
 */

const caseRefOf = (reportId: string): CaseRef => ({ service: 'online-report', caseId: reportId });

const workflowSteps: ReadonlySet<string> = new Set<WorkflowStep>([
  'opened',
  'dispatch-requested',
  'repeat-alerted',
  'serial-flagged',
]);

const isWorkflowStep = (action: string): action is WorkflowStep => workflowSteps.has(action);

/** The workflow's own entries, as distinct from the staff's views and changes on the same trail. */
export const workflowActor = { system: 'online-report' } as const;

export const stepAuditTrail = (audit: DynamoAuditLog): StepAuditTrail => ({
  async marked(reportId) {
    const marks = await audit.onceMarks(caseRefOf(reportId));
    return marks.flatMap((mark): StepDone[] =>
      isWorkflowStep(mark.action) ? [{ step: mark.action, key: mark.key }] : [],
    );
  },

  async workflowActions(reportId) {
    const entries = await audit.entries(caseRefOf(reportId));
    return entries.flatMap((entry) =>
      'system' in entry.actor && entry.actor.system === workflowActor.system ? [entry.action] : [],
    );
  },

  async markAudited(reportId, step) {
    await audit.markOnce(caseRefOf(reportId), step.key, step.step);
  },

  async recordOnce(reportId, step, recording: StepRecording) {
    const recorded = await audit.recordOnce(
      {
        caseRef: caseRefOf(reportId),
        actor: workflowActor,
        action: step.step,
        outcome: 'allowed',
        at: recording.now.toISOString(),
        correlationId: recording.correlationId,
      },
      step.key,
    );
    return recorded === 'already' ? 'already' : 'recorded';
  },
});
