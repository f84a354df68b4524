import type { ReactElement } from 'react';
import { ComingSoon } from '../coming-soon/ComingSoon';

/** Placeholder until the Networks issue builds this page. */
export function NetworksPage(): ReactElement {
  return <ComingSoon page="networks" />;
}
