import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startStartupDecision } from './app/startup';
import { setupI18n } from './i18n/setup';
import { startAppSync } from './stores/app-sync';
import { startRouteSync } from './stores/route-store';
import { startThemeSync } from './stores/theme-store';
import './styles/theme.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/pages.css';
import './styles/setup.css';
import './styles/images.css';

// Started once, outside React, so StrictMode's double effects never open a second event stream.
startThemeSync();
startRouteSync();
// Before the first engine status arrives, so the first verdict decides the first page.
startStartupDecision();
startAppSync();

const root = document.getElementById('root');
if (root) {
  void setupI18n().then(() => {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}
