import type { SVGProps } from 'react';

/** A small grid: the matrix of who does what (same drawing style as components/icons.tsx). */
export function IconMatrix({ size = 18, ...rest }: SVGProps<SVGSVGElement> & { size?: number }) {
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
      <path d="M4 4h16v16H4z" />
      <path d="M4 10h16" />
      <path d="M4 15h16" />
      <path d="M10 4v16" />
    </svg>
  );
}
