import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { onSessionChange, signIn, startAppClient, type SessionState } from './api';
import { App } from './app/App';
import { SignInNeeded } from './app/SignInNeeded';
import { startStartupDecision } from './app/startup';
import { setupI18n } from './i18n/setup';
import { startAppSync } from './stores/app-sync';
import { startRouteSync } from './stores/route-store';
import { startThemeSync } from './stores/theme-store';
import './styles/theme.css';
import './styles/layout.css';
import './styles/engines.css';
import './styles/components.css';
import './styles/pages.css';
import './styles/setup.css';
import './styles/forms.css';
import './styles/menu.css';
import './styles/images.css';

// The transport is picked here, once: the preload bridge inside Electron, HTTP + WebSocket in a browser.
startAppClient();
startThemeSync();

const root = document.getElementById('root');
if (root) {
  // Web mode signs in first (the printed URL's ticket, or this tab's session); no call goes out before.
  void Promise.all([setupI18n(), signIn()]).then(([, session]) => {
    const reactRoot = createRoot(root);
    const signedOut = (state: SessionState): void => {
      if (state.kind === 'signed-out') reactRoot.render(<SignInNeeded state={state} />);
    };
    if (session.kind === 'signed-out') return signedOut(session);
    onSessionChange(signedOut);
    // Started once, outside React, so StrictMode's double effects never open a second event stream.
    startRouteSync();
    // Before the first engine status arrives, so the first verdict decides the first page.
    startStartupDecision();
    startAppSync();
    reactRoot.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}
