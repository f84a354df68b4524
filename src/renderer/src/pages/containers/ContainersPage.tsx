import type { ReactElement } from 'react';
import { ComingSoon } from '../coming-soon/ComingSoon';

/** Placeholder until the Containers issue builds this page. */
export function ContainersPage(): ReactElement {
  return <ComingSoon page="containers" />;
}
