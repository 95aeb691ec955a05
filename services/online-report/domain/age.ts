/** Whole years of age on a date (`YYYY-MM-DD`); a birthday counts from the start of the day. */
export const ageOn = (dateOfBirth: string, on: string): number => {
  const years = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return on.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
};
