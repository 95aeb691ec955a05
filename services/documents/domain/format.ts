/** Dates as the documents print them: London time, unambiguous, no numeric day/month order to misread. */
const dateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

const dateOnly = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** `Saturday 14 March 2026 at 21:40 GMT` (BST in summer). */
export const formatInstant = (instant: Date | string): string => {
  const parts = Object.fromEntries(
    dateTime.formatToParts(new Date(instant)).map((part) => [part.type, part.value]),
  );
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute} ${parts.timeZoneName}`;
};

/** A calendar date (`YYYY-MM-DD`, no time zone): `3 February 1990`. */
export const formatDate = (date: string): string => dateOnly.format(new Date(`${date}T00:00:00Z`));
