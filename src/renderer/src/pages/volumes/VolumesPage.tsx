import type { ReactElement } from 'react';
import { ComingSoon } from '../coming-soon/ComingSoon';

/** Placeholder until the Volumes issue builds this page. */
export function VolumesPage(): ReactElement {
  return <ComingSoon page="volumes" />;
}
