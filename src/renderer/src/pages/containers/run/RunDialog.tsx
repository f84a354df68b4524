import { useEffect, useMemo, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunProblem, RunSpec } from '../../../../../shared/container-run';
import type { WharfErrorInfo } from '../../../../../shared/errors';
import { shellQuote } from '../../../../../shared/shell-quote';
import { call } from '../../../api';
import { CommandBlock } from '../../../components/CommandBlock';
import { Dialog } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useCall } from '../../../hooks/use-call';
import { FieldProblems, hasProblem } from './FieldProblems';
import { PortRows, TextRows, VolumeRows } from './RunListFields';
import { useRunForm } from './use-run-form';

const RESTART: readonly RunSpec['restart'][] = ['no', 'always', 'unless-stopped', 'on-failure'];

function Section({ title, children }: { title: string; children: ReactNode }): ReactElement {
  return (
    <fieldset className="containers-run__section">
      <legend className="section-label">{title}</legend>
      {children}
    </fieldset>
  );
}

/** A labelled single input with its hint and its problems. */
function Field(props: { field: keyof RunSpec; label: string; hint?: string; problems: readonly RunProblem[]; children: ReactNode }): ReactElement {
  return (
    <label className="field containers-run__field">
      <span>{props.label}</span>
      {props.children}
      {props.hint ? <span className="field__hint">{props.hint}</span> : null}
      <FieldProblems problems={props.problems} field={props.field} />
    </label>
  );
}

/** What the image and network fields suggest: the local images and networks when the dialog opened (none if a read failed). */
function useChoices(): { images: string[]; networks: string[] } {
  const { data: list } = useCall('images.list', { filters: {}, all: false });
  const { data: networks } = useCall('containers.networks', {});
  const images = useMemo(() => (list ? [...new Set(list.rows.filter((r) => r.repository !== '<none>').map((r) => `${r.repository}:${r.tag}`))].sort() : []), [list]);
  return { images, networks: networks ?? [] };
}

