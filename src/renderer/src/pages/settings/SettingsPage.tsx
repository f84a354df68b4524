import type { ReactElement } from 'react';
import { AboutCard } from './AboutCard';
import { DiagnosticsCard } from './DiagnosticsCard';
import { PreferencesCard } from './PreferencesCard';
import { SetupCard } from './SetupCard';

export function SettingsPage(): ReactElement {
  return (
    <div className="page settings grid grid--2" data-testid="page-settings">
      <PreferencesCard />
      <AboutCard />
      <SetupCard />
      <DiagnosticsCard />
    </div>
  );
}
