import {
  type CSSVariablesResolver,
  createTheme,
  darken,
  defaultVariantColorsResolver,
  type MantineColorsTuple,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';

/** A deeper blue than Mantine's default so text and filled controls pass WCAG AA contrast. */
const brand: MantineColorsTuple = [
  '#e9f1fc',
  '#d0def5',
  '#a1bcea',
  '#6f98de',
  '#467ad3',
  '#2c66cc',
  '#1d5ac4',
  '#114aa6',
  '#0a4095',
  '#003583',
];

/**
 * Light variants (alerts, badges, light buttons) use a much darker text than Mantine's default so
 * they keep 4.5:1 contrast on their tinted backgrounds.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== 'light') return colors;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || parsed.shade !== undefined) return colors;
  const base = input.theme.colors[parsed.color]?.[9];
  return base ? { ...colors, color: darken(base, parsed.color === 'gray' ? 0.1 : 0.35) } : colors;
};

export const theme = createTheme({
  // People who ask their system for less motion get none (and browser tests get stable frames).
  respectReducedMotion: true,
  variantColorResolver,
  primaryColor: 'brand',
  primaryShade: { light: 7, dark: 4 },
  colors: { brand },
  defaultRadius: 'md',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  components: {
    Badge: { defaultProps: { radius: 'sm' } },
  },
});

/**
 * Mantine's dimmed text (gray 6) is below 4.5:1 on white; use gray 7. Field errors (red 6 by
 * default) get red 9 for the same reason.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7] ?? '#495057',
    '--mantine-color-placeholder': t.colors.gray[6] ?? '#868e96',
    '--mantine-color-error': t.colors.red[9] ?? '#c92a2a',
  },
  dark: {},
});
