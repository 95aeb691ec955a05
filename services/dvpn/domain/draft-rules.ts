import { londonDateOf } from '../../../shared/calendar/index.ts';
import { ageAt } from './age.ts';
import type { DraftDetails } from './model.ts';
import {
  associationLabels,
  type OptionalCondition,
  optionalConditions,
  type RulesPack,
} from './rules-packs.ts';

/** A rule the draft breaks, named by the form field it concerns so the page can show it beside that field. */
export interface DraftIssue {
  readonly field: string;
  readonly message: string;
  readonly source?: string;
}

export const premisesConditions: readonly OptionalCondition[] = [
  'not-evict-or-exclude',
  'not-enter',
  'leave',
  'stay-away',
];

export const conditionLabels: Readonly<Record<OptionalCondition, string>> = {
  'no-contact': 'Not to contact the person protected',
  'not-evict-or-exclude': 'Not to evict or exclude the person protected from the premises',
  'not-enter': 'Not to enter the premises',
  leave: 'To leave the premises',
  'stay-away': 'Not to come within a stated distance of the premises',
};

/** Conditions the pack lets this draft carry, given whether the recipient and protected person share premises. */
export const availableConditions = (pack: RulesPack, sharesPremises: boolean): OptionalCondition[] =>
  optionalConditions.filter((condition) => {
    const availability = pack.conditions[condition];
    return availability === 'any' || (availability === 'shared-premises' && sharesPremises);
  });

export const carriesPremisesCondition = (conditions: readonly OptionalCondition[]): boolean =>
  conditions.some((condition) => premisesConditions.includes(condition));

const conditionIssues = (
  conditions: readonly OptionalCondition[],
  sharesPremises: boolean,
  distance: number | undefined,
  premisesAddress: string | undefined,
  pack: RulesPack,
  field: string,
): DraftIssue[] => {
  const issues: DraftIssue[] = [];
  const allowed = availableConditions(pack, sharesPremises);
  for (const condition of conditions) {
    if (allowed.includes(condition)) continue;
    issues.push({
      field,
      message:
        pack.conditions[condition] === 'unavailable'
          ? `A ${pack.noticeAbbreviation} cannot include the condition: ${conditionLabels[condition].toLowerCase()}`
          : `The condition "${conditionLabels[condition].toLowerCase()}" can only be included where the recipient and the person protected live in the same premises`,
      source: pack.conditionsSource,
    });
  }
  if (conditions.includes('stay-away') && distance === undefined) {
    issues.push({
      field: 'stayAwayDistance',
      message: 'Enter the distance in metres the recipient must stay away from the premises',
      source: pack.conditionsSource,
    });
  }
  if (carriesPremisesCondition(conditions) && !premisesAddress) {
    issues.push({
      field: 'premisesAddress',
      message: 'Enter the address of the premises the conditions relate to',
      source: pack.conditionsSource,
    });
  }
  return issues;
};

/**
 * The pack's rules a draft must meet before it can be saved: who may be protected, on what grounds, and
 * which conditions the notice may carry. The recipient's age is tested at authorisation, when the notice
 * is issued (CSA 2010 s.24(2)).
 */
export const draftIssues = (details: DraftDetails, pack: RulesPack, now: Date): DraftIssue[] => {
  const issues: DraftIssue[] = [];
  if (details.recipient.dateOfBirth > londonDateOf(now)) {
    issues.push({
      field: 'recipientDateOfBirth',
      message: "The recipient's date of birth must be in the past",
    });
  }
  if (!pack.associations.includes(details.protectedPerson.association)) {
    issues.push({
      field: 'association',
      message: `Under the ${pack.act} the recipient cannot be associated in this way: "${associationLabels[details.protectedPerson.association]}" is not enough`,
      source: pack.associationSource,
    });
  }
  if (pack.protectedPersonMinimumAge !== null) {
    const dateOfBirth = details.protectedPerson.dateOfBirth;
    if (dateOfBirth === undefined) {
      issues.push({
        field: 'protectedDateOfBirth',
        message: 'Enter the date of birth of the person to be protected',
        source: pack.protectedPersonAgeSource,
      });
    } else if (ageAt(dateOfBirth, now) < pack.protectedPersonMinimumAge) {
      issues.push({
        field: 'protectedDateOfBirth',
        message: `A ${pack.noticeAbbreviation} can only protect a person aged ${pack.protectedPersonMinimumAge} or over`,
        source: pack.protectedPersonAgeSource,
      });
    }
  }
  if (new Date(details.incident.occurredAt).getTime() > now.getTime()) {
    issues.push({ field: 'incidentDate', message: 'The date of the incident must be in the past' });
  }
  if (!pack.grounds.includes(details.grounds.kind)) {
    issues.push({
      field: 'groundsKind',
      message: `A ${pack.noticeAbbreviation} can only be issued for violence or a threat of violence`,
      source: pack.testSource,
    });
  }
  if (details.children.relevant && !details.children.details) {
    issues.push({
      field: 'childrenDetails',
      message: 'Enter the children whose welfare is relevant and why',
      source: pack.considerationsSource,
    });
  }
  if (carriesPremisesCondition(details.conditions) && details.sharesPremises && !details.otherOccupants) {
    issues.push({
      field: 'otherOccupants',
      message:
        'Enter any other associated people who live at the premises and their opinion, or "None" if there are none',
      source: pack.considerationsSource,
    });
  }
  issues.push(
    ...conditionIssues(
      details.conditions,
      details.sharesPremises,
      details.stayAwayDistanceMetres,
      details.premisesAddress,
      pack,
      'conditions',
    ),
  );
  return issues;
};

/** The same condition rules applied to what is sought from, or granted by, the court. */
export const orderConditionIssues = (
  conditions: readonly OptionalCondition[],
  details: DraftDetails,
  distance: number | undefined,
  pack: RulesPack,
): DraftIssue[] =>
  conditionIssues(conditions, details.sharesPremises, distance, details.premisesAddress, pack, 'conditions');
