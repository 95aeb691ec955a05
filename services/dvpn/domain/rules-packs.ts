import type { Rank } from '../../../shared/auth/principal.ts';
import { csa2010HearingDeadline, type HolidaySource } from '../../../shared/calendar/index.ts';

/** Who the recipient may be to the person protected: the two Acts draw the circle differently. */
export const associationKinds = [
  'spouse-or-former-spouse',
  'civil-partner-or-former-civil-partner',
  'cohabitant-or-former-cohabitant',
  'same-household',
  'relative',
  'agreed-to-marry-or-form-civil-partnership',
  'intimate-personal-relationship',
  'parent-of-same-child',
  'same-family-proceedings',
] as const;
export type AssociationKind = (typeof associationKinds)[number];

export const associationLabels: Readonly<Record<AssociationKind, string>> = {
  'spouse-or-former-spouse': 'They are or have been married to each other',
  'civil-partner-or-former-civil-partner': 'They are or have been civil partners of each other',
  'cohabitant-or-former-cohabitant': 'They are or have been cohabitants',
  'same-household':
    'They live or have lived in the same household (not as employee, tenant, lodger or boarder)',
  relative: 'They are relatives (family, in-law or step)',
  'agreed-to-marry-or-form-civil-partnership':
    'They have agreed to marry or to form a civil partnership (agreement may since have ended)',
  'intimate-personal-relationship': 'They have or have had an intimate personal relationship',
  'parent-of-same-child': 'They are each a parent of, or have parental responsibility for, the same child',
  'same-family-proceedings': 'They are parties to the same family proceedings',
};

export const groundKinds = ['violence', 'threat-of-violence', 'abusive-behaviour'] as const;
export type GroundKind = (typeof groundKinds)[number];

export const groundLabels: Readonly<Record<GroundKind, string>> = {
  violence: 'The recipient has been violent towards the person to be protected',
  'threat-of-violence': 'The recipient has threatened violence towards the person to be protected',
  'abusive-behaviour':
    'The recipient has been abusive towards the person to be protected (any form of domestic abuse)',
};

/** Conditions a notice may carry besides the one it always carries. */
export const optionalConditions = [
  'no-contact',
  'not-evict-or-exclude',
  'not-enter',
  'leave',
  'stay-away',
] as const;
export type OptionalCondition = (typeof optionalConditions)[number];

/** `shared-premises`: only where the recipient lives in premises the protected person also lives in. */
export type ConditionAvailability = 'any' | 'shared-premises' | 'unavailable';

export type RulesPackId = 'dvpn' | 'dapn';

export interface OrderDuration {
  readonly minimumDays: number;
  /** Null where the Act sets no maximum (the court may make the order until further order). */
  readonly maximumDays: number | null;
}

/**
 * The statutory rules of one notice regime, chosen by configuration. Everything that differs between the
 * Crime and Security Act 2010 and the Domestic Abuse Act 2021 pilot lives here, so the workflow reads the
 * pack and never the name of an Act.
 */
export interface RulesPack {
  readonly id: RulesPackId;
  /** Bumped whenever a rule in the pack changes; each case records the version it ran under. */
  readonly version: string;
  readonly act: string;
  readonly noticeName: string;
  readonly noticeAbbreviation: string;
  readonly orderName: string;
  readonly orderAbbreviation: string;
  readonly authoriserMinimumRank: Rank;
  readonly authoriserSource: string;
  readonly recipientMinimumAge: number;
  readonly recipientAgeSource: string;
  /** Null where the Act sets no age for the person protected. */
  readonly protectedPersonMinimumAge: number | null;
  readonly protectedPersonAgeSource: string;
  readonly associations: readonly AssociationKind[];
  readonly associationSource: string;
  readonly grounds: readonly GroundKind[];
  readonly testSource: string;
  readonly considerationsSource: string;
  /** The prohibition every notice carries. */
  readonly mandatoryCondition: { readonly text: string; readonly source: string };
  readonly conditions: Readonly<Record<OptionalCondition, ConditionAvailability>>;
  readonly conditionsSource: string;
  readonly contentSource: string;
  readonly arrestSource: string;
  readonly clockSource: string;
  /** Latest time the magistrates' court must hear the application, from the moment of service. */
  hearingDeadline(servedAt: Date, holidays: HolidaySource): Date;
  readonly orderDuration: OrderDuration;
  readonly orderDurationSource: string;
  /** What the court may put in an order, stated on the notice. */
  readonly orderMayContain: string;
}

/** Family Law Act 1996 s.62(3), which CSA 2010 s.24(9) adopts. */
const familyLawActAssociations: readonly AssociationKind[] = associationKinds;

/** Domestic Abuse Act 2021 s.2: "personally connected" leaves out sharing a household without more. */
const personallyConnected: readonly AssociationKind[] = [
  'spouse-or-former-spouse',
  'civil-partner-or-former-civil-partner',
  'agreed-to-marry-or-form-civil-partnership',
  'intimate-personal-relationship',
  'parent-of-same-child',
  'relative',
];

