import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { WharfErrorInfo } from '../../../../shared/errors';
import { networkFormProblems, overlappingNetworks, type NetworkField, type NetworkProblem } from '../../../../shared/network-cidr';
import { useNetworksStore } from '../../stores/networks-store';
import { isBuiltinNetwork, networkCreateCommand, type NetworkCreateInput } from '../../../../shared/network-list';
import { shellQuote } from '../../../../shared/shell-quote';
import { call } from '../../api';
import { CommandBlock } from '../../components/CommandBlock';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { parsePairs } from '../../components/pairs';
import { ConfirmButtons } from '../../components/RemovalFooter';
import { PairsField } from '../../components/PairsField';
import { TextField } from '../../components/TextField';

/** The field problems the core answered with (details.problems of a refused create). */
function engineFieldProblems(error: WharfErrorInfo): Partial<Record<NetworkField, NetworkProblem>> {
  const problems = (error.details as { problems?: unknown } | undefined)?.problems;
  return problems && typeof problems === 'object' ? (problems as Partial<Record<NetworkField, NetworkProblem>>) : {};
}

/** `docker network create` of a bridge network, checked field by field before anything is created. */
export function CreateNetworkDialog({ onClose, onCreated }: { onClose(): void; onCreated(): void }): ReactElement {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [subnet, setSubnet] = useState('');
  const [gateway, setGateway] = useState('');
  const [internal, setInternal] = useState(false);
  const [labels, setLabels] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WharfErrorInfo | null>(null);
  // The engine's refusal of a subnet it cannot give (taken by another network), until the subnet is changed.
  const [refusedSubnet, setRefusedSubnet] = useState<string | null>(null);
  const parsedLabels = parsePairs(labels);
  // Checked against the networks listed before the engine is asked; the engine's own refusal stays the last word.
  const rows = useNetworksStore((s) => s.list?.rows);
  const overlaps = overlappingNetworks(subnet, rows ?? []);
  const problems: Partial<Record<NetworkField, NetworkProblem>> = {
    ...(overlaps.length > 0 || (refusedSubnet !== null && refusedSubnet === subnet.trim()) ? { subnet: 'subnetOverlaps' } : {}),
    ...networkFormProblems({ name, subnet, gateway }, isBuiltinNetwork),
  };
  const valid = Object.keys(problems).length === 0 && parsedLabels.ok;
  const input: NetworkCreateInput = {
    name: name.trim(),
    driver: 'bridge',
    ...(subnet.trim() ? { subnet: subnet.trim() } : {}),
    ...(gateway.trim() ? { gateway: gateway.trim() } : {}),
    internal,
    labels: parsedLabels.ok ? parsedLabels.pairs : {},
  };
  // "Required" waits for the first submit; malformed values are explained as they are typed.
  const shown = (field: NetworkField): string | undefined => {
    const problem = problems[field];
    if (!problem || (problem === 'nameRequired' && !touched)) return undefined;
    const first = overlaps[0];
    if (problem === 'subnetOverlaps' && first) return t('networks.problem.subnetOverlapsNamed', { network: first.name, subnet: first.subnet });
    return t(`networks.problem.${problem}`);
  };

  const submit = async (): Promise<void> => {
    setTouched(true);
    if (!valid) return;
    setBusy(true);
    setError(null);
    const answer = await call('networks.create', input);
    setBusy(false);
    if (answer.ok) onCreated();
    else if (engineFieldProblems(answer.error).subnet === 'subnetOverlaps') setRefusedSubnet(input.subnet ?? '');
    else setError(answer.error);
  };

  return (
    <Dialog
      title={t('networks.create.title')}
      subtitle={t('networks.create.subtitle')}
      onClose={onClose}
      busy={busy}
      testId="network-create-dialog"
      footer={<ConfirmButtons busy={busy} disabled={touched && !valid} label={t('networks.create.submit')} onClose={onClose} onConfirm={() => void submit()} testId="network-create-submit" />}
    >
      <form
        className="resource-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void submit();
        }}
      >
        <TextField id="network-name" label={t('networks.create.name')} value={name} onChange={setName} placeholder={t('networks.create.namePlaceholder')} problem={shown('name')} autoFocus testId="network-create-name" />
        <div className="networks-pair">
          <TextField id="network-subnet" label={t('networks.create.subnet')} value={subnet} onChange={setSubnet} placeholder={t('networks.create.subnetPlaceholder')} hint={t('networks.create.subnetHint')} problem={shown('subnet')} testId="network-create-subnet" />
          <TextField id="network-gateway" label={t('networks.create.gateway')} value={gateway} onChange={setGateway} placeholder={t('networks.create.gatewayPlaceholder')} hint={t('networks.create.gatewayHint')} problem={shown('gateway')} testId="network-create-gateway" />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} data-testid="network-create-internal" />
          {t('networks.create.internal')}
        </label>
        <PairsField id="network-labels" label={t('networks.create.labels')} value={labels} parsed={parsedLabels} onChange={setLabels} testId="network-create-labels" />
        <div className="resource-command">
          <span className="field__hint">{t('networks.command')}</span>
          <CommandBlock commands={[{ command: shellQuote(networkCreateCommand({ ...input, name: input.name || 'NAME' })) }]} testId="network-create-command" />
        </div>
        {error ? <ErrorNotice title={t('networks.create.failed')} error={error} /> : null}
      </form>
    </Dialog>
  );
}
