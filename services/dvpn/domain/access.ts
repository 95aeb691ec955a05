import { anyOf, atLeast, type Policy } from '../../../shared/auth/policy.ts';
import { type Principal, rankIndex, rankLabel } from '../../../shared/auth/principal.ts';
import { NotPermittedError } from './errors.ts';
import type { Officer } from './model.ts';
import type { RulesPack } from './rules-packs.ts';

export const dvpnActions = [
  'view-case',
  'view-dashboard',
  'draft',
  'edit-draft',
  'submit',
  'authorise',
  'refuse',
  'retry-document',
  'record-service',
  'prepare-application',
  'record-hearing',
  'record-breach',
  'view-figures',
] as const;
export type DvpnAction = (typeof dvpnActions)[number];

const policeStaff: Policy = {
  description: 'police staff',
  allows: (principal) => principal.rank === 'police-staff',
};

/**
 * Who may authorise or refuse under the pack: the rank the Act names or above (CSA 2010 s.24(1): a
 * superintendent; DAA 2021 s.22(8): an inspector).
 */
export const authoriserPolicy = (pack: RulesPack): Policy => atLeast(pack.authoriserMinimumRank);

/**
 * The access rule of every action. Holding any police rank makes an officer a constable in law, so the
 * casework actions need only constable rank; police staff see the aggregate figures and nothing else.
 */
export const actionPolicy = (action: DvpnAction, pack: RulesPack): Policy => {
  switch (action) {
    case 'authorise':
    case 'refuse':
      return authoriserPolicy(pack);
    case 'view-figures':
      return anyOf(atLeast('sergeant'), policeStaff);
    default:
      return atLeast('constable');
  }
};

export const mayPerform = (principal: Principal, action: DvpnAction, pack: RulesPack): boolean =>
  actionPolicy(action, pack).allows(principal);

/** The statutory re-check behind the route policy: raise, naming the section, when the rank is too low. */
export const assertMayAuthorise = (officer: Officer, pack: RulesPack): void => {
  if (rankIndex(officer.rank) < rankIndex(pack.authoriserMinimumRank)) {
    throw new NotPermittedError(
      `Only an officer of the rank of ${rankLabel(pack.authoriserMinimumRank).toLowerCase()} or above may authorise or refuse a ${pack.noticeAbbreviation}.`,
      pack.authoriserSource,
    );
  }
};
