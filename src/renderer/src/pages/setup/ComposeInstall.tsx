import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { composeInstallGuide } from '../../../../shared/compose-install-guide';
import type { SetupDiagnosis } from '../../../../shared/setup';
import { shellQuote } from '../../../../shared/shell-quote';
import { CommandBlock } from '../../components/CommandBlock';

/** Beside the Compose check when no Compose v2 is here: the way to get it on this distribution. */
export function ComposeInstall({ diagnosis }: { diagnosis: SetupDiagnosis }): ReactElement {
  const { t } = useTranslation();
  const guide = composeInstallGuide(diagnosis.distro);
  return (
    <div className="setup-fix-note" data-testid="setup-compose-install" data-case={guide.case}>
      <strong>{t('setup.composeInstall.title')}</strong>
      <p>{t(`setup.composeInstall.${guide.case}`)}</p>
      <CommandBlock commands={guide.commands.map((argv) => ({ command: argv.map((a) => (a.startsWith('~/') ? a : shellQuote([a]))).join(' ') }))} />
      <p className="muted">{t('setup.composeInstall.after')}</p>
    </div>
  );
}