/** The form of `docker run`: explains every invalid entry before anything is created, and shows the command. */
export function RunDialog({ onClose }: { onClose(): void }): ReactElement {
  const { t } = useTranslation();
  const { spec, update, problems: allProblems, localProblems, argv, setRefused, planError } = useRunForm();
  const { images, networks } = useChoices();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WharfErrorInfo | null>(null);
  // The image's "Required" waits until the field was left or typed in: a form just opened is not wrong yet. (A port
  // or volume row's required parts show at once: the user added that row.)
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const touch = (field: string): void => setTouched((s) => (s.has(field) ? s : new Set([...s, field])));
  const problems = useMemo(() => allProblems.filter((p) => p.key !== 'required' || p.field !== 'image' || touched.has('image')), [allProblems, touched]);
  // What clicking Run brought back (the engine refused an entry, or the run failed) is scrolled into view.
  const form = useRef<HTMLFormElement>(null);
  const [answered, setAnswered] = useState(0);
  useEffect(() => {
    if (answered > 0) form.current?.querySelector('[role="alert"]')?.scrollIntoView({ block: 'center' });
  }, [answered]);
  const text = (field: 'image' | 'name' | 'command' | 'entrypoint' | 'envFile' | 'memory' | 'cpus' | 'restartRetries', placeholder: string, extra: { list?: string; mono?: boolean } = {}): ReactElement => (
    <input
      className={extra.mono === false ? 'input' : 'input mono'}
      value={spec[field]}
      placeholder={placeholder}
      list={extra.list}
      spellCheck={false}
      aria-invalid={hasProblem(problems, field)}
      data-testid={`run-${field}`}
      onBlur={() => touch(field)}
      onChange={(e) => {
        touch(field);
        update({ [field]: e.target.value });
      }}
    />
  );

  const submit = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    const answer = await call('containers.run', { spec });
    setBusy(false);
    if (answer.ok) return onClose();
    const refused = (answer.error.details as { problems?: RunProblem[] } | undefined)?.problems;
    if (refused) setRefused(refused);
    else setError(answer.error);
    setAnswered((n) => n + 1);
  };

  const footer = (
    <>
      {problems.length > 0 ? (
        <span className="containers-run__count containers-problem" data-testid="run-problem-count">
          {t('containers.run.problemsCount', { count: problems.length })}
        </span>
      ) : null}
      <button type="button" className="button button--subtle" onClick={onClose} disabled={busy}>
        {t('containers.confirm.cancel')}
      </button>
      <button type="button" className="button button--primary" disabled={busy || localProblems.length > 0} onClick={() => void submit()} data-testid="run-submit">
        {busy ? t('containers.run.working') : spec.start ? t('containers.run.submit') : t('containers.run.submitCreate')}
      </button>
    </>
  );

  return (
    <Dialog title={t('containers.run.title')} subtitle={t('containers.run.subtitle')} onClose={onClose} size="wide" footer={footer} testId="run-dialog" busy={busy}>
      <form className="containers-run" ref={form} onSubmit={(e) => e.preventDefault()}>
        <Section title={t('containers.run.sections.basics')}>
          <div className="containers-run__grid">
            <Field field="image" label={t('containers.run.image')} hint={t('containers.run.imageHint')} problems={problems}>
              {text('image', t('containers.run.imagePlaceholder'), { list: 'ctr-run-images' })}
              <datalist id="ctr-run-images">
                {images.map((i) => (
                  <option key={i} value={i} />
                ))}
              </datalist>
              {problems.some((p) => p.key === 'imageMissing') ? (
                <span className="notice notice--info containers-run__pull" data-testid="run-pull-hint">
                  {t('containers.run.pullHint')}
                </span>
              ) : null}
            </Field>
            <Field field="name" label={t('containers.run.name')} problems={problems}>
              {text('name', t('containers.run.namePlaceholder'))}
            </Field>
            <Field field="command" label={t('containers.run.command')} hint={t('containers.run.commandHint')} problems={problems}>
              {text('command', t('containers.run.commandPlaceholder'))}
            </Field>
            <Field field="entrypoint" label={t('containers.run.entrypoint')} problems={problems}>
              {text('entrypoint', t('containers.run.entrypointPlaceholder'))}
            </Field>
          </div>
        </Section>
        <Section title={t('containers.run.sections.ports')}>
          <PortRows ports={spec.ports} problems={problems} onChange={(ports) => update({ ports })} />
        </Section>
        <Section title={t('containers.run.sections.volumes')}>
          <p className="field__hint">{t('containers.run.sourceHint')}</p>
          <VolumeRows volumes={spec.volumes} problems={problems} onChange={(volumes) => update({ volumes })} />
        </Section>
        <Section title={t('containers.run.sections.env')}>
          <TextRows field="env" values={spec.env} placeholder={t('containers.run.envPlaceholder')} addLabel={t('containers.run.addEnv')} problems={problems} onChange={(env) => update({ env })} />
          <Field field="envFile" label={t('containers.run.envFile')} hint={t('containers.run.envFileHint')} problems={problems}>
            {text('envFile', t('containers.run.envFilePlaceholder'))}
          </Field>
        </Section>
        <Section title={t('containers.run.sections.options')}>
          <div className="containers-run__grid">
            <Field field="restart" label={t('containers.run.restart')} problems={problems}>
              <select className="select" value={spec.restart} data-testid="run-restart" onChange={(e) => update({ restart: e.target.value as RunSpec['restart'] })}>
                {RESTART.map((r) => (
                  <option key={r} value={r}>
                    {t(`containers.run.restartOption.${r}`)}
                  </option>
                ))}
              </select>
            </Field>
            {spec.restart === 'on-failure' ? (
              <Field field="restartRetries" label={t('containers.run.retries')} problems={problems}>
                {text('restartRetries', t('containers.run.retriesPlaceholder'))}
              </Field>
            ) : null}
            <Field field="network" label={t('containers.run.network')} problems={problems}>
              <select className="select" value={spec.network} data-testid="run-network" onChange={(e) => update({ network: e.target.value })}>
                <option value="">{t('containers.run.networkDefault')}</option>
                {networks.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <span className="containers-run__label">{t('containers.run.labels')}</span>
          <TextRows field="labels" values={spec.labels} placeholder={t('containers.run.labelPlaceholder')} addLabel={t('containers.run.addLabel')} problems={problems} onChange={(labels) => update({ labels })} />
          <div className="containers-run__checks">
            <label className="checkbox">
              <input type="checkbox" checked={spec.start} onChange={(e) => update({ start: e.target.checked })} data-testid="run-start" />
              {t('containers.run.start')}
            </label>
            <span className="field__hint">{t('containers.run.startHint')}</span>
            <label className="checkbox">
              <input type="checkbox" checked={spec.autoRemove} onChange={(e) => update({ autoRemove: e.target.checked })} data-testid="run-auto-remove" />
              {t('containers.run.autoRemove')}
            </label>
          </div>
        </Section>
        <Section title={t('containers.run.sections.limits')}>
          <div className="containers-run__grid">
            <Field field="memory" label={t('containers.run.memory')} problems={problems}>
              {text('memory', t('containers.run.memoryPlaceholder'))}
            </Field>
            <Field field="cpus" label={t('containers.run.cpus')} problems={problems}>
              {text('cpus', t('containers.run.cpusPlaceholder'))}
            </Field>
          </div>
        </Section>
        {planError ? (
          <div data-testid="run-plan-error">
            <ErrorNotice title={t('containers.run.planFailed')} error={planError} />
          </div>
        ) : null}
        {error ? <ErrorNotice title={t('containers.run.failed')} error={error} /> : null}
        <div className="containers-run__command">
          <span className="section-label">{t('containers.run.command_preview')}</span>
          <CommandBlock commands={[{ command: shellQuote(argv) }]} testId="run-preview" />
        </div>
      </form>
    </Dialog>
  );
}
