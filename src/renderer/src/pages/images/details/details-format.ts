/** Reading an image's inspect data and history steps for display. */

/** The CLI's 12-character ID ("sha256:" dropped); other text (e.g. "<missing>") as is. */
export function shortId(id: string): string {
  return /^sha256:[0-9a-f]{64}$/.test(id) ? id.slice(7, 19) : id;
}

/** A history step as the Dockerfile line that made it: instruction keyword and the rest. */
export interface Step {
  keyword: string;
  rest: string;
}

const NOP = /^\/bin\/sh -c #\(nop\)\s+/;
const SHELL = /^\/bin\/sh -c\s+/;
/** The legacy builder puts the build args first: "|2 A=1 B=2 /bin/sh -c …". */
const BUILD_ARGS = /^\|\d+\s+(?:\S+=\S*\s+)*/;

/**
 * "/bin/sh -c #(nop)  ENV A=b" (legacy builder) and "ENV A=b" (BuildKit) both read "ENV A=b"; a shell
 * step of the legacy builder ("/bin/sh -c make") reads "RUN make". Imports have no command: their
 * comment ("Imported from -") is shown instead.
 */
export function readStep(createdBy: string, comment: string): Step {
  let text = createdBy.trim().replace(/\s+# buildkit$/, '');
  if (NOP.test(text)) text = text.replace(NOP, '');
  else if (BUILD_ARGS.test(text) && SHELL.test(text.replace(BUILD_ARGS, ''))) text = `RUN ${text.replace(BUILD_ARGS, '').replace(SHELL, '')}`;
  else if (SHELL.test(text)) text = `RUN ${text.replace(SHELL, '')}`;
  else if (text.startsWith('RUN ')) text = `RUN ${text.slice(4).replace(SHELL, '')}`;
  if (text === '') return { keyword: '', rest: comment };
  const match = /^([A-Z]+)(?:\s+([\s\S]*))?$/.exec(text);
  return match ? { keyword: match[1] ?? '', rest: match[2] ?? '' } : { keyword: '', rest: text };
}

/** The fields of GET /images/{id}/json the overview shows. */
export interface InspectFacts {
  created: string | null;
  author: string;
  platform: string;
  entrypoint: string[] | null;
  cmd: string[] | null;
  workingDir: string;
  user: string;
  env: string[];
  ports: string[];
  labels: Array<[string, string]>;
  size: number | null;
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function strings(value: unknown): string[] | null {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : null;
}

/** Only what the inspect data really says; missing fields read empty (old engines omit some). */
export function inspectFacts(inspect: Record<string, unknown>): InspectFacts {
  const config = record(inspect.Config);
  const platform = [text(inspect.Os), text(inspect.Architecture), text(inspect.Variant)].filter(Boolean).join('/');
  return {
    created: text(inspect.Created) || null,
    author: text(inspect.Author),
    platform,
    entrypoint: strings(config.Entrypoint),
    cmd: strings(config.Cmd),
    workingDir: text(config.WorkingDir),
    user: text(config.User),
    env: strings(config.Env) ?? [],
    ports: Object.keys(record(config.ExposedPorts)).sort(),
    labels: Object.entries(record(config.Labels))
      .map(([k, v]): [string, string] => [k, text(v)])
      .sort(([a], [b]) => a.localeCompare(b)),
    size: typeof inspect.Size === 'number' ? inspect.Size : null,
  };
}

/** An exec-form command as the Dockerfile writes it: ["sh", "-c", "echo hi"]. */
export function execForm(args: readonly string[]): string {
  return `[${args.map((a) => JSON.stringify(a)).join(', ')}]`;
}
