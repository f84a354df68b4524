import type { ReactElement } from 'react';

/** The Wharf mark: stacked containers on a pier. Decorative; the app name is text next to it. */
export function Logo({ size = 28 }: { size?: number }): ReactElement {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false" className="logo">
      <rect x="0" y="0" width="32" height="32" rx="8" fill="var(--accent)" />
      <rect x="7" y="9" width="8" height="6" rx="1.2" fill="var(--accent-contrast)" opacity="0.95" />
      <rect x="17" y="9" width="8" height="6" rx="1.2" fill="var(--accent-contrast)" opacity="0.7" />
      <rect x="12" y="3.5" width="8" height="4.5" rx="1.2" fill="var(--accent-contrast)" opacity="0.55" />
      <path d="M5 18.5h22" stroke="var(--accent-contrast)" strokeWidth="2" strokeLinecap="round" />
      <path d="M9 19v7M16 19v7M23 19v7" stroke="var(--accent-contrast)" strokeWidth="2" strokeLinecap="round" opacity="0.85" />
    </svg>
  );
}
