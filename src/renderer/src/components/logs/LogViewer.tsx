import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../i18n/messages';
import { Icon } from '../Icon';
import { LogLineRow } from './LogLineRow';
import { logText } from './log-text';
import { useLogStream, type LogOptions, type LogTarget } from './use-log-stream';
import '../../styles/logs.css';

const TAILS = [100, 1000, 10_000, 'all'] as const;
/** "since" choices in seconds before now (0 = everything). */
const SINCE = [0, 60, 600, 3600, 86_400] as const;
const ROW = 20;

/** Downloads text as a file, the browser's way (works the same in the desktop window). */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * `docker logs` as a view: follow, tail, since, timestamps, stdout/stderr told apart, search with
 * highlighting, wrap, download. Only the visible lines are in the DOM; the stream keeps the newest lines.
 */
/** `name` names the download (the container's, or the project's). */
export function LogViewer({ target, name }: { target: LogTarget; name: string }): ReactElement {
  const { t } = useTranslation();
  const [follow, setFollow] = useState(true);
  const [tail, setTail] = useState<LogOptions['tail']>(1000);
  const [sinceAgo, setSinceAgo] = useState<number>(0);
  const [timestamps, setTimestamps] = useState(false);
  const [wrap, setWrap] = useState(false);
  const [query, setQuery] = useState('');
  const [onlyMatches, setOnlyMatches] = useState(false);
  const [generation, setGeneration] = useState(0);
  // The since time is fixed when chosen, so re-renders do not reopen the stream.
  const [sinceAt, setSinceAt] = useState<number | undefined>(undefined);
  const log = useLogStream({ target, follow, tail, since: sinceAt, timestamps }, generation);

  const shown = useMemo(() => {
    if (!onlyMatches || query === '') return log.lines;
    const q = query.toLowerCase();
    return log.lines.filter((l) => l.text.toLowerCase().includes(q));
  }, [log.lines, onlyMatches, query]);
  const matches = useMemo(() => (query === '' ? 0 : log.lines.reduce((n, l) => (l.text.toLowerCase().includes(query.toLowerCase()) ? n + 1 : n), 0)), [log.lines, query]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders this component itself on scroll
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW,
    overscan: 20,
    getItemKey: (i) => shown[i]?.n ?? i,
  });

  // Stick to the newest line while the user is at the bottom; scrolling up stops that until they return.
  useEffect(() => {
    if (atBottom.current && shown.length > 0) virtualizer.scrollToIndex(shown.length - 1, { align: 'end' });
  }, [shown.length, virtualizer]);

  const onScroll = (): void => {
    const el = scrollRef.current;
    if (el) atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < ROW * 2;
  };

  const items = virtualizer.getVirtualItems();
  return (
    <div className="logs" data-testid="logs">
      <div className="logs__bar">
        <label className="checkbox">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} data-testid="logs-follow" />
          {t('logs.follow')}
        </label>
        <label className="logs__field">
          {t('logs.tail')}
          <select className="select logs__select" value={String(tail)} onChange={(e) => setTail(e.target.value === 'all' ? 'all' : Number(e.target.value))} data-testid="logs-tail">
            {TAILS.map((n) => (
              <option key={n} value={String(n)}>
                {n === 'all' ? t('logs.tailAll') : n.toLocaleString()}
              </option>
            ))}
          </select>
        </label>
        <label className="logs__field">
          {t('logs.since')}
          <select
            className="select logs__select"
            value={String(sinceAgo)}
            onChange={(e) => {
              const ago = Number(e.target.value);
              setSinceAgo(ago);
              setSinceAt(ago === 0 ? undefined : Math.floor(Date.now() / 1000) - ago);
            }}
            data-testid="logs-since"
          >
            {SINCE.map((s) => (
              <option key={s} value={String(s)}>
                {t(`logs.sinceChoice.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={timestamps} onChange={(e) => setTimestamps(e.target.checked)} data-testid="logs-timestamps" />
          {t('logs.timestamps')}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={wrap} onChange={(e) => setWrap(e.target.checked)} data-testid="logs-wrap" />
          {t('logs.wrap')}
        </label>
        <span className="logs__spacer" />
        <label className="logs__search">
          <Icon name="search" size={14} />
          <input className="input" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('logs.search')} aria-label={t('logs.search')} data-testid="logs-search" />
        </label>
        {query ? (
          <>
            <span className="muted logs__matches" data-testid="logs-matches">
              {t('logs.matches', { count: matches })}
            </span>
            <label className="checkbox">
              <input type="checkbox" checked={onlyMatches} onChange={(e) => setOnlyMatches(e.target.checked)} data-testid="logs-only-matches" />
              {t('logs.onlyMatches')}
            </label>
          </>
        ) : null}
        <button type="button" className="button button--small button--subtle" onClick={() => download(`${name}.log`, logText(log.lines, true))} data-testid="logs-download">
          <Icon name="download" size={14} />
          {t('logs.download')}
        </button>
      </div>
      <div className={wrap ? 'logs__scroll logs__scroll--wrap' : 'logs__scroll'} ref={scrollRef} onScroll={onScroll} data-testid="logs-lines">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const line = shown[item.index];
            return line ? (
              <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="logs__row" style={{ transform: `translateY(${item.start}px)` }}>
                <LogLineRow line={line} query={query} />
              </div>
            ) : null;
          })}
        </div>
        {log.lines.length === 0 && log.state !== 'failed' ? <p className="logs__empty muted">{log.state === 'streaming' ? t('logs.waiting') : t('logs.empty')}</p> : null}
      </div>
      <div className="logs__status muted" data-testid="logs-status" data-state={log.state}>
        <span>{t('logs.count', { count: log.lines.length })}</span>
        {log.dropped > 0 ? <span className="chip chip--warning">{t('logs.dropped', { count: log.dropped })}</span> : null}
        <span>{t(`logs.state.${log.state}`)}</span>
        {log.error ? <span className="logs__error">{errorMessage(t, log.error)}</span> : null}
        {log.state !== 'streaming' ? (
          <button type="button" className="button button--small button--subtle" onClick={() => setGeneration((g) => g + 1)}>
            {t('logs.reopen')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
