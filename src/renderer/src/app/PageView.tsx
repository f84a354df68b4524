import { Suspense, type ReactElement } from 'react';
import { PageErrorBoundary } from '../components/PageErrorBoundary';
import { Spinner } from '../components/Spinner';
import { useRouteStore } from '../stores/route-store';
import { PAGE_COMPONENTS } from './pages';

/** The current page; keyed by page so a crashed page recovers when the user navigates away. */
export function PageView(): ReactElement {
  const page = useRouteStore((s) => s.page);
  const Page = PAGE_COMPONENTS[page];
  return (
    <PageErrorBoundary key={page}>
      <Suspense fallback={<Spinner />}>
        <Page />
      </Suspense>
    </PageErrorBoundary>
  );
}
