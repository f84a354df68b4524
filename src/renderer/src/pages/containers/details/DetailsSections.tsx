import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { portText, type ContainerDetails } from '../../../../../shared/container-list';
import { PortsCell } from '../PortsCell';

export type DetailsTab = 'overview' | 'logs' | 'terminal' | 'stats' | 'env' | 'mounts' | 'networks' | 'ports' | 'labels' | 'inspect';
export const DETAILS_TABS: readonly DetailsTab[] = ['overview', 'logs', 'terminal', 'stats', 'env', 'mounts', 'networks', 'ports', 'labels', 'inspect'];
/** The tabs that stream from the engine (shown by the dialog itself, not by DetailsSection). */
export type StreamTab = 'logs' | 'terminal' | 'stats';

function Table({ head, rows }: { head: string[]; rows: ReactNode[][] }): ReactElement {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="muted">{t('containers.details.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="table containers-details__table">
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells, i) => (
            <tr key={i}>
              {cells.map((c, j) => (
                <td key={j}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const mono = (text: string): ReactElement => <code className="containers-details__code">{text}</code>;

/** One section of the details dialog (the overview with rename lives in the dialog itself). */
export function DetailsSection({ tab, details }: { tab: Exclude<DetailsTab, 'overview' | StreamTab>; details: ContainerDetails }): ReactElement {
  const { t } = useTranslation();
  switch (tab) {
    case 'env':
      return (
        <Table
          head={[t('containers.details.label.key'), t('containers.details.label.value')]}
          rows={details.env.map((e) => {
            const eq = e.indexOf('=');
            return [mono(eq < 0 ? e : e.slice(0, eq)), mono(eq < 0 ? '' : e.slice(eq + 1))];
          })}
        />
      );
    case 'mounts':
      return (
        <Table
          head={[t('containers.details.mount.type'), t('containers.details.mount.source'), t('containers.details.mount.destination'), t('containers.details.mount.mode')]}
          rows={details.mounts.map((m) => [m.type, mono(m.name ?? m.source), mono(m.destination), m.rw ? t('containers.details.mount.rw') : t('containers.details.mount.ro')])}
        />
      );
    case 'networks':
      return (
        <Table
          head={[t('containers.details.network.name'), t('containers.details.network.ip'), t('containers.details.network.gateway'), t('containers.details.network.mac')]}
          rows={details.networks.map((n) => [n.name, mono(n.ipAddress), mono(n.gateway), mono(n.macAddress)])}
        />
      );
    case 'ports':
      return <Table head={[t('containers.details.port.container'), t('containers.details.port.host')]} rows={details.ports.map((p) => [mono(`${p.privatePort}/${p.type}`), p.publicPort === undefined ? '—' : <PortsCell key={portText(p)} ports={[p]} />])} />;
    case 'labels':
      return (
        <Table
          head={[t('containers.details.label.key'), t('containers.details.label.value')]}
          rows={Object.entries(details.labels)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [mono(k), mono(v)])}
        />
      );
    case 'inspect':
      return <pre className="containers-details__json" data-testid="container-inspect-json">{JSON.stringify(details.inspect, null, 2)}</pre>;
  }
}
