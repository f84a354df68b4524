import { useState, type ReactElement } from 'react';
import { MirrorsSection } from './registry-mirrors/MirrorsSection';
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
  return (
    <div className="page registries-page" data-testid="page-registries">
      <MirrorsSection onTestSpeed={setTested} order={order} />
      <SpeedTestSection mirrors={tested} onUseOrder={(urls) => setOrder([...urls])} />
      <LoginSection />
      <BrowseSection />
    </div>
  );
}
