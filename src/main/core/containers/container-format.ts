/**
 * `docker ps [-a] --format FORMAT` as the CLI (v28) prints it: the template checked and run once over an empty
 * container first (its errors say "failed to parse/execute template"), `--size` turned on when the template uses
 * .Size, then the rows (formatter/container.go ContainerContext).
 */
import { executeGoTemplate, goStruct, parseGoTemplate, type GoValue } from '../cli-format/go-template';
import { createdSince } from '../../../shared/human-duration';
import { parseReference, familiarName } from '../../../shared/image-reference';
import { imageSize } from '../../../shared/units';
import { headerContext, marshalStringMap, renderFormat, type CliFormatAnswer } from '../cli-format/cli-format';
import { ellipsis } from '../cli-format/display-width';
import { goTimeString } from '../cli-format/go-time';
import type { EngineContainerSummary, EnginePort } from '../engine/engine-types';
import { truncateId } from '../images/image-format';

const DEFAULT_TABLE = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';
const RAW = `container_id: {{.ID}}
image: {{.Image}}
command: {{.Command}}
created_at: {{.CreatedAt}}
state: {{- pad .State 1 0}}
status: {{- pad .Status 1 0}}
names: {{.Names}}
labels: {{- pad .Labels 1 0}}
ports: {{- pad .Ports 1 0}}
`;

const HEADERS: Record<string, string> = {
  ID: 'CONTAINER ID',
  Names: 'NAMES',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Ports: 'PORTS',
  State: 'STATE',
  Status: 'STATUS',
  Size: 'SIZE',
  Labels: 'LABELS',
  Mounts: 'MOUNTS',
  LocalVolumes: 'LOCAL VOLUMES',
  Networks: 'NETWORKS',
  Platform: 'PLATFORM',
};

/** NewContainerFormat for what was typed (never --quiet). */
export function effectiveContainerFormat(format: string, size: boolean): string {
  if (format === '' || format === 'table') return size ? `${DEFAULT_TABLE}\\t{{.Size}}` : DEFAULT_TABLE;
  if (format === 'raw') return size ? `${RAW}size: {{.Size}}\\n` : RAW;
  return format;
}

/** ContainerContext.Image with truncation on: the familiar reference, its digest dropped, or the short ID. */
function imageText(c: EngineContainerSummary): string {
  if (c.Image === '') return '<no image>';
  if (truncateId(c.ImageID) === truncateId(c.Image)) return truncateId(c.Image);
  const parsed = parseReference(c.Image, { withDefaultTag: false });
  if (!parsed.ok) return c.Image;
  const name = familiarName(parsed.value.domain, parsed.value.path);
  return parsed.value.tag !== undefined ? `${name}:${parsed.value.tag}` : name;
}

/** DisplayablePorts: ranges of consecutive ports folded, published ports with another host port listed last. */
export function displayablePorts(input: readonly EnginePort[]): string {
  const ports = [...input].sort(
    (a, b) => a.PrivatePort - b.PrivatePort || cmp(a.IP ?? '', b.IP ?? '') || (a.PublicPort ?? 0) - (b.PublicPort ?? 0) || cmp(a.Type, b.Type),
  );
  const groups = new Map<string, { first: number; last: number }>();
  const order: string[] = [];
  const result: string[] = [];
  const mappings: string[] = [];
  for (const port of ports) {
    const current = port.PrivatePort;
    let key = port.Type;
    if (port.IP) {
      if ((port.PublicPort ?? 0) !== current) {
        mappings.push(`${joinHostPort(port.IP, String(port.PublicPort ?? 0))}->${port.PrivatePort}/${port.Type}`);
        continue;
      }
      key = `${port.IP}/${port.Type}`;
    }
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { first: current, last: current });
      order.push(key);
    } else if (current === group.last + 1) group.last = current;
    else {
      result.push(formGroup(key, group.first, group.last));
      groups.set(key, { first: current, last: current });
    }
  }
  for (const key of order) {
    const g = groups.get(key);
    if (g) result.push(formGroup(key, g.first, g.last));
  }
  return [...result, ...mappings].join(', ');
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function formGroup(key: string, start: number, last: number): string {
  const parts = key.split('/');
  const ip = parts.length > 1 ? (parts[0] ?? '') : '';
  const type = parts.length > 1 ? (parts[1] ?? '') : (parts[0] ?? '');
  let group = start === last ? String(start) : `${start}-${last}`;
  if (ip !== '') group = `${joinHostPort(ip, group)}->${group}`;
  return `${group}/${type}`;
}

