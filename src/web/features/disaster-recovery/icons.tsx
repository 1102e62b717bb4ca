import type { SVGProps } from 'react';

/**
 * A server rack with a circular "restore" arrow (same drawing style as components/icons.tsx); kept
 * here so the disaster-recovery feature owns its icon.
 */
export function IconDisasterRecovery({ size = 18, ...rest }: SVGProps<SVGSVGElement> & { size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...rest}
    >
      <path d="M4 5a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v4a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1z" />
      <path d="M7 7h.01" />
      <path d="M10 14H5a1 1 0 0 0-1 1v4a1 1 0 0 0 1 1h5" />
      <path d="M7 17h.01" />
      <path d="M21 16a4 4 0 1 1-1.2-2.8" />
      <path d="M21 11.5v2.5h-2.5" />
    </svg>
  );
}
