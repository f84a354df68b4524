import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { composeInstallGuide } from '../../../../shared/compose-install-guide';
import type { SetupDiagnosis } from '../../../../shared/setup';
import { shellQuote } from '../../../../shared/shell-quote';
import { CommandBlock } from '../../components/CommandBlock';
import { Icon } from '../../components/Icon';

const DOCKER_CE_DOCS = 'https://docs.docker.com/engine/install/';

/** "~/…" stays unquoted so the shell expands it; everything else is quoted as needed. */
const commandText = (argv: readonly string[]): string => argv.map((a) => (a.startsWith('~/') ? a : shellQuote([a]))).join(' ');

/** Beside the Compose check when no Compose v2 is here: the way to get it on this distribution, as commands to copy. */
export function ComposeInstall({ diagnosis }: { diagnosis: SetupDiagnosis }): ReactElement {
  const { t } = useTranslation();
  const guide = composeInstallGuide(diagnosis.distro, diagnosis.installation.packaging);
  const addsRepository = guide.case === 'docker-ce-apt' || guide.case === 'docker-ce-dnf';
  return (
    <div className="setup-compose-install" data-testid="setup-compose-install" data-case={guide.case}>
      <h4>{t('setup.composeInstall.title')}</h4>
      <p>{t(`setup.composeInstall.${guide.case}`, { distro: diagnosis.distro.prettyName || diagnosis.distro.id, asset: guide.asset ?? '' })}</p>
      <CommandBlock commands={guide.commands.map((argv) => ({ command: commandText(argv) }))} />
      {addsRepository ? (
        <a href={DOCKER_CE_DOCS} target="_blank" rel="noreferrer" className="setup-fix-note__link">
          {t('setup.composeInstall.repoLink')}
          <Icon name="external" size={13} />
        </a>
      ) : null}
      <p className="muted">{t('setup.composeInstall.after')}</p>
    </div>
  );
}
