/**
 * Dates in the UI's language. Building an Intl.DateTimeFormat costs far more than formatting with it, and list rows
 * format on every render (the rows in view of an event-fed list, tasks, cleanup history): one formatter per language
 * and style, made once.
 */
export type DateStyle = 'rowExact' | 'detailExact' | 'time' | 'timeShort' | 'shortDateTime' | 'shortDateShortTime';

const OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  rowExact: { dateStyle: 'medium', timeStyle: 'medium' },
  detailExact: { dateStyle: 'long', timeStyle: 'medium' },
  time: { timeStyle: 'medium' },
  timeShort: { timeStyle: 'short' },
  shortDateTime: { dateStyle: 'short', timeStyle: 'medium' },
  shortDateShortTime: { dateStyle: 'short', timeStyle: 'short' },
};

const formats = new Map<string, Intl.DateTimeFormat>();

export function formatDate(language: string, style: DateStyle, when: number | Date): string {
  const key = `${language}\0${style}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, OPTIONS[style]);
    formats.set(key, format);
  }
  return format.format(when);
}
