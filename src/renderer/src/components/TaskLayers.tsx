import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { WharfErrorInfo } from '../../../shared/errors';
import { isRegistryAuthDetails } from '../../../shared/image-transfer';
import { isPullFailureDetails } from '../../../shared/pull-failure';
import type { LayerProgress, TaskInfo } from '../../../shared/tasks';
import { humanSize } from '../../../shared/units';
import '../styles/images-transfer.css';

type Tone = 'accent' | 'success' | 'muted' | 'warning';

const TONE: Record<LayerProgress['phase'], Tone> = {
  waiting: 'muted',
  preparing: 'muted',
  downloading: 'accent',
  verifying: 'accent',
  'download-complete': 'accent',
  extracting: 'accent',
  pushing: 'accent',
  done: 'success',
  pushed: 'success',
  exists: 'muted',
  mounted: 'muted',
  retrying: 'warning',
};

const FINISHED: ReadonlySet<LayerProgress['phase']> = new Set(['done', 'pushed', 'exists', 'mounted']);

/** 0..1 of a layer's current phase, for its thin bar. */
function layerFill(layer: LayerProgress): number {
  if (FINISHED.has(layer.phase) || layer.phase === 'download-complete' || layer.phase === 'verifying') return 1;
  if (layer.total && layer.current !== undefined) return Math.min(1, layer.current / layer.total);
  return 0;
}

function LayerRow({ layer }: { layer: LayerProgress }): ReactElement {
  const { t } = useTranslation();
  const fill = layerFill(layer);
  const moving = !FINISHED.has(layer.phase) && layer.total !== undefined && layer.current !== undefined;
  return (
    <li className="layer-row" data-testid="task-layer" data-phase={layer.phase}>
      <code className="layer-row__id" title={layer.id}>
        {layer.id.slice(0, 12)}
      </code>
      <span className={`chip chip--${TONE[layer.phase]} layer-row__phase`}>{t(`imageTransfer.phase.${layer.phase}`)}</span>
      <span className="layer-row__bytes">
        {moving ? t('imageTransfer.layers.bytes', { current: humanSize(layer.current ?? 0), total: humanSize(layer.total ?? 0) }) : layer.total ? humanSize(layer.total) : ''}
      </span>
      <span className={`layer-row__bar layer-row__bar--${TONE[layer.phase]}`} aria-hidden="true">
        <span style={{ width: `${Math.round(fill * 100)}%` }} />
      </span>
    </li>
  );
}

/** What to do when a registry refused a pull or push for want of credentials; nothing otherwise. */
export function RegistryAuthHint({ error }: { error: WharfErrorInfo | undefined }): ReactElement | null {
  const { t } = useTranslation();
  if (!error || !isRegistryAuthDetails(error.details)) return null;
  return (
    <p className="task-layers__hint" data-testid="task-auth-hint">
      {t('imageTransfer.authHint', { registry: error.details.registry })}
    </p>
  );
}

/** What to do about a pull failure Wharf could explain: a mirror's allow-list, a rate limit, a timeout, a fallback. */
export function PullFailureHint({ error }: { error: WharfErrorInfo | undefined }): ReactElement | null {
  const { t } = useTranslation();
  if (!error || !isPullFailureDetails(error.details)) return null;
  const { reason, registry, mirrors } = error.details;
  return (
    <p className="task-layers__hint" data-testid="pull-failure-hint" data-reason={reason}>
      {t(`imageTransfer.pullFailure.${reason}`, { registry, mirrors: mirrors.join(', ') || registry })}
    </p>
  );
}

/**
 * A pull's or push's layers, as `docker pull` draws them: short ID, what the engine is doing with it,
 * bytes so far. Also says what to do when the registry wanted credentials.
 */
export function TaskLayers({ task, authHint = true }: { task: TaskInfo; /** false where the error (and its hint) is shown apart. */ authHint?: boolean }): ReactElement | null {
  const { t } = useTranslation();
  if (task.detail?.kind !== 'layers') return null;
  const layers = task.detail.layers;
  const done = layers.filter((l) => FINISHED.has(l.phase)).length;
  return (
    <div className="task-layers" data-testid="task-layers">
      {layers.length > 0 ? (
        <>
          <div className="task-layers__summary faint">{t('imageTransfer.layers.summary', { done, total: layers.length })}</div>
          <ul className="task-layers__list" aria-label={t('imageTransfer.layers.label')}>
            {layers.map((layer) => (
              <LayerRow key={layer.id} layer={layer} />
            ))}
          </ul>
        </>
      ) : task.state === 'running' ? (
        <div className="task-layers__summary faint">{t('imageTransfer.layers.waitingForLayers')}</div>
      ) : null}
      {authHint ? <RegistryAuthHint error={task.error} /> : null}
    </div>
  );
}
