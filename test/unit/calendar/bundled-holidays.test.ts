/// <reference path="../../../node_modules/date-holidays-parser/types/index.d.ts" />
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Holidays from 'date-holidays';
import HolidaysParser from 'date-holidays-parser';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handlerBundling } from '../../../infra/constructs/bundling-options.ts';
import { europeLondonZone } from '../../../shared/calendar/europe-london-zone.ts';
import { englandAndWalesBankHolidays, type HolidaySource } from '../../../shared/calendar/holidays.ts';
import { addLondonDays } from '../../../shared/calendar/london-time.ts';
import { unitedKingdomHolidayData } from '../../../shared/calendar/united-kingdom-holiday-data.ts';

const outDir = mkdtempSync(join(tmpdir(), 'bundled-holidays-'));
interface HolidayData {
  readonly holidays: Readonly<Record<string, unknown>>;
  readonly names: Readonly<Record<string, unknown>>;
}
/** Every country's data as the library ships it (it declares no types for this entry point). */
const libraryDataEntry: string = 'date-holidays/data';
const { data: libraryData } = (await import(libraryDataEntry)) as { data: HolidayData };

let bundled: HolidaySource;
let code: string;
const warnings: unknown[][] = [];

beforeAll(async () => {
  const entry = join(outDir, 'entry.ts');
  writeFileSync(
    entry,
    `export { englandAndWalesBankHolidays } from ${JSON.stringify(resolve('shared/calendar/holidays.ts'))};\n`,
  );
  const outfile = join(outDir, 'holidays.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: handlerBundling.target,
    mainFields: [...handlerBundling.mainFields],
    banner: { js: handlerBundling.banner },
    alias: { ...handlerBundling.alias },
    nodePaths: [resolve('node_modules')],
    logLevel: 'error',
  });
  code = readFileSync(outfile, 'utf8');
  const module = (await import(pathToFileURL(outfile).href)) as {
    englandAndWalesBankHolidays: typeof englandAndWalesBankHolidays;
  };
  const spies = [vi.spyOn(console, 'error'), vi.spyOn(console, 'warn')];
  for (const spy of spies) spy.mockImplementation((...args: unknown[]) => warnings.push(args));
  bundled = module.englandAndWalesBankHolidays();
  for (let year = 1950; year <= 2100; year += 1) bundled.isHoliday(`${year}-12-25`);
  for (const spy of spies) spy.mockRestore();
}, 60_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the bank holidays a deployed function sees are the library’s own (Banking and Financial Dealings Act 1971 sch.1)', () => {
  it("the bundle leaves out the time-zone database and carries London's zone alone", () => {
    expect(code).not.toContain('America/New_York|');
    expect(code).not.toContain('Fête nationale');
    expect(code.match(/Europe\/London\|LMT GMT BST/g)).toHaveLength(1);
  });

  it("London's zone is the installed library's own entry", () => {
    const installed = JSON.parse(
      readFileSync(resolve('node_modules/moment-timezone/data/packed/latest.json'), 'utf8'),
    ) as { zones: string[] };

    expect(installed.zones.find((zone) => zone.startsWith('Europe/London|'))).toBe(europeLondonZone);
  });

  it("the United Kingdom data is the installed library's own entry and names", () => {
    expect(unitedKingdomHolidayData.holidays.GB).toEqual(libraryData.holidays.GB);
    expect(unitedKingdomHolidayData.names).toEqual(libraryData.names);
  });

  it('over 1950 to 2100, England and Wales holidays from the United Kingdom data alone are those from every country’s', () => {
    const options = { languages: ['en'], timezone: 'Europe/London' };
    const everyCountry = new Holidays('GB', 'ENG', options);
    const ukAlone = new HolidaysParser(unitedKingdomHolidayData, 'GB', 'ENG', options);

    for (let year = 1950; year <= 2100; year += 1) {
      expect(ukAlone.getHolidays(year, 'en'), String(year)).toEqual(everyCountry.getHolidays(year, 'en'));
    }
  });

  it('the library finds every zone it asks for: nothing is reported missing', () => {
    expect(warnings).toEqual([]);
  });

  it('every day from 1950 to 2100 is a holiday in the bundle exactly when it is one in the full library', () => {
    const full = englandAndWalesBankHolidays();
    const differences: string[] = [];
    let holidays = 0;
    for (let day = '1950-01-01'; day <= '2100-12-31'; day = addLondonDays(day, 1)) {
      const expected = full.isHoliday(day);
      if (expected) holidays += 1;
      if (JSON.stringify(bundled.isHoliday(day)) !== JSON.stringify(expected)) differences.push(day);
    }

    expect(differences).toEqual([]);
    expect(holidays).toBeGreaterThan(151 * 8);
  }, 120_000);
});
