import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function clock(...args: string[]) {
  // A host far from London proves the output does not depend on the machine's time zone.
  const result = spawnSync('node_modules/.bin/tsx', ['shared/calendar/cli.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'Pacific/Auckland' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run clock -- <rule> <start>', { timeout: 30_000 }, () => {
  it('prints the rule, the start and the due instant in London time and UTC', () => {
    const result = clock('csa2010-hearing', '2026-12-24T16:00:00Z');

    expect(result.status).toBe(0);
    expect(result.stdout).toContain('rule:  csa2010-hearing\n');
    expect(result.stdout).toContain(
      'start: Thursday 24 December 2026, 16:00 GMT (2026-12-24T16:00:00.000Z)\n',
    );
    expect(result.stdout).toContain(
      'due:   Tuesday 29 December 2026, 16:00 GMT (2026-12-29T16:00:00.000Z)\n',
    );
  });

  it('shows BST for a due instant in summer time', () => {
    const result = clock('working-days:5', '2027-03-24T10:00:00Z');

    expect(result.stdout).toContain('due:   Friday 2 April 2027, 23:59 BST (2027-04-02T22:59:59.999Z)\n');
  });

  it('exits 2 with a one-line error for an unknown rule', () => {
    const result = clock('fortnight', '2026-12-24T16:00:00Z');

    expect([result.status, result.stdout, result.stderr.trimEnd().split('\n').length]).toEqual([2, '', 1]);
    expect(result.stderr).toMatch(/^error: Unknown clock rule/);
  });

  it('exits 2 with a one-line error for a start without an offset', () => {
    const result = clock('hours:24', '2026-12-24T16:00:00');

    expect([result.status, result.stdout, result.stderr.trimEnd().split('\n').length]).toEqual([2, '', 1]);
    expect(result.stderr).toMatch(/^error: An instant must be an ISO-8601 date-time with an offset/);
  });

  it('exits 2 with the usage when the start is missing', () => {
    const result = clock('hours:24');

    expect([result.status, result.stderr]).toEqual([
      2,
      expect.stringMatching(/^error: usage: npm run clock/),
    ]);
  });
});
