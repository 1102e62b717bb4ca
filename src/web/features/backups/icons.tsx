import type { SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement> & { size?: number };

/** A database with a return arrow: backups. Same drawing style as components/icons.tsx. */
export function IconBackup({ size = 18, ...rest }: IconProps) {
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
      <ellipse cx="10" cy="5" rx="7" ry="2.5" />
      <path d="M3 5v6c0 1.4 3.1 2.5 7 2.5" />
      <path d="M3 11v6c0 1.4 3.1 2.5 7 2.5" />
      <path d="M17 5v4" />
      <path d="M14 17a4 4 0 1 0 1.2-2.9L14 15.3" />
      <path d="M14 12.5v2.8h2.8" />
    </svg>
  );
}
