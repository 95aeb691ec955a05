/** `staff-notifications` → `StaffNotifications`: construct ids derived from manifest names. */
export const pascal = (value: string): string =>
  value
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
