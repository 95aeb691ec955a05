import { type Principal, rankIndex, ranks } from '../../../shared/auth/principal.ts';
import {
  type AccessListMember,
  type Conflict,
  type Grant,
  isNeedToKnow,
  type MemberRole,
  type RestrictedCase,
} from './model.ts';

/**
 * Who may do what with a restricted case: one pure decision, so that every page, search, list and export
 * asks the same question and the whole matrix can be tested as a table (APP "Access to records"; PP/04 §7).
 */

/** Everything a member of staff can attempt. Each attempt is audited and PSD is told, allowed or denied. */
export const accessActions = [
  'open',
  'search',
  'list',
  'export',
  'view-access-log',
  'restrict',
  'change-restriction',
  'lift-restriction',
  'manage-access-list',
  'decide-safeguarding-request',
  'review-break-glass',
  'record-outcome',
  'share-without-consent',
  'request-safeguarding-access',
  'break-glass',
  'log-workplace-incident',
] as const;
export type AccessAction = (typeof accessActions)[number];

/** Seeing the case or finding it: what the need-to-know list governs. */
export const readingActions: readonly AccessAction[] = ['open', 'search', 'list'];

/** The Professional Standards Department's own work on the case. */
export const psdActions: readonly AccessAction[] = [
  'export',
  'view-access-log',
  'manage-access-list',
  'review-break-glass',
  'record-outcome',
  'share-without-consent',
];

export const restrictionActions: readonly AccessAction[] = [
  'restrict',
  'change-restriction',
  'lift-restriction',
];

export const allowedReasons = {
  psd: 'Professional Standards Department',
  'investigating-team': 'on the access list: investigating team',
  'reporting-victim': 'the member of staff who made this confidential report',
  'named-person': 'on the access list: named by PSD until the end date',
  'safeguarding-grant': 'safeguarding access granted for a limited time',
  'break-glass': 'emergency safeguarding access (break glass), to be reviewed',
  'not-restricted': 'the case is not restricted',
  'chief-inspector-or-above': 'chief inspector or above',
  'protecting-victim-or-child': 'any officer protecting the victim or a child may ask',
  'recorded-the-allegation': 'recorded the allegation: its confirmation only',
} as const;

export const deniedReasons = {
  'no-such-case': 'no case with that reference',
  suspect: 'the suspect in the case',
  conflicted: 'barred by PSD: conflicted',
  'not-on-access-list': 'not on the access list',
  'named-access-ended': 'named access has ended',
  'grant-expired': 'safeguarding access has expired',
  'grant-pending': 'safeguarding access not yet granted',
  'grant-refused': 'safeguarding access was refused',
  'psd-only': 'only the Professional Standards Department may do this',
  'rank-below-chief-inspector': 'needs the rank of chief inspector or above',
  'psd-or-chief-inspector': 'only PSD or a chief inspector or above may decide',
  'reporting-victim-only': 'only the member of staff who made the report may add to it',
} as const;

export type AllowedReason = keyof typeof allowedReasons;
export type DeniedReason = keyof typeof deniedReasons;

export type AccessDecision =
  | { readonly allowed: true; readonly reason: AllowedReason }
  | { readonly allowed: false; readonly reason: DeniedReason };

export interface AccessList {
  readonly members: readonly AccessListMember[];
  readonly conflicts: readonly Conflict[];
}

export interface AccessQuestion {
  readonly principal: Principal;
  readonly theCase: RestrictedCase;
  readonly accessList: AccessList;
  readonly grants: readonly Grant[];
  readonly now: Date;
  readonly action: AccessAction;
}

export type GrantState = 'pending' | 'active' | 'expired' | 'refused';

/** Where a grant stands at `now`: a referred break glass ends when it is referred (its `validUntil`). */
export const grantState = (grant: Grant, now: Date): GrantState => {
  if (grant.status === 'pending') return 'pending';
  if (grant.status === 'refused') return 'refused';
  return grant.validUntil !== undefined && now.getTime() < Date.parse(grant.validUntil)
    ? 'active'
    : 'expired';
};

/** A named person's access runs until its end date; the rest of the list has no end. */
export const memberIsCurrent = (member: AccessListMember, now: Date): boolean =>
  member.until === undefined || now.getTime() < Date.parse(member.until);

const allow = (reason: AllowedReason): AccessDecision => ({ allowed: true, reason });
const deny = (reason: DeniedReason): AccessDecision => ({ allowed: false, reason });

