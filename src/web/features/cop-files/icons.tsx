import type { SVGProps } from 'react';

/**
 * A file with a package box (same drawing style as components/icons.tsx); kept here so the COP
 * files feature owns its icon.
 */
export function IconCopFile({ size = 18, ...rest }: SVGProps<SVGSVGElement> & { size?: number }) {
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
      <path d="M13 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h3" />
      <path d="M13 3l5 5h-5z" />
      <path d="M14 14l3.5-2 3.5 2v4l-3.5 2-3.5-2z" />
      <path d="M14 14l3.5 2 3.5-2" />
      <path d="M17.5 16v4" />
    </svg>
  );
}
