/**
 * Publication dates for the pairing's date window: full ISO dates as day numbers, year-less dateline dates
 * (`--MM-DD`) as month and day, and the distance between two documents' dates in days.
 */

const MS_PER_DAY = 86_400_000;
/** Days before each month in a non-leap year. */
const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** A document's publication date as the pairing uses it. */
export interface PublicationDate {
  /** Days since 1970-01-01, when the year is known. */
  day?: number;
  /** `month * 100 + day` (e.g. 305 for 5 March), when month and day are known. */
  monthDay?: number;
}

/**
 * Read `YYYY-MM-DD` or `--MM-DD` (as {@link DocumentMeta.date} holds it). Anything else, or an impossible
 * month or day, gives an empty result.
 */
export function readPublicationDate(date: string | undefined): PublicationDate {
  const match = date ? /^(\d{4}|-)-(\d{2})-(\d{2})$/.exec(date) : null;
  if (!match) return {};
  const month = Number(match[2]);
  const dayOfMonth = Number(match[3]);
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31) return {};
  const result: PublicationDate = { monthDay: month * 100 + dayOfMonth };
  if (match[1] !== '-') result.day = Math.round(Date.UTC(Number(match[1]), month - 1, dayOfMonth) / MS_PER_DAY);
  return result;
}

/**
 * Distance in days between two publication dates: exact when both have a year, else by month and day around the
 * year (31 December and 1 January are 1 day apart). `undefined` when either date is unknown.
 */
export function daysApart(a: PublicationDate, b: PublicationDate): number | undefined {
  if (a.day !== undefined && b.day !== undefined) return Math.abs(a.day - b.day);
  if (a.monthDay === undefined || b.monthDay === undefined) return undefined;
  const diff = Math.abs(dayOfYear(a.monthDay) - dayOfYear(b.monthDay));
  return Math.min(diff, 365 - diff);
}

/** True when the two dates are at most `windowDays` apart, or when either is unknown. */
export function withinWindow(a: PublicationDate, b: PublicationDate, windowDays: number): boolean {
  if (windowDays === Infinity) return true;
  const apart = daysApart(a, b);
  return apart === undefined || apart <= windowDays;
}

/** 0-based day of a non-leap year for `month * 100 + day`. */
function dayOfYear(monthDay: number): number {
  return DAYS_BEFORE_MONTH[Math.floor(monthDay / 100) - 1] + (monthDay % 100) - 1;
}
