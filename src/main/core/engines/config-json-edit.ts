/**
 * One top-level string member of a JSON file set or removed by editing its bytes: the rest of the file (numbers
 * JSON.parse would round, key order, indentation, line endings) stays exactly as it was.
 */
import type { ParseProblem } from '../../../shared/registry-mirrors';
import { parseDaemonJson } from '../registry-mirrors/json-text';

export type EditResult = { ok: true; text: string } | { ok: false; problem: ParseProblem };

/** The whitespace that starts the line `offset` is on, when only whitespace precedes it there. */
function indentAt(text: string, offset: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset).replace(/^\uFEFF/, '');
  return /^[ \t]*$/.test(before) ? before : undefined;
}

export function setTopLevelString(text: string, key: string, value: string | undefined): EditResult {
  const parsed = parseDaemonJson(text);
  if (!parsed.ok) return parsed;
  const layout = parsed.layout;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (layout === undefined) {
    // No file or a blank one: what the CLI would write (tab-indented).
    return { ok: true, text: value === undefined ? text : `{${eol}\t${JSON.stringify(key)}: ${JSON.stringify(value)}${eol}}${eol}` };
  }
  const members = layout.members;
  const at = members.map((m, i) => (m.key === key ? i : -1)).filter((i) => i >= 0);
  if (value !== undefined && at.length > 0) {
    let result = text;
    // Every occurrence of a duplicated key gets the value, so no old one is left to win.
    for (const i of [...at].reverse()) {
      const m = members[i];
      if (m && text.slice(m.valueStart, m.valueEnd) !== JSON.stringify(value)) result = result.slice(0, m.valueStart) + JSON.stringify(value) + result.slice(m.valueEnd);
    }
    return { ok: true, text: result };
  }
  if (value === undefined) {
    if (at.length === 0) return { ok: true, text };
    const cut = new Set(at);
    // The kept members, with the separators and whitespace between them as they were.
    const kept = members.map((m, i) => ({ m, i })).filter(({ i }) => !cut.has(i));
    if (kept.length === 0) return { ok: true, text: text.slice(0, layout.open + 1) + text.slice(layout.close) };
    let result = text.slice(0, (members[0]?.keyStart ?? layout.open + 1));
    kept.forEach(({ m, i }, n) => {
      if (n > 0) {
        // What stood between the previous member and this one in the file: ", " or ",\n\t".
        const previous = members[i - 1];
        result += previous ? text.slice(previous.valueEnd, m.keyStart) : ', ';
      }
      result += text.slice(m.keyStart, m.valueEnd);
    });
    const last = members.at(-1);
    result += text.slice(last ? last.valueEnd : layout.close);
    return { ok: true, text: result };
  }
  // A new member after the last one, in the file's own indentation.
  const last = members.at(-1);
  const member = `${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  if (last === undefined) {
    const braceIndent = indentAt(text, layout.open) ?? '';
    return { ok: true, text: `${text.slice(0, layout.open + 1)}${eol}${braceIndent}\t${member}${eol}${braceIndent}${text.slice(layout.close)}` };
  }
  const indent = indentAt(text, last.keyStart);
  const separator = indent === undefined ? ', ' : `,${eol}${indent}`;
  return { ok: true, text: text.slice(0, last.valueEnd) + separator + member + text.slice(last.valueEnd) };
}
