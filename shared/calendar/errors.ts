/** A date, instant, duration or rule given to the calendar is not one it can use. */
export class CalendarInputError extends Error {
  override readonly name = 'CalendarInputError';
}

/** The holiday data does not make sense (e.g. a substitute day with nothing to replace). */
export class HolidayDataError extends Error {
  override readonly name = 'HolidayDataError';
}
