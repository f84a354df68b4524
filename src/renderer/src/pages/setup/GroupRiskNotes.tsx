import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CommandBlock } from '../../components/CommandBlock';
import { Icon } from '../../components/Icon';

const SECURITY_DOCS = 'https://docs.docker.com/engine/security/#docker-daemon-attack-surface';
const ROOTLESS_DOCS = 'https://docs.docker.com/engine/security/rootless/';

/**
 * Beside the docker-group fix: Docker's own warning that the group is root-equivalent, the rootless mode Docker
 * documents as the alternative, and why Wharf never chmods the socket instead.
 */
export function GroupRiskNotes({ user }: { user: string }): ReactElement {
  const { t } = useTranslation();
  return (
    <>
      <div className="setup-fix-notes">
        <section className="setup-fix-note setup-fix-note--warning" data-testid="setup-group-warning">
          <h4>
            <Icon name="alert" size={16} />
            {t('setup.groupWarning.title')}
          </h4>
          <p>{t('setup.groupWarning.body')}</p>
          <a href={SECURITY_DOCS} target="_blank" rel="noreferrer" className="setup-fix-note__link">
            {t('setup.groupWarning.link')}
            <Icon name="external" size={13} />
          </a>
        </section>
        <section className="setup-fix-note setup-fix-note--alternative" data-testid="setup-rootless">
          <h4>
            <Icon name="shield" size={16} />
            {t('setup.rootless.title')}
          </h4>
          <p>{t('setup.rootless.body')}</p>
          <span className="setup-fix-note__label">{t('setup.rootless.commandLabel', { user })}</span>
          <CommandBlock commands={[{ command: 'dockerd-rootless-setuptool.sh install' }]} />
          <a href={ROOTLESS_DOCS} target="_blank" rel="noreferrer" className="setup-fix-note__link">
            {t('setup.rootless.link')}
            <Icon name="external" size={13} />
          </a>
        </section>
      </div>
      <details className="setup-fix-aside">
        <summary>{t('setup.chmod.title')}</summary>
        <p>{t('setup.chmod.body')}</p>
      </details>
    </>
  );
}
