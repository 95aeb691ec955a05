import type { IncidentLog } from './incident-log.ts';

/**
 * Every change the domestic-abuse workflow makes to a case is audited exactly once (DPA 2018 s.62;
 * docs/architecture.md "People and access"), whichever attempt made it. An attempt can make a change and
 * fail before auditing it (a crash, a timeout, a refused audit write), or lose a race to a duplicate
 * delivery and throw; the retry then finds the change made and would not audit it. So what is audited is
 * not "what this attempt did" but "what the log shows done, less what the trail already holds". Pure.
 */

export type WorkflowStep = 'opened' | 'dispatch-requested' | 'repeat-alerted' | 'serial-flagged';

/** One change the workflow made to a log, keyed so that the same change always has the same key. */
export interface StepDone {
  readonly step: WorkflowStep;
  /**
   * Unique within the report. A step that happens once per log is its own key; a serial-perpetrator flag
   * can be raised again with more victims (the report recorded as domestic abuse again later), so its key
   * names the count.
   */
  readonly key: string;
}

/** The workflow's changes a log shows, in the order the workflow makes them. */
export const stepsDoneOn = (log: IncidentLog): StepDone[] => {
  const done: StepDone[] = [];
  // A log opened by staff is audited as their marking; the workflow opens only the screen's logs.
  if (log.opened.by === 'screening') done.push({ step: 'opened', key: 'opened' });
  if (log.dispatch) done.push({ step: 'dispatch-requested', key: 'dispatch-requested' });
  if (log.repeat) done.push({ step: 'repeat-alerted', key: 'repeat-alerted' });
  if (log.serialPerpetrator) {
    done.push({ step: 'serial-flagged', key: `serial-flagged-${log.serialPerpetrator.victimCount}` });
  }
  return done;
};

export interface StepAuditPlan {
  /** Steps with no entry in the trail: each entry is to be written, with its marker, once. */
  readonly toAudit: readonly StepDone[];
  /** Steps whose entry was written before markers were kept: only the marker is missing. */
  readonly auditedWithoutMarker: readonly StepDone[];
}

/**
 * What is left to audit of the steps a log shows. `marked` are the steps whose entry the trail holds,
 * each written in one write with its marker, so a marker exists exactly when its entry does. An entry of
 * the workflow with no marker (`trailActions` holds the action of every entry the workflow wrote) was
 * written before markers were kept: that many unmarked steps of its action count as audited, oldest
 * first. A step this attempt took itself (`takenNow`) cannot be one of those.
 */
export const planStepAudit = (
  done: readonly StepDone[],
  takenNow: readonly WorkflowStep[],
  marked: readonly StepDone[],
  trailActions: readonly string[],
): StepAuditPlan => {
  const markedKeys = new Set(marked.map((step) => step.key));
  const unmarkedEntries = new Map<string, number>();
  for (const action of trailActions) unmarkedEntries.set(action, (unmarkedEntries.get(action) ?? 0) + 1);
  for (const { step } of marked) unmarkedEntries.set(step, (unmarkedEntries.get(step) ?? 0) - 1);
  const toAudit: StepDone[] = [];
  const auditedWithoutMarker: StepDone[] = [];
  for (const step of done) {
    if (markedKeys.has(step.key)) continue;
    const left = unmarkedEntries.get(step.step) ?? 0;
    if (left > 0 && !takenNow.includes(step.step)) {
      auditedWithoutMarker.push(step);
      unmarkedEntries.set(step.step, left - 1);
    } else {
      toAudit.push(step);
    }
  }
  return { toAudit, auditedWithoutMarker };
};