export const dvpnPack: RulesPack = {
  id: 'dvpn',
  version: 'csa2010-1',
  act: 'Crime and Security Act 2010',
  noticeName: 'Domestic Violence Protection Notice',
  noticeAbbreviation: 'DVPN',
  orderName: 'Domestic Violence Protection Order',
  orderAbbreviation: 'DVPO',
  authoriserMinimumRank: 'superintendent',
  authoriserSource: 'Crime and Security Act 2010 s.24(1)',
  recipientMinimumAge: 18,
  recipientAgeSource: 'Crime and Security Act 2010 s.24(2)',
  protectedPersonMinimumAge: null,
  protectedPersonAgeSource: 'Crime and Security Act 2010 s.24(2)',
  associations: familyLawActAssociations,
  associationSource: 'Crime and Security Act 2010 s.24(9); Family Law Act 1996 s.62(3)',
  grounds: ['violence', 'threat-of-violence'],
  testSource: 'Crime and Security Act 2010 s.24(2)',
  considerationsSource: 'Crime and Security Act 2010 s.24(3)-(5)',
  mandatoryCondition: {
    text: 'You must not molest the person protected by this notice.',
    source: 'Crime and Security Act 2010 s.24(6)',
  },
  conditions: {
    'no-contact': 'unavailable',
    'not-evict-or-exclude': 'shared-premises',
    'not-enter': 'shared-premises',
    leave: 'shared-premises',
    'stay-away': 'shared-premises',
  },
  conditionsSource: 'Crime and Security Act 2010 s.24(8)',
  contentSource: 'Crime and Security Act 2010 s.25',
  arrestSource: 'Crime and Security Act 2010 s.26',
  clockSource: 'Crime and Security Act 2010 s.27(3)-(4)',
  hearingDeadline: (servedAt, holidays) => csa2010HearingDeadline(servedAt, holidays),
  orderDuration: { minimumDays: 14, maximumDays: 28 },
  orderDurationSource: 'Crime and Security Act 2010 s.28(10)',
  orderMayContain:
    'A Domestic Violence Protection Order must prohibit you from molesting the person it protects. Where you ' +
    'live in the same premises, it may also prohibit you from evicting or excluding them, prohibit you from ' +
    'entering the premises, require you to leave them, or prohibit you from coming within a stated distance ' +
    'of them. It lasts from 14 to 28 days from the day the court makes it.',
};

export const dapnPack: RulesPack = {
  id: 'dapn',
  version: 'daa2021-1',
  act: 'Domestic Abuse Act 2021 Part 3',
  noticeName: 'Domestic Abuse Protection Notice',
  noticeAbbreviation: 'DAPN',
  orderName: 'Domestic Abuse Protection Order',
  orderAbbreviation: 'DAPO',
  authoriserMinimumRank: 'inspector',
  authoriserSource: 'Domestic Abuse Act 2021 s.22(1), (8)',
  recipientMinimumAge: 18,
  recipientAgeSource: 'Domestic Abuse Act 2021 s.22(6)',
  protectedPersonMinimumAge: 16,
  protectedPersonAgeSource: 'Domestic Abuse Act 2021 s.22(2)-(3)',
  associations: personallyConnected,
  associationSource: 'Domestic Abuse Act 2021 s.2',
  grounds: ['violence', 'threat-of-violence', 'abusive-behaviour'],
  testSource: 'Domestic Abuse Act 2021 s.22(3)-(4)',
  considerationsSource: 'Domestic Abuse Act 2021 s.24',
  mandatoryCondition: {
    text: 'You must not be abusive towards the person protected by this notice.',
    source: 'Domestic Abuse Act 2021 s.22(2)',
  },
  conditions: {
    'no-contact': 'any',
    'not-evict-or-exclude': 'shared-premises',
    'not-enter': 'shared-premises',
    leave: 'shared-premises',
    'stay-away': 'any',
  },
  conditionsSource: 'Domestic Abuse Act 2021 s.23',
  contentSource: 'Domestic Abuse Act 2021 s.25',
  arrestSource: 'Domestic Abuse Act 2021 s.26',
  clockSource: 'Domestic Abuse Act 2021 s.29(2)-(3)',
  // s.29(3) disregards the same days as CSA 2010 s.27(4), counted from the giving (service) of the notice.
  hearingDeadline: (servedAt, holidays) => csa2010HearingDeadline(servedAt, holidays),
  orderDuration: { minimumDays: 1, maximumDays: null },
  orderDurationSource: 'Domestic Abuse Act 2021 s.38(3)',
  orderMayContain:
    'A Domestic Abuse Protection Order may impose any requirement the court considers necessary to protect ' +
    'the person from domestic abuse, including prohibitions on contact and on entering or coming near ' +
    'premises, requirements to leave premises, and electronic monitoring. It may last for a stated period, ' +
    'until a stated event or until further order.',
};

export const rulesPacks: Readonly<Record<RulesPackId, RulesPack>> = { dvpn: dvpnPack, dapn: dapnPack };

export const rulesPackIds = ['dvpn', 'dapn'] as const satisfies readonly RulesPackId[];

export const isRulesPackId = (value: string): value is RulesPackId => value in rulesPacks;
