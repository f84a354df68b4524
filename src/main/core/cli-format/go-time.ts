/**
 * Go's time.Unix(sec, 0).String() in the local zone, as the CLI prints CreatedAt: "2026-12-02 19:00:15 +0800 CST".
 * The offset is the process's own (Node and Go both follow $TZ, else /etc/localtime); the abbreviation comes from
 * the same TZif file Go reads, since Intl has none for most zones ("GMT+8" where Go prints "CST").
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';

interface ZoneType {
  offsetSeconds: number;
  abbreviation: string;
}

interface Zone {
  /** Transition times (seconds) and the type index each starts. */
  transitions: Array<{ at: number; type: number }>;
  types: ZoneType[];
}

const ZONEINFO_DIRS = ['/usr/share/zoneinfo/', '/usr/share/lib/zoneinfo/', '/usr/lib/locale/TZ/', '/etc/zoneinfo/'];

/** Parses the 64-bit (v2+) body of a TZif file, else its v1 body; null when it is not one. */
export function parseTzif(data: Buffer): Zone | null {
  if (data.length < 44 || data.toString('latin1', 0, 4) !== 'TZif') return null;
  const counts = (at: number): number[] => [0, 1, 2, 3, 4, 5].map((i) => data.readUInt32BE(at + 20 + i * 4));
  let at = 0;
  let [isut, isstd, leap, timecnt, typecnt, charcnt] = counts(0) as [number, number, number, number, number, number];
  let timeSize = 4;
  if (data[4] !== 0) {
    // Skip the v1 body to the v2 header.
    at = 44 + timecnt * 4 + timecnt + typecnt * 6 + charcnt + leap * 8 + isstd + isut;
    if (data.toString('latin1', at, at + 4) !== 'TZif') return null;
    [isut, isstd, leap, timecnt, typecnt, charcnt] = counts(at) as [number, number, number, number, number, number];
    timeSize = 8;
  }
  let p = at + 44;
  const times: number[] = [];
  for (let i = 0; i < timecnt; i++, p += timeSize) times.push(timeSize === 8 ? Number(data.readBigInt64BE(p)) : data.readInt32BE(p));
  const indices = [...data.subarray(p, p + timecnt)];
  p += timecnt;
  const raw: Array<{ off: number; abbr: number }> = [];
  for (let i = 0; i < typecnt; i++, p += 6) raw.push({ off: data.readInt32BE(p), abbr: data[p + 5] ?? 0 });
  const chars = data.toString('latin1', p, p + charcnt);
  const types = raw.map(({ off, abbr }) => ({ offsetSeconds: off, abbreviation: chars.slice(abbr, chars.indexOf('\0', abbr) === -1 ? undefined : chars.indexOf('\0', abbr)) }));
  return { transitions: times.map((t, i) => ({ at: t, type: indices[i] ?? 0 })), types };
}

/** The TZif file Go's time.Local loads, or null for UTC. */
function localZoneFile(env: NodeJS.ProcessEnv): string | null {
  const tz = env.TZ;
  if (tz === undefined) return '/etc/localtime';
  const name = tz.startsWith(':') ? tz.slice(1) : tz;
  if (name === '' || name === 'UTC') return null;
  if (isAbsolute(name)) return name;
  return ZONEINFO_DIRS.map((dir) => dir + name).find((file) => existsSync(file)) ?? null;
}

function loadLocalZone(env: NodeJS.ProcessEnv): Zone | null {
  const file = localZoneFile(env);
  if (file === null) return null;
  try {
    return parseTzif(readFileSync(file));
  } catch {
    // Go falls back to UTC when the file cannot be read.
    return null;
  }
}

/** The abbreviation in force at `seconds` with this offset: the latest transition's type, else any type with the offset. */
export function zoneAbbreviation(zone: Zone | null, seconds: number, offsetSeconds: number): string {
  if (zone === null) return 'UTC';
  let current: ZoneType | undefined;
  for (const t of zone.transitions) {
    if (t.at > seconds) break;
    current = zone.types[t.type];
  }
  if (current?.offsetSeconds === offsetSeconds) return current.abbreviation;
  const same = zone.types.filter((t) => t.offsetSeconds === offsetSeconds);
  return same.at(-1)?.abbreviation ?? (offsetSeconds === 0 ? 'UTC' : '');
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Formats Unix seconds as Go's Time.String() does for time.Unix(seconds, 0) in the local zone. */
export function goTimeString(seconds: number, env: NodeJS.ProcessEnv = process.env): string {
  const zone = loadLocalZone(env);
  const date = new Date(seconds * 1000);
  const offsetSeconds = zone === null ? 0 : -date.getTimezoneOffset() * 60;
  const local = new Date((seconds + offsetSeconds) * 1000);
  const sign = offsetSeconds < 0 ? '-' : '+';
  const abs = Math.abs(offsetSeconds);
  const stamp = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  const numeric = `${sign}${pad(Math.floor(abs / 3600))}${pad(Math.floor((abs % 3600) / 60))}`;
  // Go prints the numeric offset again where the zone has no abbreviation.
  return `${stamp} ${numeric} ${zoneAbbreviation(zone, seconds, offsetSeconds) || numeric}`;
}
