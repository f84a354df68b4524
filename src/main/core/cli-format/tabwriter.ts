/**
 * The docker CLI's tabwriter (cli/command/formatter/tabwriter, a fork of Go's text/tabwriter that measures cells
 * in terminal columns), as `--format 'table …'` uses it: minwidth 10, padding 3, padchar ' ', no flags.
 *
 * Cells end at '\t' (or '\v'); lines at '\n'. A column is aligned only across a block of consecutive lines that
 * all have a tab-terminated cell in it; a line's last cell is never padded; the text after the last '\n' is
 * written without a newline.
 */
import { displayWidth } from './display-width';

interface Cell {
  text: string;
  width: number;
}

export interface TabwriterOptions {
  minwidth: number;
  padding: number;
}

const CLI: TabwriterOptions = { minwidth: 10, padding: 3 };

/** Splits text into lines of cells as the writer buffers them (the trailing empty cell of a line is dropped). */
function toLines(text: string): Cell[][] {
  const lines: Cell[][] = [];
  let line: Cell[] = [];
  let cell = '';
  const endCell = (): void => {
    line.push({ text: cell, width: displayWidth(cell) });
    cell = '';
  };
  for (const ch of text) {
    if (ch === '\t' || ch === '\v') endCell();
    else if (ch === '\n' || ch === '\f') {
      endCell();
      lines.push(line);
      line = [];
    } else cell += ch;
  }
  // Flush: an unfinished cell counts only when it holds text.
  if (cell !== '') endCell();
  lines.push(line);
  return lines;
}

/** Aligns `text` as the CLI's tabwriter prints it after Flush(). */
export function tabwrite(text: string, options: TabwriterOptions = CLI): string {
  const lines = toLines(text);
  const widths: number[] = [];
  let out = '';

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i] ?? [];
      line.forEach((c, j) => {
        out += c.text;
        const w = widths[j];
        if (w !== undefined) out += ' '.repeat(w - c.width);
      });
      if (i + 1 < lines.length) out += '\n';
    }
  };

  const format = (line0In: number, line1: number): void => {
    let line0 = line0In;
    const column = widths.length;
    for (let current = line0; current < line1; current++) {
      if (column >= (lines[current]?.length ?? 0) - 1) continue;
      // This line starts a block of lines with a cell in this column.
      writeLines(line0, current);
      line0 = current;
      let width = options.minwidth;
      for (; current < line1; current++) {
        const line = lines[current] ?? [];
        if (column >= line.length - 1) break;
        width = Math.max(width, (line[column]?.width ?? 0) + options.padding);
      }
      widths.push(width);
      format(line0, current);
      widths.pop();
      line0 = current;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out;
}
