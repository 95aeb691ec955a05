import { type Department, type Principal, type Rank, rankIndex, rankLabel } from './principal.ts';

/** A rule about who may do something, small enough to compose and to describe in an audit entry. */
export interface Policy {
  readonly description: string;
  allows(principal: Principal): boolean;
}

export const atLeast = (rank: Rank): Policy => ({
  description: `rank ${rankLabel(rank).toLowerCase()} or above`,
  allows: (principal) => rankIndex(principal.rank) >= rankIndex(rank),
});

export const inDepartment = (...wanted: Department[]): Policy => ({
  description: `department ${wanted.join(' or ')}`,
  allows: (principal) => wanted.includes(principal.department),
});

export const anyStaff: Policy = {
  description: 'any signed-in member of staff',
  allows: () => true,
};

export const anyOf = (...policies: Policy[]): Policy => ({
  description: policies.map((p) => p.description).join(' or '),
  allows: (principal) => policies.some((p) => p.allows(principal)),
});

export const allOf = (...policies: Policy[]): Policy => ({
  description: policies.map((p) => p.description).join(' and '),
  allows: (principal) => policies.every((p) => p.allows(principal)),
});
