import { useState, type ReactElement } from 'react';
import type { MirrorPresets } from '../../../../shared/mirror-presets';
import { useCall } from '../../hooks/use-call';
import { MirrorsSection } from './registry-mirrors/MirrorsSection';
import { PrefixMirrorsSection } from './registry-mirrors/PrefixMirrorsSection';
import { BrowseSection } from './registry-access/BrowseSection';
import { LoginSection } from './registry-access/LoginSection';
import { SpeedTestSection } from './registry-access/SpeedTestSection';

/**
 * Registries: the engine's mirrors and insecure registries (daemon.json, applied and verified), a speed test
 * whose ranking orders the mirrors, logins shared with the docker CLI, and a private registry's contents.
 */
export function RegistriesPage(): ReactElement {
  const [tested, setTested] = useState<string[]>([]);
  const [order, setOrder] = useState<readonly string[] | undefined>(undefined);
  // The presets in use (shipped or loaded); a newly loaded list replaces them for both sections.
  const shipped = useCall('registryMirrors.presets', {});
  const [loaded, setLoaded] = useState<MirrorPresets | null>(null);
  const presets = loaded ?? shipped.data;
  return (
    <div className="page registries-page" data-testid="page-registries">
      <MirrorsSection onTestSpeed={setTested} order={order} presets={presets} onPresetsChanged={setLoaded} />
      <PrefixMirrorsSection presets={presets?.presets ?? []} />
      <SpeedTestSection mirrors={tested} onUseOrder={(urls) => setOrder([...urls])} />
      <LoginSection />
      <BrowseSection />
    </div>
  );
}
