import { Combobox, InputBase, Loader, useCombobox } from '@mantine/core';
import { useId } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Query } from '../api/client.ts';
import { InactiveNote, MORE_OPTION, PickerEmpty, ShowMoreOption, usePickerSearch } from './picker-search.tsx';

interface Entity {
  id: string;
  name: string;
  active: boolean;
  /** Customers only. */
  region?: string;
}

type Width = string | number | { base: string | number; xs?: number; sm?: number };

export interface EntityPickerProps {
  /** The visible label; or `aria-label` alone for a filter in a toolbar, whose placeholder shows. */
  label?: string;
  'aria-label'?: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: ReactNode;
  description?: ReactNode;
  required?: boolean;
  placeholder?: string;
  /** Erasing the text (or the clear button) sets no value. */
  clearable?: boolean;
  /** Offer deactivated ones too, marked so (filters); forms offer active ones only. */
  includeInactive?: boolean;
  disabled?: boolean;
  w?: Width;
  'data-autofocus'?: boolean;
  /** Customers: each option names the region too ("Contoso Health (AMER)"), for forms where it matters. */
  showRegion?: boolean;
  /**
   * Fixed choices offered above the search results while they match what is typed (e.g. "the
   * provider's own team" beside the partners); a value among them shows its label.
   */
  leadingOptions?: readonly { value: string; label: string }[];
}

/**
 * Picks one partner or customer by searching the server as one types (its `q` name filter, a page
 * at a time), so any number of them can be reached: a loading line while asking, "no matches" when
 * nothing fits, "show more" while more pages remain. The chosen one's name stays in the field.
 * Keyboard: type, arrows to move, Enter to choose, Escape to close; erase the text to clear.
 */
function EntityPicker({
  kind,
  filters,
  label,
  'aria-label': ariaLabel,
  value,
  onChange,
  error,
  description,
  required,
  placeholder,
  clearable,
  includeInactive,
  disabled,
  w,
  'data-autofocus': autoFocus,
  showRegion,
  leadingOptions,
}: EntityPickerProps & { kind: 'partners' | 'customers'; filters?: Query }) {
  const { t } = useTranslation();
  const id = useId();
  const labelId = `${id}-label`;
  const statusId = `${id}-status`;
  const combobox = useCombobox({
    onDropdownClose: () => combobox.resetSelectedOption(),
  });
  const opened = combobox.dropdownOpened;
  // null: not searching, the field shows the chosen one's name.
  const [search, setSearch] = useState<string | null>(null);
  const {
    list,
    loading,
    status: statusFor,
  } = usePickerSearch(kind, search ?? '', {
    opened,
    disabled,
    includeInactive,
    filters,
  });

  // Names seen, so the chosen one keeps its name whatever the current search shows.
  const names = useRef(new Map<string, string>());
  for (const item of list.items) names.current.set(item.id, item.name);
  const fixed = leadingOptions?.find((o) => o.value === value);
  const known = value ? (fixed?.label ?? names.current.get(value)) : undefined;
  const one = useQuery({
    queryKey: [kind, 'one', value],
    queryFn: () => api.get<Entity>(`/${kind}/${value}`),
    enabled: value !== null && known === undefined,
    staleTime: 60_000,
  });
  const selectedName = known ?? (one.data && one.data.id === value ? one.data.name : '');

  const typed = (search ?? '').trim().toLowerCase();
  const leading = (leadingOptions ?? []).filter((o) => !typed || o.label.toLowerCase().includes(typed));
  const count = leading.length + list.items.length;

  // Typing then Enter takes the first match.
  const firstId = leading[0]?.value ?? list.items[0]?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the results change
  useEffect(() => {
    if (opened && search?.trim() && firstId) combobox.selectFirstOption();
  }, [firstId, opened]);

  const status = statusFor(count);

  const choose = (next: string | null) => {
    if (next !== value) onChange(next);
    setSearch(null);
    combobox.closeDropdown();
  };

  const right =
    opened && list.isFetching ? (
      <Loader size={14} aria-hidden />
    ) : clearable && value && !disabled ? (
      <Combobox.ClearButton onClear={() => choose(null)} aria-label={t('picker.clear')} />
    ) : (
      <Combobox.Chevron error={error} />
    );

  return (
    <>
      <Combobox
        store={combobox}
        withinPortal
        onOptionSubmit={(option) => {
          if (option === MORE_OPTION) {
            void list.fetchNextPage();
            return;
          }
          const item = list.items.find((i) => i.id === option);
          if (item) names.current.set(item.id, item.name);
          choose(option);
        }}
      >
        <Combobox.Target withExpandedAttribute>
          <InputBase
            id={id}
            label={label}
            labelProps={{ id: labelId }}
            aria-label={label ? undefined : ariaLabel}
            description={description}
            required={required}
            withAsterisk={required}
            placeholder={placeholder ?? t('picker.typeToSearch')}
            error={error}
            disabled={disabled}
            autoComplete="off"
            data-autofocus={autoFocus || undefined}
            value={search ?? selectedName}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              combobox.openDropdown();
              combobox.resetSelectedOption();
            }}
            onClick={() => combobox.openDropdown()}
            onFocus={() => combobox.openDropdown()}
            onBlur={() => {
              if (clearable && search !== null && search.trim() === '' && value) onChange(null);
              setSearch(null);
              combobox.closeDropdown();
            }}
            rightSection={right}
            rightSectionPointerEvents={clearable && value && !disabled ? 'all' : 'none'}
            {...(w !== undefined ? { w } : {})}
          />
        </Combobox.Target>
        <Combobox.Dropdown>
          <Combobox.Options
            {...(label ? { labelledBy: labelId } : { 'aria-label': ariaLabel })}
            aria-busy={loading || undefined}
            // The listbox scrolls itself: a scrolling wrapper inside it would be a region that
            // keyboard users cannot reach (options are reached through the input).
            mah={280}
            style={{ overflowY: 'auto' }}
          >
            {count === 0 || list.isError ? (
              <PickerEmpty loading={loading} failed={list.isError} count={count} />
            ) : (
              <>
                {leading.map((o) => (
                  <Combobox.Option
                    key={o.value}
                    value={o.value}
                    active={o.value === value}
                    aria-selected={o.value === value}
                  >
                    {o.label}
                  </Combobox.Option>
                ))}
                {list.items.map((item) => (
                  <Combobox.Option
                    key={item.id}
                    value={item.id}
                    active={item.id === value}
                    aria-selected={item.id === value}
                  >
                    {showRegion && item.region ? `${item.name} (${item.region})` : item.name}
                    <InactiveNote active={item.active} />
                  </Combobox.Option>
                ))}
                <ShowMoreOption more={list.hasNextPage} fetching={list.isFetchingNextPage} />
              </>
            )}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      <span id={statusId} role="status" className="visually-hidden">
        {status}
      </span>
    </>
  );
}

export function PartnerPicker(props: EntityPickerProps) {
  return <EntityPicker kind="partners" {...props} />;
}

/** `partnerId` narrows the choice to that partner's customers. */
export function CustomerPicker({ partnerId, ...props }: EntityPickerProps & { partnerId?: string | null }) {
  return <EntityPicker kind="customers" filters={partnerId ? { partnerId } : {}} {...props} />;
}