/** Go's strconv.Quote for the command line: printable text as is, the rest escaped. */
function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\v') out += '\\v';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch)) out += ch;
    else if (cp <= 0xffff) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

function containerFields(c: EngineContainerSummary, nowMs: number): Record<string, string> {
  const names = c.Names.map((n) => n.slice(1));
  const first = names.find((n) => !n.includes('/'));
  const rw = c.SizeRw ?? 0;
  const rootFs = c.SizeRootFs ?? 0;
  const labels = Object.entries(c.Labels ?? {}).map(([k, v]) => `${k}=${v}`).sort();
  return {
    ID: truncateId(c.Id),
    Names: first !== undefined ? first : names.join(','),
    Image: imageText(c),
    Command: goQuote(ellipsis(c.Command, 20)),
    CreatedAt: goTimeString(c.Created),
    RunningFor: createdSince(c.Created, nowMs),
    Ports: displayablePorts(c.Ports),
    State: c.State,
    Status: c.Status,
    Size: rootFs > 0 ? `${imageSize(rw)} (virtual ${imageSize(rootFs)})` : imageSize(rw),
    Labels: labels.join(','),
    Mounts: c.Mounts.map((m) => ellipsis(m.Name ? m.Name : (m.Source ?? ''), 15)).join(','),
    LocalVolumes: String(c.Mounts.filter((m) => m.Driver === 'local').length),
    Networks: Object.keys(c.NetworkSettings?.Networks ?? {}).join(','),
  };
}

/** platforms.Format of the container's image platform: os/arch[/variant]; nil before API 1.48. */
function platformText(c: EngineContainerSummary): string | null {
  const p = c.ImageManifestDescriptor?.platform;
  if (!p) return null;
  return [p.os ?? 'unknown', p.architecture ?? 'unknown', ...(p.variant ? [p.variant] : [])].join('/');
}

const EMPTY: EngineContainerSummary = { Id: '', Names: [], Image: '', ImageID: '', Command: '', Created: 0, State: '', Status: '', Ports: [], Labels: {}, Mounts: [] };

/** One row's ContainerContext; `onSize` is told when the template reads .Size, as the CLI's FieldsUsed records it. */
function containerContext(c: EngineContainerSummary, nowMs: number, onSize?: () => void): GoValue {
  const fields = containerFields(c, nowMs);
  const platform = platformText(c);
  const { Size: size, ...rest } = fields;
  return goStruct(
    '*formatter.ContainerContext',
    {
      ...rest,
      Size: () => {
        onSize?.();
        return size ?? '';
      },
      Platform: platform,
      Label: (name) => c.Labels[String(name)] ?? '',
      Header: null,
      FullHeader: () => null,
      FieldsUsed: null,
    },
    () => marshalStringMap({ ...fields, Platform: platform }),
  );
}

export type ContainerFormatCheck = { ok: true; size: boolean } | { ok: false; error: string };

/** buildContainerListOptions: parse and run the typed template once; does it use .Size (then the list asks for sizes)? */
export function checkContainerFormat(format: string): ContainerFormatCheck {
  if (format === '') return { ok: true, size: false };
  const parsed = parseGoTemplate(format);
  if (!parsed.ok) return { ok: false, error: `failed to parse template: ${parsed.error}` };
  let size = false;
  const run = executeGoTemplate(parsed.template, containerContext(EMPTY, Date.now(), () => (size = true)));
  if (!run.ok) return { ok: false, error: `failed to execute template: ${run.error}` };
  return { ok: true, size };
}

/** The text `docker ps --format` prints for these containers (listed with size when checkContainerFormat said so). */
export function formatContainers(containers: readonly EngineContainerSummary[], format: string, size: boolean, nowMs: number): CliFormatAnswer {
  const effective = effectiveContainerFormat(format, size);
  return renderFormat(effective, containers.map((c) => containerContext(c, nowMs)), headerContext(HEADERS));
}

