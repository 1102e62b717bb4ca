import type { SVGProps } from 'react';

/**
 * A certificate with its seal (same drawing style as components/icons.tsx); kept here so the
 * certificates feature owns its icon.
 */
export function IconCertificate({ size = 18, ...rest }: SVGProps<SVGSVGElement> & { size?: number }) {
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
      <path d="M14 19H5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h14a1 1 0 0 1 1 1v6" />
      <path d="M8 8h8" />
      <path d="M8 12h4" />
      <circle cx="18" cy="15" r="2.5" />
      <path d="M16.8 17.2 16 21l2-1 2 1-.8-3.8" />
    </svg>
  );
}
