import { Badge, Group, type MantineSize, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { type CSSProperties, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale, useTimeZone } from '../app/session.ts';
import { IconSearch } from './icons.tsx';
import { formatCivilDate, formatInstant } from './time.ts';

export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · DI Ops` : 'DI Ops';
  }, [title]);
}

export function PageHeader({
  title,
  subtitle,
  actions,
}: {
  title: string;
  subtitle?: string;
  actions?: ReactNode;
}) {
  useDocumentTitle(title);
  return (
    <Group justify="space-between" align="flex-end" mb="lg" gap="sm" wrap="wrap">
      <Stack gap={2}>
        <Title order={1} fz={{ base: 22, sm: 26 }}>
          {title}
        </Title>
        {subtitle && (
          <Text c="dimmed" size="sm">
            {subtitle}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="xs">{actions}</Group>}
    </Group>
  );
}

/** A search box that reports its value 300 ms after the user stops typing. */
export function SearchInput({
  value,
  onChange,
  label,
}: {
  value: string;
  onChange: (value: string) => void;
  label: string;
}) {
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text, 300);
  useEffect(() => {
    if (debounced.trim() !== value) onChange(debounced.trim());
  }, [debounced, value, onChange]);
  return (
    <TextInput
      type="search"
      aria-label={label}
      placeholder={label}
      leftSection={<IconSearch size={16} />}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      w={{ base: '100%', sm: 280 }}
    />
  );
}

export function Instant({ value, size }: { value: string | null | undefined; size?: MantineSize }) {
  const zone = useTimeZone();
  const locale = useLocale();
  return (
    <Text component="span" size={size ?? 'sm'}>
      {value ? <time dateTime={value}>{formatInstant(value, zone, locale)}</time> : '—'}
    </Text>
  );
}

export function CivilDate({ value }: { value: string | null | undefined }) {
  const locale = useLocale();
  return value ? <time dateTime={value}>{formatCivilDate(value, locale)}</time> : <>—</>;
}

const TONE_TEXT: Record<string, string> = {
  teal: '#0a5c44',
  orange: '#8f3108',
  grape: '#652079',
  gray: '#343a40',
  red: '#9b1c1c',
  yellow: '#5c4000',
};

/** A light badge with a dark text shade, so it keeps at least 4.5:1 contrast. */
export function ToneBadge({ tone, children }: { tone: keyof typeof TONE_TEXT; children: ReactNode }) {
  return (
    <Badge variant="light" color={tone} style={{ '--badge-color': TONE_TEXT[tone] } as CSSProperties}>
      {children}
    </Badge>
  );
}

export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return active ? (
    <ToneBadge tone="teal">{t('status.active')}</ToneBadge>
  ) : (
    <Badge color="gray.7" variant="outline">
      {t('status.inactive')}
    </Badge>
  );
}

/** Asks before a deactivate/reactivate (or any other consequential) action. */
export function confirmAction(options: {
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel: string;
  danger?: boolean;
  onConfirm: () => void;
}): void {
  modals.openConfirmModal({
    title: options.title,
    children: <Text size="sm">{options.message}</Text>,
    labels: { confirm: options.confirmLabel, cancel: options.cancelLabel },
    confirmProps: { color: options.danger ? 'red.9' : undefined },
    onConfirm: options.onConfirm,
  });
}
