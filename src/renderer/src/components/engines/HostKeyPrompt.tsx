import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineProbe } from '../../../../shared/engines';
import type { WharfErrorInfo } from '../../../../shared/errors';
import { useEnginesStore } from '../../stores/engines-store';
import { ErrorNotice } from '../ErrorNotice';

/**
 * What an ssh engine's probe asks of the user: an unknown host key, shown by fingerprint, trusted only by a click;
 * a changed key, refused; a key the host did not accept.
 */
export function HostKeyPrompt({ probe }: { probe: EngineProbe }): ReactElement | null {
  const { t } = useTranslation();
  const trust = useEnginesStore((s) => s.trust);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WharfErrorInfo | null>(null);
  if (probe.changedHostKey) {
    return (
      <p className="engine-hostkey is-bad" data-testid={`engine-hostkey-changed-${probe.name}`}>
        {t('engines.hostKey.changed')}
      </p>
    );
  }
  if (probe.authenticationFailed) {
    return (
      <p className="engine-hostkey is-bad" data-testid={`engine-auth-failed-${probe.name}`}>
        {t('engines.hostKey.authFailed')}
      </p>
    );
  }
  const unknown = probe.unknownHostKey;
  if (!unknown) return null;
  return (
    <div className="engine-hostkey" data-testid={`engine-hostkey-${probe.name}`}>
      <p>{t('engines.hostKey.unknown')}</p>
      {unknown.fingerprints.map((line) => {
        const fingerprint = line.split(' ')[0] ?? line;
        return (
          <div className="engine-hostkey__key" key={line}>
            <code className="mono">
              {unknown.host} {line}
            </code>
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              data-testid={`engine-trust-${probe.name}`}
              onClick={() => {
                setBusy(true);
                void trust(probe.name, fingerprint).then((failure) => {
                  setBusy(false);
                  setError(failure);
                });
              }}
            >
              {t('engines.hostKey.trust')}
            </button>
          </div>
        );
      })}
      {error ? <ErrorNotice title={t('engines.hostKey.trustFailed')} error={error} /> : null}
    </div>
  );
}
