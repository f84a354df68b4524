import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { WharfErrorInfo } from '../../../../shared/errors';
import { openStream } from '../../api';
import { errorMessage } from '../../i18n/messages';
import '../../styles/terminal.css';

export type SessionState = { state: 'connecting' } | { state: 'open' } | { state: 'exited'; code: number | null } | { state: 'failed'; error: WharfErrorInfo };

/** The theme's colours, read from the page's CSS variables so the terminal follows light and dark. */
function themeFromCss(el: HTMLElement): { background: string; foreground: string; cursor: string; selectionBackground: string } {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string): string => css.getPropertyValue(name).trim() || fallback;
  return { background: v('--terminal-bg', '#11151c'), foreground: v('--terminal-fg', '#e4e7ed'), cursor: v('--accent', '#1d63ed'), selectionBackground: v('--terminal-selection', '#33415580') };
}

/**
 * One `docker exec -it` session in xterm.js: keystrokes go in, output comes out, the size follows the
 * element. Ctrl+Shift+C copies the selection; paste works as in any terminal. Remount to reconnect.
 */
export function ExecTerminal({ containerId, command, user, onState }: { containerId: string; command: string[]; user?: string; onState(state: SessionState): void }): ReactElement {
  const host = useRef<HTMLDivElement>(null);
  const stateRef = useRef(onState);
  useEffect(() => {
    stateRef.current = onState;
  });

  useEffect(() => {
    const el = host.current;
    if (!el) return undefined;
    const term = new Terminal({ fontFamily: getComputedStyle(el).getPropertyValue('--font-mono') || 'monospace', fontSize: 13, cursorBlink: true, theme: themeFromCss(el), scrollback: 5000 });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(el);
    fit.fit();
    stateRef.current({ state: 'connecting' });
    let opened = false;
    const stream = openStream(
      'containers.exec',
      { id: containerId, command, ...(user ? { user } : {}), cols: term.cols, rows: term.rows },
      {
        data(message) {
          if (!opened) {
            opened = true;
            stateRef.current({ state: 'open' });
          }
          if (message.kind === 'output') term.write(message.data);
          else stateRef.current({ state: 'exited', code: message.code });
        },
        end(error) {
          if (error) stateRef.current({ state: 'failed', error });
          term.options.cursorBlink = false;
        },
      },
    );
    term.attachCustomKeyEventHandler((event) => {
      if (event.type === 'keydown' && event.ctrlKey && event.shiftKey && event.code === 'KeyC') {
        void navigator.clipboard.writeText(term.getSelection());
        return false;
      }
      return true;
    });
    const input = term.onData((data) => stream.write({ kind: 'stdin', data }));
    const resize = term.onResize(({ cols, rows }) => stream.write({ kind: 'resize', cols, rows }));
    const observer = new ResizeObserver(() => fit.fit());
    observer.observe(el);
    term.focus();
    return () => {
      observer.disconnect();
      input.dispose();
      resize.dispose();
      stream.close();
      term.dispose();
    };
  }, [containerId, command, user]);

  return <div className="exec-terminal" ref={host} data-testid="exec-terminal" />;
}

/** The line under the terminal: connecting, connected, exited with its code, or why it failed. */
export function SessionStatus({ session, command }: { session: SessionState; command: readonly string[] }): ReactElement {
  const { t } = useTranslation();
  // The engine's "not found" here means the command is missing from the container, not that the container is gone.
  const missing = session.state === 'failed' && session.error.code === 'not-found';
  const [text, tone] =
    session.state === 'failed'
      ? [missing ? `${t('terminal.notFound', { command: command[0] ?? '' })} ${t('terminal.tryAnother')}` : errorMessage(t, session.error), 'danger']
      : session.state === 'exited'
        ? [t('terminal.exited', { code: session.code ?? '?' }), 'muted']
        : [t(`terminal.${session.state}`), session.state === 'open' ? 'success' : 'muted'];
  return (
    <div className={`terminal-status terminal-status--${tone}`} data-testid="terminal-status" data-state={session.state}>
      {text}
      {session.state === 'failed' && !missing ? <code>{session.error.message}</code> : null}
    </div>
  );
}
