import type { Region } from '../../api/types.ts';
import type { ChangeType } from '../changes/types.ts';

/**
 * Mantine palette names: a change block is drawn in the light shade with a strong left edge of its
 * type's colour and dark text (so it keeps 4.5:1 whatever the colour), a window in its region's tint.
 */
export const TYPE_COLOR: Record<ChangeType, string> = {
  routine: 'blue',
  service_interrupting: 'orange',
  certificate_renewal: 'teal',
  upgrade: 'grape',
  cop_install: 'cyan',
  infrastructure: 'gray',
  emergency: 'red',
};

export const REGION_COLOR: Record<Region, string> = {
  AMER: 'green',
  APJC: 'pink',
  AUS: 'yellow',
  EMEA: 'indigo',
};

/** The CSS custom properties a block reads its colours from (see calendar.css). */
export function typeStyle(type: ChangeType): Record<string, string> {
  const color = TYPE_COLOR[type];
  return {
    '--cal-change-bg': `var(--mantine-color-${color}-0)`,
    '--cal-change-edge': `var(--mantine-color-${color}-7)`,
  };
}

export function regionStyle(region: Region): Record<string, string> {
  const color = REGION_COLOR[region];
  return {
    '--cal-window-tint': `var(--mantine-color-${color}-2)`,
    '--cal-window-edge': `var(--mantine-color-${color}-6)`,
  };
}
