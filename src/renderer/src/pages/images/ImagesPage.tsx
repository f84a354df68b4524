import type { ReactElement } from 'react';
import { ComingSoon } from '../coming-soon/ComingSoon';

/** Placeholder until the Images issue builds this page. */
export function ImagesPage(): ReactElement {
  return <ComingSoon page="images" />;
}
