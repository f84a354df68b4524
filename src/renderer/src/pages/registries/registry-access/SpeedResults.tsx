import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { MirrorSpeed, SpeedOutcome } from '../../../../../shared/registry-access';
import type { ItemResult } from '../../../../../shared/tasks';
import { humanSize } from '../../../../../shared/units';

const CHIP: Record<SpeedOutcome, string> = {
  ok: 'chip--success',
  'rate-limited': 'chip--warning',
  'not-found': 'chip--warning',
  forbidden: 'chip--danger',
  unauthorized: 'chip--danger',
  timeout: 'chip--danger',
  'tls-error': 'chip--danger',
  unreachable: 'chip--danger',
  other: 'chip--danger',
};

/** The ranked rows of a finished test: outcome chip, latency, download speed and the outcome in words. */
export function SpeedResults({ rows, image, nonOfficialImage }: { rows: MirrorSpeed[]; image: string; nonOfficialImage: string }): ReactElement {
  const { t } = useTranslation();
  return (
    <table className="table registry-access-speed-results" data-testid="speed-results">
      <thead>
        <tr>
          <th className="registry-access-speed-results__rank">{t('registryAccess.speed.rank')}</th>
          <th>{t('registryAccess.speed.mirror')}</th>
          <th>{t('registryAccess.speed.result')}</th>
          <th className="registry-access-speed-results__num">{t('registryAccess.speed.latency')}</th>
          <th className="registry-access-speed-results__num">{t('registryAccess.speed.throughput')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.url} data-testid="speed-row" data-outcome={row.outcome}>
            <td className="registry-access-speed-results__rank">{row.rank}</td>
            <td>
              <code className="mono">{row.url}</code>
              {row.tokenFlow ? (
                <span className="chip chip--muted registry-access-speed-results__token" title={t('registryAccess.speed.tokenTitle')}>
                  {t('registryAccess.speed.token')}
                </span>
              ) : null}
            </td>
            <td>
              <div className="registry-access-speed-results__outcome">
                <span className={`chip ${CHIP[row.outcome]}`}>
                  {t(`registryAccess.speed.outcome.${row.outcome}`)}
                  {row.status !== undefined && row.outcome !== 'ok' ? ` · ${row.status}` : ''}
                </span>
                <span className="registry-access-speed-results__explain">
                  {t(`registryAccess.speed.explain.${row.outcome}`)}
                  {row.failedStep ? ` (${t(`registryAccess.speed.step.${row.failedStep}`)})` : ''}
                </span>
                {row.message && row.outcome !== 'ok' ? <span className="faint mono registry-access-speed-results__detail">{row.message}</span> : null}
                {row.allowList ? (
                  <span className="chip chip--warning" title={t('registryAccess.speed.allowListTitle', { official: image, other: nonOfficialImage })} data-testid="speed-allow-list">
                    {t('registryAccess.speed.allowList')}
                  </span>
                ) : null}
                {row.nonOfficial && row.outcome === 'ok' ? (
                  <span className="faint registry-access-speed-results__detail">
                    {t('registryAccess.speed.nonOfficial', { image: row.nonOfficial.image, outcome: t(`registryAccess.speed.outcome.${row.nonOfficial.outcome}`) })}
                  </span>
                ) : null}
              </div>
            </td>
            <td className="registry-access-speed-results__num">{row.latencyMs !== undefined ? t('registryAccess.speed.ms', { value: row.latencyMs }) : '—'}</td>
            <td className="registry-access-speed-results__num">
              {row.blob ? (
                <>
                  <strong>{t('registryAccess.speed.perSecond', { size: humanSize(row.blob.bytesPerSecond) })}</strong>
                  <span className="faint registry-access-speed-results__sample">{t('registryAccess.speed.sample', { size: humanSize(row.blob.bytes), ms: row.blob.ms })}</span>
                </>
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** While the task runs: each mirror waiting, done or failed so far. */
export function SpeedProgress({ items }: { items: ItemResult[] }): ReactElement {
  const { t } = useTranslation();
  return (
    <ul className="registry-access-speed-progress" data-testid="speed-progress">
      {items.map((item) => (
        <li key={item.target}>
          <code className="mono">{item.target}</code>
          {item.state === 'pending' ? (
            <span className="chip chip--muted">{t('registryAccess.speed.pending')}</span>
          ) : (
            <span className={`chip ${item.state === 'done' ? 'chip--success' : 'chip--danger'}`}>
              {t(`registryAccess.speed.outcome.${(item.reason ?? 'other') as SpeedOutcome}`)}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
