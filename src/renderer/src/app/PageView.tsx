import { Suspense, type ReactElement } from 'react';
import { PageErrorBoundary } from '../components/PageErrorBoundary';
import { Spinner } from '../components/Spinner';
import { useEngineStore } from '../stores/engine-store';
import { useRouteStore } from '../stores/route-store';
import { PAGE_COMPONENTS } from './pages';

/**
 * The current page; keyed by page so a crashed page recovers when the user navigates away, and by the engine
 * switch count so a page starts afresh (lists again, its dialogs closed) on the engine Wharf switched to.
 */
export function PageView(): ReactElement {
  const page = useRouteStore((s) => s.page);
  const generation = useEngineStore((s) => s.generation);
  const Page = PAGE_COMPONENTS[page];
  return (
    <PageErrorBoundary key={`${page}@${generation}`}>
      <Suspense fallback={<Spinner />}>
        <Page />
      </Suspense>
    </PageErrorBoundary>
  );
}
