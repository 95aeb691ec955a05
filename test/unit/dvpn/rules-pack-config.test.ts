import { describe, expect, it } from 'vitest';
import { readRulesPack } from '../../../services/dvpn/config.ts';
import { dapnPack, dvpnPack } from '../../../services/dvpn/domain/rules-packs.ts';
import { MissingConfigurationError } from '../../../shared/config/env.ts';

describe('Rules pack chosen by configuration (DOMAIN.md §3)', () => {
  it('defaults to the Crime and Security Act 2010 pack', () => {
    expect(readRulesPack({})).toBe(dvpnPack);
  });

  it('DVPN_RULES_PACK=dapn chooses the Domestic Abuse Act 2021 pilot pack', () => {
    expect(readRulesPack({ DVPN_RULES_PACK: 'dapn' })).toBe(dapnPack);
  });

  it('an unknown pack stops the process, naming the variable', () => {
    expect(() => readRulesPack({ DVPN_RULES_PACK: 'dvpn-2030' })).toThrowError(MissingConfigurationError);
    expect(() => readRulesPack({ DVPN_RULES_PACK: 'dvpn-2030' })).toThrowError(/DVPN_RULES_PACK/);
  });

  it('the packs differ where the Acts differ: authoriser, test, order duration', () => {
    expect([dvpnPack.authoriserMinimumRank, dapnPack.authoriserMinimumRank]).toEqual([
      'superintendent',
      'inspector',
    ]);
    expect([
      dvpnPack.grounds.includes('abusive-behaviour'),
      dapnPack.grounds.includes('abusive-behaviour'),
    ]).toEqual([false, true]);
    expect([dvpnPack.orderDuration, dapnPack.orderDuration]).toEqual([
      { minimumDays: 14, maximumDays: 28 },
      { minimumDays: 1, maximumDays: null },
    ]);
  });
});
