import type { ReactElement } from 'react';
import { EventStreamBanner } from '../components/EventStreamBanner';
import { Sidebar } from '../components/Sidebar';
import { TopBar } from '../components/TopBar';
import { PageView } from './PageView';

export function App(): ReactElement {
  return (
    <div className="shell">
      <Sidebar />
      <div className="shell__main">
        <TopBar />
        <EventStreamBanner />
        <main className="content" id="content">
          <PageView />
        </main>
      </div>
    </div>
  );
}
