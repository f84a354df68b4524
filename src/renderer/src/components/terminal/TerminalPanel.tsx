import { useMemo, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ExecTerminal, SessionStatus, type SessionState } from './ExecTerminal';

const SHELLS = ['sh', 'bash'] as const;
type Shell = (typeof SHELLS)[number] | 'custom';

/** Splits a custom command on spaces (no shell quoting: for that, run `sh -c '…'`). */
function toArgv(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** Choose a shell (or a command) and a user, then a terminal into the running container. */
export function TerminalPanel({ containerId }: { containerId: string }): ReactElement {
  const { t } = useTranslation();
  const [shell, setShell] = useState<Shell>('sh');
  const [custom, setCustom] = useState('');
  const [user, setUser] = useState('');
  const [session, setSession] = useState<SessionState>({ state: 'connecting' });
  // Each Connect mounts a new terminal with the settings of that moment.
  const [run, setRun] = useState<{ key: number; command: string[]; user: string } | null>(null);
  const command = useMemo(() => (shell === 'custom' ? toArgv(custom) : [shell]), [shell, custom]);

  const connect = (e: FormEvent): void => {
    e.preventDefault();
    if (command.length === 0) return;
    setRun((r) => ({ key: (r?.key ?? 0) + 1, command, user: user.trim() }));
  };

  return (
    <div className="terminal-panel">
      <form className="terminal-panel__bar" onSubmit={connect}>
        <label className="terminal-panel__field">
          {t('terminal.shell')}
          <select className="select" value={shell} onChange={(e) => setShell(e.target.value as Shell)} data-testid="terminal-shell">
            {SHELLS.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
            <option value="custom">{t('terminal.custom')}</option>
          </select>
        </label>
        {shell === 'custom' ? (
          <input className="input terminal-panel__command" value={custom} onChange={(e) => setCustom(e.target.value)} placeholder={t('terminal.commandPlaceholder')} aria-label={t('terminal.command')} data-testid="terminal-command" spellCheck={false} />
        ) : null}
        <label className="terminal-panel__field">
          {t('terminal.user')}
          <input className="input terminal-panel__user" value={user} onChange={(e) => setUser(e.target.value)} placeholder={t('terminal.userPlaceholder')} data-testid="terminal-user" spellCheck={false} />
        </label>
        <button type="submit" className="button button--primary button--small" disabled={command.length === 0} data-testid="terminal-connect">
          {run ? t('terminal.reconnect') : t('terminal.connect')}
        </button>
        <span className="terminal-panel__hint muted">{t('terminal.copyHint')}</span>
      </form>
      {run ? (
        <>
          <ExecTerminal key={run.key} containerId={containerId} command={run.command} user={run.user || undefined} onState={setSession} />
          <SessionStatus session={session} command={run.command} />
        </>
      ) : (
        <p className="muted terminal-panel__idle">{t('terminal.idle')}</p>
      )}
    </div>
  );
}
