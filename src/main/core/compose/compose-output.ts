/**
 * Reading compose's words: where a config error is (file and line), what a `down --dry-run` would remove, and what
 * each service's lines say. compose's own YAML errors give a line counted from the wrong place, so Wharf parses the
 * files itself (the yaml library, with positions) to name the line; schema and interpolation errors name a key path
 * ("services.web.image"), which is looked up in the files.
 */
import { LineCounter, isMap, isScalar, parseDocument, type Node } from 'yaml';

export interface SourceFile {
  path: string;
  text: string;
}

export interface ConfigErrorPlace {
  message: string;
  file?: string;
  line?: number;
}

/** The first syntax error of a YAML text, with its 1-based line. */
export function yamlSyntaxError(text: string): { line: number; message: string } | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const error = doc.errors[0];
  if (!error) return undefined;
  return { line: lineCounter.linePos(error.pos[0]).line, message: error.message.split('\n')[0] ?? error.message };
}

/** The line where a key path ("services.web.image") is written in a YAML text; the deepest part found counts. */
export function lineOfPath(text: string, path: readonly string[]): number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) return undefined;
  let node: Node | null | undefined = doc.contents;
  let line: number | undefined;
  for (const key of path) {
    if (!isMap(node)) break;
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
    if (!pair || !isScalar(pair.key) || !pair.key.range) break;
    line = lineCounter.linePos(pair.key.range[0]).line;
    node = pair.value as Node | null;
  }
  return line;
}

const TOP_KEYS = '(?:services|networks|volumes|configs|secrets|include|name|x-[\\w-]+)';

/** A key path compose names in an error: "services.a.image", "services.a Additional property comand", `service "a" depends on`. */
export function keyPathOf(message: string): string[] | undefined {
  const extra = /Additional property (\S+) is not allowed/.exec(message)?.[1];
  const dotted = new RegExp(`\\b(${TOP_KEYS}(?:\\.[\\w.-]+)*)`).exec(message)?.[1];
  if (dotted) {
    const parts = dotted.split('.');
    return extra ? [...parts, extra] : parts;
  }
  const depends = /service "([^"]+)" depends on/.exec(message)?.[1];
  if (depends) return ['services', depends, 'depends_on'];
  const service = /service "([^"]+)"/.exec(message)?.[1];
  return service ? ['services', service] : undefined;
}

/** Where a `docker compose config` failure is: the .env line it names, a YAML syntax error, or the key it names. */
export function configErrorOf(output: readonly string[], files: readonly SourceFile[]): ConfigErrorPlace {
  const lines = output.map((l) => l.trim()).filter((l) => l !== '');
  const message = lines.at(-1) ?? 'docker compose config failed';
  const envError = lines.map((l) => /failed to read (\/[^:]+): line (\d+): (.*)$/.exec(l)).find((m) => m !== null);
  if (envError) return { message, file: envError[1], line: Number(envError[2]) };
  for (const file of files) {
    const syntax = yamlSyntaxError(file.text);
    // compose's own words count the line from elsewhere ("yaml: line 1: …"): the parser's words go with our line.
    if (syntax) return { message: `YAML: ${syntax.message}`, file: file.path, line: syntax.line };
  }
  const named = lines.map((l) => /^validating (\/\S+?): /.exec(l)?.[1]).find((f) => f !== undefined);
  const path = keyPathOf(message);
  if (path) {
    const candidates = named ? files.filter((f) => f.path === named) : files;
    for (const file of [...candidates].reverse()) {
      const line = lineOfPath(file.text, path);
      if (line !== undefined) return { message, file: file.path, line };
    }
  }
  return named ? { message, file: named } : { message };
}

export interface DryRunRemovals {
  containers: string[];
  networks: string[];
  volumes: string[];
  images: string[];
}

/** What `down --dry-run` says it would remove: "DRY-RUN MODE -  Container demo-web-1  Removing". */
export function dryRunRemovals(lines: readonly string[]): DryRunRemovals {
  const found: DryRunRemovals = { containers: [], networks: [], volumes: [], images: [] };
  const lists = { Container: found.containers, Network: found.networks, Volume: found.volumes, Image: found.images } as const;
  for (const line of lines) {
    const match = /DRY-RUN MODE -\s+(Container|Network|Volume|Image)\s+"?([^"\s]+)"?\s+Removing\b/.exec(line);
    if (!match) continue;
    const list = lists[match[1] as keyof typeof lists];
    const name = match[2] ?? '';
    if (!list.includes(name)) list.push(name);
  }
  return found;
}

/**
 * compose's own words about one service: lines naming its container ("demo-web-1") or the service itself
 * (" web Error …"), errors first.
 */
export function messageFor(service: string, containerNames: readonly string[], lines: readonly string[]): string | undefined {
  const mentions = lines.filter((line) => containerNames.some((name) => line.includes(name)) || new RegExp(`^\\s*${escapeRegExp(service)}\\s+(Error|error|Pulling|Warning)`).test(line));
  const errors = mentions.filter((line) => /error|failed|denied|not found|no such|unable|cannot/i.test(line));
  const picked = errors.at(-1);
  return picked?.trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
