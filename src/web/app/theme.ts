import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

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

export const theme = createTheme({
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

/** Mantine's dimmed text (gray 6) is below 4.5:1 on white; use gray 7. */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7] ?? '#495057',
    '--mantine-color-placeholder': t.colors.gray[6] ?? '#868e96',
  },
  dark: {},
});
