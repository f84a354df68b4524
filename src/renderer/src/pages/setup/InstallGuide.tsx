import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstallGuide as Guide, InstallStep, SetupDiagnosis } from '../../../../shared/setup';
import { shellQuote } from '../../../../shared/shell-quote';
import { CommandBlock } from '../../components/CommandBlock';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { Spinner } from '../../components/Spinner';
import { dynamicText } from '../../i18n/messages';
import { useSetupStore } from '../../stores/setup-store';

type Mirror = Guide['dockerCe'][number]['mirror'];
type Source = 'distro' | 'docker-ce';

/** Users in China get a mirror of Docker's repository first: download.docker.com is slow or blocked there. */
function defaultMirror(guide: Guide, language: string): Mirror | undefined {
  const preferred: Mirror[] = language === 'zh-CN' ? ['aliyun', 'tuna', 'ustc', 'docker'] : ['docker', 'aliyun', 'tuna', 'ustc'];
  return preferred.find((m) => guide.dockerCe.some((entry) => entry.mirror === m)) ?? guide.dockerCe[0]?.mirror;
}

const INSTALL_DOCS = 'https://docs.docker.com/engine/install/';

/** The mirror's host, short enough for its option; the full base URL is its tooltip and is in every command. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url; // a preset that is not a URL still shows, as written
  }
}

/** Numbered steps with their commands; a step without commands is a note about the steps (shown first, unnumbered). */
function Steps({ steps }: { steps: readonly InstallStep[] }): ReactElement {
  const { t } = useTranslation();
  const text = (step: InstallStep): string => dynamicText(t, `setup.install.step.${step.key}`, step.key, step.values);
  const notes = steps.filter((step) => step.commands.length === 0);
  const numbered = steps.filter((step) => step.commands.length > 0);
  return (
    <>
      {notes.map((step) => (
        <p key={step.key} className="notice notice--info setup-install__note" data-step={step.key}>
          <Icon name="info" />
          <span>{text(step)}</span>
        </p>
      ))}
      <ol className="setup-install-steps">
        {numbered.map((step, index) => (
          <li key={`${step.key}-${index}`} className="setup-install-steps__item" data-step={step.key}>
            <span className="setup-install-steps__number" aria-hidden="true">
              {index + 1}
            </span>
            <div className="setup-install-steps__body">
              <p className="setup-install-steps__title">{text(step)}</p>
              <CommandBlock commands={step.commands.map((argv) => ({ command: shellQuote(argv) }))} />
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}

function DocsLink(): ReactElement {
  const { t } = useTranslation();
  return (
    <a href={INSTALL_DOCS} target="_blank" rel="noreferrer" className="setup-fix-note__link">
      {t('setup.install.docsLink')}
      <Icon name="external" size={13} />
    </a>
  );
}

/** Docker is missing: the distro's package or docker-ce (from Docker or a mirror), as copyable steps. */
export function InstallGuide({ diagnosis }: { diagnosis: SetupDiagnosis }): ReactElement {
  const { t, i18n } = useTranslation();
  const guide = useSetupStore((s) => s.guide);
  const guideError = useSetupStore((s) => s.guideError);
  const loadGuide = useSetupStore((s) => s.loadGuide);
  const diagnose = useSetupStore((s) => s.diagnose);
  const diagnosing = useSetupStore((s) => s.diagnosing);
  const [chosenSource, setSource] = useState<Source | undefined>(undefined);
  const [mirror, setMirror] = useState<Mirror | undefined>(undefined);

  useEffect(() => {
    void loadGuide();
  }, [loadGuide]);

  const chosenMirror = mirror ?? (guide ? defaultMirror(guide, i18n.language) : undefined);
  // Where the distro has no Docker package of its own (CentOS, RHEL), docker-ce is the way.
  const source: Source = chosenSource ?? (guide && guide.distroPackage.length === 0 && guide.dockerCe.length > 0 ? 'docker-ce' : 'distro');
  const noGuide = guide !== null && guide.distroPackage.length === 0 && guide.dockerCe.length === 0;
  const ce = guide?.dockerCe.find((entry) => entry.mirror === chosenMirror);
  const distro = diagnosis.distro.prettyName || diagnosis.distro.id;

  return (
    <section className="card setup-install" data-testid="setup-install-guide" aria-labelledby="setup-install-title">
      <header className="card__header">
        <h2 className="card__title" id="setup-install-title">
          <Icon name="download" />
          {t('setup.install.title')}
        </h2>
        <span className="muted">{t('setup.install.subtitle', { distro })}</span>
      </header>
      {guideError ? <ErrorNotice title={t('setup.install.failed')} error={guideError} /> : null}
      {guide === null && guideError === null ? <Spinner /> : null}
      {noGuide ? (
        <div className="setup-install__panel">
          <p className="setup-install__about">{t('setup.install.noGuide', { distro })}</p>
          <DocsLink />
        </div>
      ) : null}
      {guide && !noGuide ? (
        <>
          <div className="tabs" role="tablist" aria-label={t('setup.install.title')}>
            {(['distro', 'docker-ce'] as const).map((id) => (
              <button
                key={id}
                type="button"
                role="tab"
                id={`setup-install-tab-${id}`}
                aria-selected={source === id}
                aria-controls={`setup-install-panel-${id}`}
                className={`tabs__tab${source === id ? ' is-active' : ''}`}
                onClick={() => setSource(id)}
                data-testid={`setup-install-tab-${id}`}
              >
                <span className="tabs__name">{t(`setup.install.tabs.${id}`)}</span>
                <span className="tabs__hint">{t(`setup.install.tabHints.${id}`)}</span>
              </button>
            ))}
          </div>
          {source === 'distro' ? (
            <div role="tabpanel" id="setup-install-panel-distro" aria-labelledby="setup-install-tab-distro" className="setup-install__panel">
              <p className="setup-install__about">{t('setup.install.about.distro')}</p>
              {guide.distroPackage.length > 0 ? <Steps steps={guide.distroPackage} /> : <p className="notice notice--info setup-install__note">{t('setup.install.noDistroPackage', { distro })}</p>}
            </div>
          ) : (
            <div role="tabpanel" id="setup-install-panel-docker-ce" aria-labelledby="setup-install-tab-docker-ce" className="setup-install__panel">
              <p className="setup-install__about">{t('setup.install.about.docker-ce')}</p>
              <fieldset className="setup-mirrors">
                <legend className="section-label">{t('setup.install.mirror')}</legend>
                <div className="setup-mirrors__options">
                  {guide.dockerCe.map((entry) => (
                    <label key={entry.mirror} className={`setup-mirrors__option${entry.mirror === chosenMirror ? ' is-active' : ''}`} data-testid={`setup-mirror-${entry.mirror}`}>
                      <input type="radio" name="setup-mirror" value={entry.mirror} checked={entry.mirror === chosenMirror} onChange={() => setMirror(entry.mirror)} />
                      <span className="setup-mirrors__name">{t(`setup.install.mirrors.${entry.mirror}`)}</span>
                      <code className="setup-mirrors__url" title={entry.baseUrl}>
                        {hostOf(entry.baseUrl)}
                      </code>
                    </label>
                  ))}
                </div>
                <p className="field__hint">{t('setup.install.mirrorHint')}</p>
              </fieldset>
              {ce ? <Steps steps={ce.steps} /> : null}
            </div>
          )}
        </>
      ) : null}
      <footer className="setup-install__footer">
        <button type="button" className="button button--primary" onClick={() => void diagnose()} disabled={diagnosing} data-testid="setup-install-recheck">
          <Icon name="retry" size={16} />
          {diagnosing ? t('setup.checking') : t('setup.install.done')}
        </button>
      </footer>
    </section>
  );
}
