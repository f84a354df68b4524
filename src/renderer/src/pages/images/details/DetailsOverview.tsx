import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageContainer, ImageDetails } from '../../../../../shared/image-details';
import { imageSize } from '../../../../../shared/units';
import { CopyButton } from '../../../components/CopyButton';
import { dynamicText } from '../../../i18n/messages';
import { DetailsLineage } from './DetailsLineage';
import { execForm, inspectFacts } from './details-format';
import { formatDate } from '../../../i18n/date-format';

const STATE_CHIP: Record<string, string> = {
  running: 'chip--success',
  restarting: 'chip--warning',
  paused: 'chip--warning',
  removing: 'chip--warning',
  dead: 'chip--danger',
};

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }): ReactElement {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

function Containers({ containers }: { containers: ImageContainer[] }): ReactElement {
  const { t } = useTranslation();
  if (containers.length === 0) return <span className="muted">{t('imageDetails.overview.noContainers')}</span>;
  return (
    <ul className="images-details__containers" data-testid="image-details-containers">
      {containers.map((c) => (
        <li key={c.id} title={c.id}>
          <span className={`chip ${STATE_CHIP[c.state] ?? 'chip--muted'}`}>{dynamicText(t, `imageDetails.state.${c.state}`, c.state)}</span>
          <span className="images-details__container-name">{c.name}</span>
          {c.status.toLowerCase() !== c.state.toLowerCase() ? <span className="faint">{c.status}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function MonoList({ items, testId }: { items: readonly string[]; testId?: string }): ReactElement {
  return (
    <ul className="images-details__mono-list mono" data-testid={testId}>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

/** Created as a local date and time, with the engine's exact timestamp on hover. */
function Created({ iso }: { iso: string }): ReactElement {
  const { i18n } = useTranslation();
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <span>{iso}</span>;
  return (
    <time dateTime={iso} title={iso}>
      {formatDate(i18n.language, 'detailExact', date)}
    </time>
  );
}

/** What a user looks for first: names, when and for what platform it was built, how it runs, who uses it. */
export function DetailsOverview({ details, onOpenImage }: { details: ImageDetails; onOpenImage(id: string): void }): ReactElement {
  const { t } = useTranslation();
  const facts = inspectFacts(details.inspect);
  const none = <span className="faint">{t('common.none')}</span>;

  return (
    <div className="images-details__overview">
      <dl className="images-details__facts">
        <Field label={t('imageDetails.overview.id')} testId="image-details-id">
          <span className="images-details__id">
            <code className="mono">{details.id}</code>
            <CopyButton label={t('common.copy')} text={() => details.id} title={t('imageDetails.overview.copyId')} />
          </span>
        </Field>
        <Field label={t('imageDetails.overview.tags')} testId="image-details-tags">
          {details.repoTags.length > 0 ? (
            <span className="images-details__chips">
              {details.repoTags.map((tag) => (
                <span key={tag} className="chip chip--accent">
                  {tag}
                </span>
              ))}
            </span>
          ) : (
            <span className="muted">{t('imageDetails.overview.noTags')}</span>
          )}
        </Field>
        <Field label={t('imageDetails.overview.digests')}>
          {details.repoDigests.length > 0 ? <MonoList items={details.repoDigests} /> : <span className="muted">{t('imageDetails.overview.noDigests')}</span>}
        </Field>
        <Field label={t('imageDetails.overview.created')}>{facts.created ? <Created iso={facts.created} /> : none}</Field>
        <Field label={t('imageDetails.overview.size')}>{facts.size !== null ? imageSize(facts.size) : none}</Field>
        <Field label={t('imageDetails.overview.platform')}>{facts.platform || none}</Field>
        {facts.author ? <Field label={t('imageDetails.overview.author')}>{facts.author}</Field> : null}
        <Field label={t('imageDetails.overview.entrypoint')}>{facts.entrypoint ? <code className="mono">{execForm(facts.entrypoint)}</code> : none}</Field>
        <Field label={t('imageDetails.overview.cmd')}>{facts.cmd ? <code className="mono">{execForm(facts.cmd)}</code> : none}</Field>
        {facts.workingDir ? (
          <Field label={t('imageDetails.overview.workdir')}>
            <code className="mono">{facts.workingDir}</code>
          </Field>
        ) : null}
        {facts.user ? (
          <Field label={t('imageDetails.overview.user')}>
            <code className="mono">{facts.user}</code>
          </Field>
        ) : null}
        <Field label={t('imageDetails.overview.ports')}>
          {facts.ports.length > 0 ? (
            <span className="images-details__chips">
              {facts.ports.map((port) => (
                <span key={port} className="chip chip--muted mono">
                  {port}
                </span>
              ))}
            </span>
          ) : (
            none
          )}
        </Field>
        <Field label={t('imageDetails.overview.env')}>{facts.env.length > 0 ? <MonoList items={facts.env} /> : none}</Field>
        <Field label={t('imageDetails.overview.labels')}>
          {facts.labels.length > 0 ? (
            <table className="images-details__labels mono">
              <tbody>
                {facts.labels.map(([key, value]) => (
                  <tr key={key}>
                    <th scope="row">{key}</th>
                    <td>{value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            none
          )}
        </Field>
        <Field label={t('imageDetails.overview.containers')}>
          <Containers containers={details.containers} />
        </Field>
        <Field label={t('imageDetails.lineage.label')}>
          <DetailsLineage details={details} onOpenImage={onOpenImage} />
        </Field>
      </dl>
    </div>
  );
}
