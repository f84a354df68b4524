import type { ReactElement } from 'react';
import { ComingSoon } from '../coming-soon/ComingSoon';

/** Placeholder until the Cleanup issue builds this page. */
export function CleanupPage(): ReactElement {
  return <ComingSoon page="cleanup" />;
}
