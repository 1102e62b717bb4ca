import type { SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement> & { size?: number };

/** Same drawing style as components/icons.tsx; kept here so the inventory owns its icons. */
function make(paths: string[]) {
  return function Icon({ size = 18, ...rest }: IconProps) {
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
        {paths.map((d) => (
          <path key={d} d={d} />
        ))}
      </svg>
    );
  };
}

/** A rack of servers: the instances. */
export const IconServers = make(['M4 4h16v6H4z', 'M4 14h16v6H4z', 'M8 7h.01', 'M8 17h.01']);
/** Stacked bars: version compliance. */
export const IconBars = make(['M4 6h10', 'M14 6h6', 'M4 12h6', 'M10 12h10', 'M4 18h14', 'M18 18h2']);
/** A tag: releases. */
export const IconTag = make(['M3 12V4a1 1 0 0 1 1-1h8l9 9-9 9z', 'M7.5 7.5h.01']);
