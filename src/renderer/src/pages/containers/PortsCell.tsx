import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { portText, portUrl, type ContainerPort } from '../../../../shared/container-list';

/**
 * Published TCP ports as links to http://127.0.0.1:PORT, opened in a new tab. (In the desktop app new windows are
 * denied for now; external links are to be routed to the system browser by the shell.)
 */
export function PortsCell({ ports }: { ports: readonly ContainerPort[] }): ReactElement {
  const { t } = useTranslation();
  return (
    <span className="containers-ports">
      {ports.map((p) => {
        const url = portUrl(p);
        const text = portText(p);
        return url ? (
          <a key={text} className="containers-port mono" href={url} target="_blank" rel="noreferrer" title={t('containers.ports.open', { url })} data-testid="container-port-link">
            {p.publicPort}→{p.privatePort}
            {p.type !== 'tcp' ? `/${p.type}` : ''}
          </a>
        ) : (
          <span key={text} className="containers-port containers-port--plain mono" title={p.publicPort === undefined ? t('containers.ports.notPublished') : text}>
            {p.publicPort === undefined ? text : `${p.publicPort}→${p.privatePort}/${p.type}`}
          </span>
        );
      })}
    </span>
  );
}
