import * as z from 'zod';

/**
 * The editions of the scheme's timescales. A case records the edition it was opened under and keeps it to
 * the end, so a force can show which rules a case ran under after the guidance changes again.
 *
 * Stage clocks come from the APP text (seed 002), unchanged between editions. The overall limit, from
 * application to disclosure decision, was 35 calendar days in the Home Office guidance as revised in 2016
 * and is 28 calendar days in the statutory guidance issued under the Domestic Abuse Act 2021 s.77 (2023).
 */
export const ruleSetIds = ['dvds-2023', 'dvds-2016'] as const;
export const RuleSetId = z.enum(ruleSetIds);
export type RuleSetId = z.infer<typeof RuleSetId>;

export const clockIds = [
  'initial-checks',
  'meeting',
  'risk-assessment',
  'categorisation',
  'overall',
] as const;
export const ClockId = z.enum(clockIds);
export type ClockId = z.infer<typeof ClockId>;

export interface ClockDefinition {
  /** A shared/calendar rule: `hours:24`, `working-days:10`, `calendar-days:28`. */
  readonly rule: string;
  readonly label: string;
  readonly source: string;
}

export interface RuleSet {
  readonly id: RuleSetId;
  readonly title: string;
  readonly clocks: Readonly<Record<ClockId, ClockDefinition>>;
}

const stageClocks = {
  'initial-checks': {
    rule: 'hours:24',
    label: 'Initial checks',
    source: 'APP DVDS: initial checks should be completed within 24 hours',
  },
  meeting: {
    rule: 'working-days:10',
    label: 'Face-to-face meeting',
    source: 'APP DVDS: no more than 10 working days after initial contact',
  },
  'risk-assessment': {
    rule: 'working-days:5',
    label: 'Full risk assessment',
    source: 'APP DVDS: within five working days where the applicant is the potential victim',
  },
  categorisation: {
    rule: 'working-days:5',
    label: 'Concern or no concern',
    source: 'APP DVDS: within five working days of the meeting or of receipt of the indirect information',
  },
} as const satisfies Record<Exclude<ClockId, 'overall'>, ClockDefinition>;

export const ruleSets: Readonly<Record<RuleSetId, RuleSet>> = {
  'dvds-2023': {
    id: 'dvds-2023',
    title: 'Statutory guidance under the Domestic Abuse Act 2021 s.77 (2023): 28 calendar days',
    clocks: {
      ...stageClocks,
      overall: {
        rule: 'calendar-days:28',
        label: 'Decision within 28 days',
        source: 'DVDS statutory guidance 2023: application to disclosure decision within 28 calendar days',
      },
    },
  },
  'dvds-2016': {
    id: 'dvds-2016',
    title: 'Home Office DVDS guidance (2016 revision): 35 calendar days',
    clocks: {
      ...stageClocks,
      overall: {
        rule: 'calendar-days:35',
        label: 'Decision within 35 days',
        source: 'Home Office DVDS guidance 2016: application to disclosure decision within 35 calendar days',
      },
    },
  },
};

/** The edition new cases open under. */
export const currentRuleSetId: RuleSetId = 'dvds-2023';

export const ruleSetOf = (id: RuleSetId): RuleSet => ruleSets[id];
