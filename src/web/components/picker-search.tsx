import { Combobox, Group, Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Query } from '../api/client.ts';
import type { EntityKind, NamedEntity } from './entity-name.tsx';
import { useCursorList } from './use-cursor-list.ts';

/** How long typing pauses before the server is asked. */
export const PICKER_DEBOUNCE_MS = 250;
/** The option value of "show more"; no id can look like it. */
export const MORE_OPTION = '\u0000more';

/**
 * What the single and the multi picker share: the server searched by name as one types (debounced,
 * a page at a time, only while the dropdown is open), and the words for its state.
 */
export function usePickerSearch(
  kind: EntityKind,
  search: string,
  options: { opened: boolean; disabled?: boolean; includeInactive?: boolean; filters?: Query },
) {
  const { t } = useTranslation();
  const [q] = useDebouncedValue(search.trim(), PICKER_DEBOUNCE_MS);
  const list = useCursorList<NamedEntity>(
    [kind, 'picker'],
    `/${kind}`,
    { q, active: options.includeInactive ? undefined : true, ...options.filters },
    options.opened && !options.disabled,
  );
  // A closed picker asks nothing (its query waits, "pending"): busy only while open.
  const loading = options.opened && (list.isPending || search.trim() !== q);
  /** The live-region text for `count` options on show. */
  const status = (count: number) =>
    !options.opened
      ? ''
      : loading
        ? t('picker.searching')
        : list.isError
          ? t('picker.failed')
          : count === 0
            ? t('list.noMatches')
            : t('picker.results', { count });
  return { list, loading, status };
}

/** The dropdown's line when there is nothing to choose: searching, failed, or no matches. */
export function PickerEmpty({
  loading,
  failed,
  count,
}: {
  loading: boolean;
  failed: boolean;
  count: number;
}) {
  const { t } = useTranslation();
  if (loading && count === 0)
    return (
      <Combobox.Empty>
        <Group gap="xs" justify="center">
          <Loader size={14} aria-hidden />
          {t('picker.searching')}
        </Group>
      </Combobox.Empty>
    );
  if (failed) return <Combobox.Empty>{t('picker.failed')}</Combobox.Empty>;
  if (count === 0) return <Combobox.Empty>{t('list.noMatches')}</Combobox.Empty>;
  return null;
}

/** Marks a deactivated partner or customer in a filter's options. */
export function InactiveNote({ active }: { active: boolean }) {
  const { t } = useTranslation();
  if (active) return null;
  return (
    <Text span size="xs" c="dimmed" ml={6}>
      ({t('status.inactive')})
    </Text>
  );
}

/** "Show more…" while the server has more pages. */
export function ShowMoreOption({ more, fetching }: { more: boolean; fetching: boolean }) {
  const { t } = useTranslation();
  if (!more) return null;
  return (
    <Combobox.Option value={MORE_OPTION} disabled={fetching}>
      <Text span size="sm" c="dimmed">
        {fetching ? t('picker.searching') : t('picker.more')}
      </Text>
    </Combobox.Option>
  );
}
