import {
  type Department,
  type Principal,
  type Rank,
  rankIndex,
  ranks,
} from '../../../shared/auth/principal.ts';
import type { NotificationAudience } from '../../../shared/contracts/staff-notification.ts';

/** Where a notification is addressed, without its display label: what the inbox is stored and read by. */
export type AudienceSelector =
  | { readonly kind: 'person'; readonly collarNumber: string }
  | { readonly kind: 'group'; readonly department?: Department; readonly minimumRank?: Rank };

export const selectorOf = (audience: NotificationAudience): AudienceSelector =>
  audience.kind === 'person'
    ? { kind: 'person', collarNumber: audience.collarNumber }
    : {
        kind: 'group',
        ...(audience.department ? { department: audience.department } : {}),
        ...(audience.minimumRank ? { minimumRank: audience.minimumRank } : {}),
      };

/**
 * Whether the principal is in the audience: the person by collar number; a group by department (when it
 * names one) and by holding at least its minimum rank (when it names one). Police staff hold no rank, so
 * a group with a minimum rank never includes them.
 */
export const isAddressedTo = (
  audience: NotificationAudience | AudienceSelector,
  principal: Principal,
): boolean => {
  if (audience.kind === 'person') return audience.collarNumber === principal.collarNumber;
  const inDepartment = audience.department === undefined || audience.department === principal.department;
  const ranksHighEnough =
    audience.minimumRank === undefined || rankIndex(principal.rank) >= rankIndex(audience.minimumRank);
  return inDepartment && ranksHighEnough;
};

/**
 * Every audience the principal belongs to: themselves, and each group of (their department or any) ×
 * (any rank, or a minimum rank at or below theirs). The inbox reads exactly these, each one a Query.
 */
export const audiencesOf = (principal: Principal): AudienceSelector[] => {
  const departmentChoices: (Department | undefined)[] = [undefined, principal.department];
  const rankChoices: (Rank | undefined)[] = [
    undefined,
    ...ranks.filter((rank) => rankIndex(rank) <= rankIndex(principal.rank)),
  ];
  const groups = departmentChoices.flatMap((department) =>
    rankChoices.map(
      (minimumRank): AudienceSelector => ({
        kind: 'group',
        ...(department ? { department } : {}),
        ...(minimumRank ? { minimumRank } : {}),
      }),
    ),
  );
  return [{ kind: 'person', collarNumber: principal.collarNumber }, ...groups];
};