type Standing =
  | { readonly on: true; readonly reason: AllowedReason; readonly role?: MemberRole | 'psd' | 'grant' }
  | { readonly on: false; readonly lapsed?: DeniedReason };

const memberReason: Record<MemberRole, AllowedReason> = {
  'investigating-team': 'investigating-team',
  'reporting-victim': 'reporting-victim',
  named: 'named-person',
};

/** The principal's place on the need-to-know list, strongest first; or why a place they had has lapsed. */
const standingOf = (question: AccessQuestion): Standing => {
  const { principal, accessList, grants, now } = question;
  if (principal.department === 'PSD') return { on: true, reason: 'psd', role: 'psd' };
  const mine = accessList.members.filter((member) => member.collarNumber === principal.collarNumber);
  const current = mine.filter((member) => memberIsCurrent(member, now));
  for (const role of ['investigating-team', 'reporting-victim', 'named'] as const) {
    if (current.some((member) => member.role === role)) return { on: true, reason: memberReason[role], role };
  }
  const myGrants = grants.filter((grant) => grant.grantee.collarNumber === principal.collarNumber);
  const active = myGrants.find((grant) => grantState(grant, now) === 'active');
  if (active) {
    return {
      on: true,
      reason: active.kind === 'break-glass' ? 'break-glass' : 'safeguarding-grant',
      role: 'grant',
    };
  }
  if (mine.length > 0) return { on: false, lapsed: 'named-access-ended' };
  const states = new Set(myGrants.map((grant) => grantState(grant, now)));
  if (states.has('expired')) return { on: false, lapsed: 'grant-expired' };
  if (states.has('pending')) return { on: false, lapsed: 'grant-pending' };
  if (states.has('refused')) return { on: false, lapsed: 'grant-refused' };
  return { on: false };
};

const chiefInspectorIndex = ranks.indexOf('chief-inspector');

export const isChiefInspectorOrAbove = (principal: Principal): boolean =>
  rankIndex(principal.rank) >= chiefInspectorIndex;

/**
 * May this member of staff do this to this case, now? The suspect and anyone PSD lists as conflicted are
 * refused everything whatever their rank or department (APP "Access to records"); everyone else is judged
 * by their place on the need-to-know list, their rank and any safeguarding grant.
 */
export const decideAccess = (question: AccessQuestion): AccessDecision => {
  const { principal, theCase, accessList, action } = question;
  if (theCase.suspect?.collarNumber === principal.collarNumber) return deny('suspect');
  if (accessList.conflicts.some((conflict) => conflict.collarNumber === principal.collarNumber)) {
    return deny('conflicted');
  }
  const standing = standingOf(question);

  if (readingActions.includes(action)) {
    if (standing.on) return allow(standing.reason);
    if (!isNeedToKnow(theCase)) return allow('not-restricted');
    return deny(standing.lapsed ?? 'not-on-access-list');
  }
  if (psdActions.includes(action)) {
    return standing.on && standing.role === 'psd' ? allow('psd') : deny('psd-only');
  }
  if (restrictionActions.includes(action)) {
    if (!isChiefInspectorOrAbove(principal)) return deny('rank-below-chief-inspector');
    // Grants let an officer read what they need to protect someone; they do not carry authority over the record.
    const onTheList = standing.on && standing.role !== 'grant';
    if (onTheList || !isNeedToKnow(theCase)) return allow('chief-inspector-or-above');
    return deny(standing.on ? 'not-on-access-list' : (standing.lapsed ?? 'not-on-access-list'));
  }
  switch (action) {
    case 'decide-safeguarding-request':
      if (standing.on && standing.role === 'psd') return allow('psd');
      return isChiefInspectorOrAbove(principal)
        ? allow('chief-inspector-or-above')
        : deny('psd-or-chief-inspector');
    case 'request-safeguarding-access':
    case 'break-glass':
      return allow('protecting-victim-or-child');
    case 'log-workplace-incident':
      return standing.on && standing.role === 'reporting-victim'
        ? allow('reporting-victim')
        : deny('reporting-victim-only');
    default:
      return deny('not-on-access-list');
  }
};

/** The decision in words for the audit entry and PSD's alert: never a name, only the rule. */
export const describeDecision = (decision: AccessDecision): string =>
  decision.allowed
    ? `allowed: ${allowedReasons[decision.reason]}`
    : `denied: ${deniedReasons[decision.reason]}`;
