import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatsSample } from '../../../../shared/streams';
import { bytesSize, imageSize } from '../../../../shared/units';
import { errorMessage } from '../../i18n/messages';
import { Sparkline } from './Sparkline';
import { useStats } from './use-stats';
import '../../styles/stats.css';

function Tile({ title, value, sub, chart, testId }: { title: string; value: string; sub?: string; chart?: ReactElement; testId: string }): ReactElement {
  return (
    <div className={chart ? 'stats-tile stats-tile--chart' : 'stats-tile'} data-testid={testId}>
      <div className="stats-tile__title">{title}</div>
      <div className="stats-tile__value" data-testid={`${testId}-value`}>
        {value}
      </div>
      {sub ? <div className="stats-tile__sub muted">{sub}</div> : null}
      {chart}
    </div>
  );
}

/** `docker stats` for one running container (units as the CLI prints them: MiB for memory, kB/MB for I/O): CPU and memory with a minute of history, I/O totals. */
export function StatsPanel({ containerId }: { containerId: string }): ReactElement {
  const { t } = useTranslation();
  const { history, error } = useStats([containerId]);
  const samples: StatsSample[] = history[containerId] ?? [];
  const last = samples.at(-1);
  if (error) return <p className="stats__error">{errorMessage(t, error)}</p>;
  if (!last) return <p className="muted stats__waiting">{t('stats.waiting')}</p>;
  const cpu = samples.map((s) => s.cpuPercent ?? 0);
  return (
    <div className="stats" data-testid="stats">
      <Tile
        testId="stats-cpu"
        title={t('stats.cpu')}
        value={last.cpuPercent === null ? '—' : `${last.cpuPercent.toFixed(2)}%`}
        sub={t('stats.cpuHint')}
        chart={<Sparkline values={cpu} max={100} label={t('stats.cpu')} />}
      />
      <Tile
        testId="stats-memory"
        title={t('stats.memory')}
        value={`${bytesSize(last.memUsage)} / ${bytesSize(last.memLimit)}`}
        sub={`${last.memPercent.toFixed(2)}%`}
        chart={<Sparkline values={samples.map((s) => s.memUsage)} max={last.memLimit} label={t('stats.memory')} />}
      />
      <Tile testId="stats-net" title={t('stats.net')} value={`${imageSize(last.netRx)} / ${imageSize(last.netTx)}`} sub={t('stats.rxTx')} />
      <Tile testId="stats-block" title={t('stats.block')} value={`${imageSize(last.blockRead)} / ${imageSize(last.blockWrite)}`} sub={t('stats.readWrite')} />
      <Tile testId="stats-pids" title={t('stats.pids')} value={String(last.pids)} />
    </div>
  );
}
