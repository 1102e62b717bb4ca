import type { SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement> & { size?: number };

/** Same drawing style as components/icons.tsx; kept here so the change feature owns its icons. */
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

/** A wrench over a calendar page: a planned change. */
export const IconChange = make([
  'M8 3v3',
  'M16 3v3',
  'M4 8h16',
  'M11 21H6a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2h12a2 2 0 0 1 2 2v4',
  'M19.5 14.5a2.5 2.5 0 0 0-3.4 3.1l-3.1 3.1 1.3 1.3 3.1-3.1a2.5 2.5 0 0 0 3.1-3.4l-1.4 1.4-1.1-1.1z',
]);
/** Two arrows round a clock: move to another time. */
export const IconReschedule = make(['M20 11a8 8 0 1 0-2.3 5.7', 'M20 4v7h-7', 'M12 8v4l2.5 2.5']);
export const IconCalendar = make([
  'M8 3v4',
  'M16 3v4',
  'M4 9h16',
  'M6 5h12a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z',
  'M8 13h2',
  'M14 13h2',
  'M8 17h2',
]);
/** A page with a question: a change asked for by a partner. */
export const IconChangeRequest = make([
  'M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z',
  'M14 3v5h5',
  'M10 12.5a2 2 0 1 1 2.6 1.9c-.4.2-.6.5-.6.9v.2',
  'M12 18h.01',
]);
export const IconChecklist = make([
  'M4 6l1.5 1.5L8 5',
  'M4 12l1.5 1.5L8 11',
  'M4 18l1.5 1.5L8 17',
  'M11 6h9',
  'M11 12h9',
  'M11 18h9',
]);
/** A feed (radio waves) from a corner: a subscribed calendar. */
export const IconFeed = make(['M5 19h.01', 'M4 11a9 9 0 0 1 9 9', 'M4 4a16 16 0 0 1 16 16']);
