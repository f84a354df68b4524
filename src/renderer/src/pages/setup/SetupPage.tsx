import type { ReactElement } from 'react';
import { ComingSoon } from '../coming-soon/ComingSoon';

/** Placeholder until the Setup issue builds this page. */
export function SetupPage(): ReactElement {
  return <ComingSoon page="setup" />;
}
