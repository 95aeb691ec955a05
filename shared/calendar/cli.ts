import { CalendarInputError } from './errors.ts';
import { englandAndWalesBankHolidays } from './holidays.ts';
import { formatLondon, toInstant } from './london-time.ts';
import { parseClockRule } from './rules.ts';

const USAGE_EXIT_CODE = 2;
const USAGE =
  'usage: npm run clock -- <rule> <start ISO-8601 with offset>, e.g. working-days:10 2026-12-18T10:00:00Z';

function run(args: readonly string[]): void {
  const [ruleText, startText, ...extra] = args;
  if (ruleText === undefined || startText === undefined || extra.length > 0) {
    throw new CalendarInputError(USAGE);
  }
  const rule = parseClockRule(ruleText);
  const start = toInstant(startText);
  const due = rule.dueAt(start, englandAndWalesBankHolidays());
  process.stdout.write(
    [
      `rule:  ${rule.rule}`,
      `       ${rule.description}`,
      `start: ${formatLondon(start)} (${start.toISOString()})`,
      `due:   ${formatLondon(due)} (${due.toISOString()})`,
      '',
    ].join('\n'),
  );
}

try {
  run(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof CalendarInputError)) throw error;
  process.stderr.write(`error: ${error.message}\n`);
  process.exitCode = USAGE_EXIT_CODE;
}
