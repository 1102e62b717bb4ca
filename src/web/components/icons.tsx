import type { SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement> & { size?: number };

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

export const IconBuilding = make([
  'M4 21V5a2 2 0 0 1 2-2h8a2 2 0 0 1 2 2v16',
  'M16 9h2a2 2 0 0 1 2 2v10',
  'M3 21h18',
  'M8 7h4',
  'M8 11h4',
  'M8 15h4',
]);
export const IconHandshake = make(['M3 12l4-4 4 2 3-3 7 7-4 4', 'M3 12l5 5 2-2', 'M10 15l2 2', 'M13 12l3 3']);
export const IconUsers = make([
  'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8z',
  'M2 21v-1a6 6 0 0 1 12 0v1',
  'M16 3.5a4 4 0 0 1 0 7.5',
  'M22 21v-1a6 6 0 0 0-4-5.6',
]);
export const IconFile = make([
  'M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z',
  'M14 3v5h5',
  'M9 13h6',
  'M9 17h6',
]);
export const IconHistory = make(['M3 12a9 9 0 1 0 3-6.7L3 8', 'M3 3v5h5', 'M12 7v5l3 3']);
export const IconUser = make(['M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z', 'M4 21v-1a8 8 0 0 1 16 0v1']);
export const IconSearch = make(['M11 19a8 8 0 1 0 0-16 8 8 0 0 0 0 16z', 'M21 21l-4.3-4.3']);
export const IconPlus = make(['M12 5v14', 'M5 12h14']);
export const IconLogout = make(['M15 4h3a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-3', 'M10 17l-5-5 5-5', 'M5 12h12']);
export const IconLanguage = make([
  'M4 5h8',
  'M8 3v2',
  'M10 5c0 4-3 8-6 9',
  'M6 9c1 2 3 4 6 5',
  'M13 21l4-10 4 10',
  'M14.5 17h5',
]);
export const IconAlert = make([
  'M12 9v4',
  'M12 17h.01',
  'M10.3 3.9L1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z',
]);
export const IconInbox = make([
  'M22 12h-6l-2 3h-4l-2-3H2',
  'M5.5 5h13L22 12v6a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2v-6z',
]);
export const IconCopy = make([
  'M9 9h10a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H9a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2z',
  'M5 15H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h8a2 2 0 0 1 2 2v1',
]);
export const IconCheck = make(['M5 12l5 5L20 7']);
export const IconChevronDown = make(['M6 9l6 6 6-6']);
export const IconPencil = make(['M4 20h4L19 9l-4-4L4 16z', 'M13.5 6.5l4 4']);
export const IconDots = make(['M5 12h.01', 'M12 12h.01', 'M19 12h.01']);
export const IconBolt = make(['M13 2L4 14h7l-1 8 9-12h-7z']);
export const IconNetwork = make([
  'M12 8a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
  'M5 20a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
  'M19 20a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
  'M12 8v4',
  'M5 16v-2h14v2',
]);
export const IconBell = make(['M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9', 'M10.3 21a1.9 1.9 0 0 0 3.4 0']);
export const IconSend = make(['M22 2L11 13', 'M22 2l-7 20-4-9-9-4z']);
export const IconMail = make([
  'M4 5h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z',
  'M22 7l-10 7L2 7',
]);
export const IconRefresh = make(['M21 12a9 9 0 1 1-3-6.7L21 8', 'M21 3v5h-5']);
export const IconLifebuoy = make([
  'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z',
  'M12 16a4 4 0 1 0 0-8 4 4 0 0 0 0 8z',
  'M4.9 4.9l4.3 4.3',
  'M14.8 14.8l4.3 4.3',
  'M14.8 9.2l4.3-4.3',
  'M4.9 19.1l4.3-4.3',
]);
export const IconChart = make(['M4 20V10', 'M10 20V4', 'M16 20v-7', 'M22 20H2']);
export const IconPhone = make([
  'M22 16.9v3a2 2 0 0 1-2.2 2 19.8 19.8 0 0 1-8.6-3.1 19.5 19.5 0 0 1-6-6A19.8 19.8 0 0 1 2.1 4.2 2 2 0 0 1 4.1 2h3a2 2 0 0 1 2 1.7c.1 1 .4 1.9.7 2.8a2 2 0 0 1-.5 2.1L8 9.9a16 16 0 0 0 6 6l1.3-1.3a2 2 0 0 1 2.1-.4c.9.3 1.8.6 2.8.7a2 2 0 0 1 1.7 2z',
]);
export const IconPaperclip = make([
  'M21.4 11.1l-9.2 9.2a6 6 0 0 1-8.5-8.5l9.2-9.2a4 4 0 0 1 5.7 5.7l-9.2 9.2a2 2 0 0 1-2.8-2.8l8.5-8.5',
]);
export const IconDownload = make(['M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4', 'M7 10l5 5 5-5', 'M12 15V3']);
export const IconLock = make([
  'M5 11h14a2 2 0 0 1 2 2v7a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-7a2 2 0 0 1 2-2z',
  'M7 11V7a5 5 0 0 1 10 0v4',
]);
export const IconClock = make(['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z', 'M12 7v5l3 2']);
export const IconUpload = make(['M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4', 'M17 8l-5-5-5 5', 'M12 3v12']);
