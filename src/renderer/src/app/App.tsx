import { useEffect, type ReactElement } from 'react';
import { EventStreamBanner } from '../components/EventStreamBanner';
import { EngineSwitchedBanner } from '../components/engines/EngineSwitchedBanner';
import { Sidebar } from '../components/Sidebar';
import { TopBar } from '../components/TopBar';
import { PageView } from './PageView';
import { preloadPages } from './pages';

export function App(): ReactElement {
  useEffect(() => preloadPages(), []);
  return (
    <div className="shell">
      <Sidebar />
      <div className="shell__main">
        <TopBar />
        <EventStreamBanner />
        <EngineSwitchedBanner />
        <main className="content" id="content">
          <PageView />
        </main>
      </div>
    </div>
  );
}
