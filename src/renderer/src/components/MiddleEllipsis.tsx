import type { ReactElement } from 'react';

/** Where the kept end starts: the last path part (`/redo_java`) when short, else the last 16 characters. */
export function tailStart(text: string): number {
  const slash = text.lastIndexOf('/');
  if (slash > 0 && text.length - slash <= 32) return slash;
  return Math.max(0, text.length - 16);
}

/**
 * A long name cut in the middle, so the end that tells names apart stays visible: `20.26.38.4…/redo_java` rather than
 * `20.26.38.47:5000/…`. The head gives way first; the whole name is in the title.
 */
export function MiddleEllipsis({ text, className }: { text: string; className?: string }): ReactElement {
  const cut = tailStart(text);
  return (
    <span className={className ? `middle-ellipsis ${className}` : 'middle-ellipsis'} title={text} data-testid="middle-ellipsis">
      {cut > 0 ? <span className="middle-ellipsis__head">{text.slice(0, cut)}</span> : null}
      <span className="middle-ellipsis__tail">{text.slice(cut)}</span>
    </span>
  );
}
