import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { MountSpec, PortSpec, RunProblem } from '../../../../../shared/container-run';
import { Icon } from '../../../components/Icon';
import { FieldProblems, hasProblem } from './FieldProblems';

function replaced<T>(list: readonly T[], index: number, next: T): T[] {
  return list.map((item, i) => (i === index ? next : item));
}

function without<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

function RemoveButton({ onClick }: { onClick(): void }): ReactElement {
  const { t } = useTranslation();
  return (
    <button type="button" className="icon-button containers-run__remove" aria-label={t('containers.run.removeRow')} title={t('containers.run.removeRow')} onClick={onClick}>
      <Icon name="close" size={15} />
    </button>
  );
}

function AddButton({ label, onClick, testId }: { label: string; onClick(): void; testId: string }): ReactElement {
  return (
    <button type="button" className="button button--small button--subtle containers-run__add" onClick={onClick} data-testid={testId}>
      <Icon name="plus" size={14} />
      {label}
    </button>
  );
}

/** `-p hostIp:hostPort:containerPort/protocol`, one row each. */
export function PortRows({ ports, problems, onChange }: { ports: PortSpec[]; problems: readonly RunProblem[]; onChange(ports: PortSpec[]): void }): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="containers-run__rows">
      {ports.map((p, i) => {
        const set = (patch: Partial<PortSpec>): void => onChange(replaced(ports, i, { ...p, ...patch }));
        const input = (key: 'hostIp' | 'hostPort' | 'containerPort', placeholder: string): ReactElement => (
          <input className="input mono" value={p[key]} placeholder={placeholder} aria-label={t(`containers.run.${key}`)} aria-invalid={hasProblem(problems, `ports.${i}.${key}`)} data-testid={`run-port-${key}-${i}`} onChange={(e) => set({ [key]: e.target.value.trim() })} />
        );
        return (
          <div key={i} className="containers-run__row">
            <div className="containers-run__port">
              {input('hostIp', t('containers.run.hostIpPlaceholder'))}
              <span className="faint">:</span>
              {input('hostPort', t('containers.run.hostPortPlaceholder'))}
              <span className="containers-run__arrow" aria-hidden="true">→</span>
              {input('containerPort', '80')}
              <select className="select" value={p.protocol} aria-label={t('containers.run.protocol')} onChange={(e) => set({ protocol: e.target.value as PortSpec['protocol'] })}>
                <option value="tcp">tcp</option>
                <option value="udp">udp</option>
                <option value="sctp">sctp</option>
              </select>
              <RemoveButton onClick={() => onChange(without(ports, i))} />
            </div>
            {(['hostIp', 'hostPort', 'containerPort'] as const).map((k) => (
              <FieldProblems key={k} problems={problems} field={`ports.${i}.${k}`} />
            ))}
          </div>
        );
      })}
      <AddButton label={t('containers.run.addPort')} testId="run-add-port" onClick={() => onChange([...ports, { hostIp: '', hostPort: '', containerPort: '', protocol: 'tcp' }])} />
    </div>
  );
}

/** `-v source:target[:ro]`, one row each. */
export function VolumeRows({ volumes, problems, onChange }: { volumes: MountSpec[]; problems: readonly RunProblem[]; onChange(volumes: MountSpec[]): void }): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="containers-run__rows">
      {volumes.map((v, i) => {
        const set = (patch: Partial<MountSpec>): void => onChange(replaced(volumes, i, { ...v, ...patch }));
        return (
          <div key={i} className="containers-run__row">
            <div className="containers-run__volume">
              <input className="input mono" value={v.source} placeholder={t('containers.run.sourcePlaceholder')} aria-label={t('containers.run.source')} aria-invalid={hasProblem(problems, `volumes.${i}.source`)} onChange={(e) => set({ source: e.target.value })} />
              <span className="containers-run__arrow" aria-hidden="true">→</span>
              <input className="input mono" value={v.target} placeholder="/data" aria-label={t('containers.run.target')} aria-invalid={hasProblem(problems, `volumes.${i}.target`)} onChange={(e) => set({ target: e.target.value })} />
              <label className="checkbox">
                <input type="checkbox" checked={v.readOnly} onChange={(e) => set({ readOnly: e.target.checked })} />
                {t('containers.run.readOnly')}
              </label>
              <RemoveButton onClick={() => onChange(without(volumes, i))} />
            </div>
            <FieldProblems problems={problems} field={`volumes.${i}.source`} />
            <FieldProblems problems={problems} field={`volumes.${i}.target`} />
          </div>
        );
      })}
      <AddButton label={t('containers.run.addVolume')} testId="run-add-volume" onClick={() => onChange([...volumes, { source: '', target: '', readOnly: false }])} />
    </div>
  );
}

/** NAME=value (env) or key=value (labels) lines, one input each. */
export function TextRows(props: { field: 'env' | 'labels'; values: string[]; placeholder: string; addLabel: string; problems: readonly RunProblem[]; onChange(values: string[]): void }): ReactElement {
  const { field, values, placeholder, addLabel, problems, onChange } = props;
  return (
    <div className="containers-run__rows">
      {values.map((value, i) => (
        <div key={i} className="containers-run__row">
          <div className="containers-run__text">
            <input className="input mono" value={value} placeholder={placeholder} aria-label={placeholder} aria-invalid={hasProblem(problems, `${field}.${i}`)} data-testid={`run-${field}-${i}`} onChange={(e) => onChange(replaced(values, i, e.target.value))} />
            <RemoveButton onClick={() => onChange(without(values, i))} />
          </div>
          <FieldProblems problems={problems} field={`${field}.${i}`} />
        </div>
      ))}
      <AddButton label={addLabel} testId={`run-add-${field}`} onClick={() => onChange([...values, ''])} />
    </div>
  );
}
