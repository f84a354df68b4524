import { useState, type ReactElement } from 'react';
import { MirrorsSection } from './mirrors/MirrorsSection';
import { BrowseSection } from './remote/BrowseSection';
import { LoginSection } from './remote/LoginSection';
import { SpeedTestSection } from './remote/SpeedTestSection';

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
