import { carriesPremisesCondition } from './draft-rules.ts';
import type { Considerations, DraftDetails } from './model.ts';
import type { RulesPack } from './rules-packs.ts';

export const considerationKeys = [
  'childWelfare',
  'protectedPersonOpinion',
  'recipientRepresentations',
  'reasonableStepsTaken',
  'otherOccupantsOpinion',
] as const;
export type ConsiderationKey = (typeof considerationKeys)[number];

export const considerationLabels: Readonly<Record<ConsiderationKey, string>> = {
  childWelfare:
    'I have considered the welfare of any person under 18 whose interests are relevant, whether or not they are associated with the recipient',
  protectedPersonOpinion:
    'I have considered the opinion of the person to be protected about issuing the notice',
  recipientRepresentations:
    'I have considered any representations the recipient made about issuing the notice',
  reasonableStepsTaken:
    'Reasonable steps were taken to find out the opinion of the person to be protected (their consent is not needed)',
  otherOccupantsOpinion:
    'I have considered the opinion of any other associated person who lives in the premises the conditions relate to',
};

/** The considerations the authoriser must affirm for this draft: s.24(3)(d) only where premises conditions apply. */
export const requiredConsiderations = (details: DraftDetails): ConsiderationKey[] =>
  considerationKeys.filter(
    (key) =>
      key !== 'otherOccupantsOpinion' ||
      (details.sharesPremises && carriesPremisesCondition(details.conditions)),
  );

export interface ConsiderationIssue {
  readonly field: string;
  readonly message: string;
  readonly source: string;
}

/**
 * CSA 2010 s.24(3)-(4) (DAA 2021 s.24): before issuing, the authoriser must consider each matter and take
 * reasonable steps to find out the protected person's opinion. Every one must be affirmed; none is implied.
 */
export const considerationIssues = (
  affirmed: readonly ConsiderationKey[],
  details: DraftDetails,
  pack: RulesPack,
): ConsiderationIssue[] =>
  requiredConsiderations(details)
    .filter((key) => !affirmed.includes(key))
    .map((key) => ({
      field: 'considerations',
      message: `Confirm: ${considerationLabels[key].charAt(0).toLowerCase()}${considerationLabels[key].slice(1)}`,
      source: pack.considerationsSource,
    }));

/** The record of what was affirmed, once every required consideration is. */
export const affirmedConsiderations = (details: DraftDetails): Considerations => ({
  childWelfare: true,
  protectedPersonOpinion: true,
  recipientRepresentations: true,
  reasonableStepsTaken: true,
  ...(requiredConsiderations(details).includes('otherOccupantsOpinion')
    ? { otherOccupantsOpinion: true as const }
    : {}),
});
