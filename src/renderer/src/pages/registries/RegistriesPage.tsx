import type { ReactElement } from 'react';
import { ComingSoon } from '../coming-soon/ComingSoon';

/** Placeholder until the Registries issue builds this page. */
export function RegistriesPage(): ReactElement {
  return <ComingSoon page="registries" />;
}
