import type { SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement> & { size?: number };

/** A gauge: capacity. Same drawing style as components/icons.tsx. */
export function IconGauge({ size = 18, ...rest }: IconProps) {
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
      <path d="M3.5 17a9 9 0 1 1 17 0" />
      <path d="M12 14l4-5" />
      <path d="M12 14h.01" />
      <path d="M6 17h12" />
    </svg>
  );
}
