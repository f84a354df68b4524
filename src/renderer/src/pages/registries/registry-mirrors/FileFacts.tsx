import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistryMirrorsState } from '../../../../../shared/registry-mirrors';

/** Which file, whether Wharf can apply or only show commands, the keys it keeps, and settings given as dockerd flags. */
export function FileFacts({ state }: { state: RegistryMirrorsState }): ReactElement {
  const { t } = useTranslation();
  const flags = state.flags;
  const flagNotes: Array<[string, string[]]> = flags
    ? [
        ['--registry-mirror', flags.registryMirrors],
        ['--insecure-registry', flags.insecureRegistries],
      ]
    : [];
  return (
    <div className="registry-mirrors-file" data-testid="registry-file">
      <p>
        <span className="muted">{t('registryMirrors.file')}: </span>
        <code className="mono">{state.exists ? state.path : t('registryMirrors.fileMissing', { path: state.path })}</code>
      </p>
      {state.rootless ? <p className="muted">{t('registryMirrors.rootless')}</p> : null}
      {state.otherKeys.length > 0 ? <p className="muted">{t('registryMirrors.otherKeys', { keys: state.otherKeys.join(', ') })}</p> : null}
      {state.apply === 'commands' ? <p className="notice notice--info">{t('registryMirrors.commandsOnly')}</p> : null}
      {flagNotes
        .filter(([, values]) => values.length > 0)
        .map(([flag, values]) => (
          <p key={flag} className="notice notice--warning" data-testid="registry-flag-note">
            {t('registryMirrors.flagsNote', { flag, values: values.join(' ') })}
          </p>
        ))}
    </div>
  );
}
