import { CheckIcon, Combobox, Group, Loader, Pill, PillsInput, useCombobox } from '@mantine/core';
import { useId } from '@mantine/hooks';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Query } from '../api/client.ts';
import { type EntityKind, type NamedEntity, shortId, useEntityNames } from './entity-name.tsx';
import { InactiveNote, MORE_OPTION, PickerEmpty, ShowMoreOption, usePickerSearch } from './picker-search.tsx';

type Width = string | number | { base: string | number; xs?: number; sm?: number };

export interface EntityMultiPickerProps {
  /** The visible label; or `aria-label` alone for a filter in a toolbar, whose placeholder shows. */
  label?: string;
  'aria-label'?: string;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: ReactNode;
  description?: ReactNode;
  required?: boolean;
  /** Shown while nothing is chosen; "Type to search" unless told. */
  placeholder?: string | undefined;
  /** Offer deactivated ones too, marked so (filters); forms offer active ones only. */
  includeInactive?: boolean;
  disabled?: boolean;
  w?: Width;
  /** Customers: each option and chosen one names the region too ("Contoso Health (AMER)"). */
  showRegion?: boolean;
}

/**
 * Picks many partners or customers by searching the server as one types (its `q` name filter, a
 * page at a time, "show more" while more remain), so any number of them can be reached. Each chosen
 * one shows as a pill with its name: names seen in the results are kept, and chosen ids never seen
 * (a form opened with existing values) are looked up one by one (`GET /{kind}/{id}`, cached).
 * Keyboard as Mantine's MultiSelect: type, arrows to move, Enter to choose (or to drop a chosen
 * one), Backspace in the empty box drops the last, Escape closes.
 */
function EntityMultiPicker({
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
  includeInactive,
  disabled,
  w,
  showRegion,
}: EntityMultiPickerProps & { kind: EntityKind; filters?: Query }) {
  const { t } = useTranslation();
  const id = useId();
  const labelId = `${id}-label`;
  const combobox = useCombobox({
    onDropdownClose: () => combobox.resetSelectedOption(),
  });
  const opened = combobox.dropdownOpened;
  const [search, setSearch] = useState('');
  const {
    list,
    loading,
    status: statusFor,
  } = usePickerSearch(kind, search, {
    opened,
    disabled,
    includeInactive,
    filters,
  });

  // Names seen in the results, so chosen ones keep theirs whatever the current search shows;
  // chosen ids not seen there are looked up by id.
  const seen = useRef(new Map<string, NamedEntity>());
  for (const item of list.items) seen.current.set(item.id, item);
  const unseen = value.filter((v) => !seen.current.has(v));
  const lookups = useEntityNames(kind, unseen);
  const text = (e: NamedEntity) => (showRegion && e.region ? `${e.name} (${e.region})` : e.name);
  const pillText = (v: string): string => {
    const known = seen.current.get(v);
    if (known) return text(known);
    const looked = lookups[unseen.indexOf(v)];
    if (looked?.data) return text(looked.data);
    return looked?.isError ? t('picker.unknown', { id: shortId(v) }) : t('picker.loadingName');
  };

  // Typing then Enter takes the first match.
  const firstId = list.items[0]?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the results change
  useEffect(() => {
    if (opened && search.trim() && firstId) combobox.selectFirstOption();
  }, [firstId, opened]);

  const status = statusFor(list.items.length);

  const remove = (v: string) => onChange(value.filter((x) => x !== v));
  const toggle = (v: string) => {
    if (value.includes(v)) remove(v);
    else onChange([...value, v]);
    setSearch('');
  };

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
          toggle(option);
        }}
      >
        <Combobox.DropdownTarget>
          <PillsInput
            label={label}
            labelProps={{ id: labelId }}
            description={description}
            required={required}
            withAsterisk={required}
            error={error}
            disabled={disabled}
            onClick={() => combobox.openDropdown()}
            rightSection={
              opened && list.isFetching ? (
                <Loader size={14} aria-hidden />
              ) : (
                <Combobox.Chevron error={error} />
              )
            }
            rightSectionPointerEvents="none"
            {...(w !== undefined ? { w } : {})}
          >
            <Pill.Group>
              {value.map((v) => {
                const name = pillText(v);
                return (
                  <Pill
                    key={v}
                    withRemoveButton={!disabled}
                    onRemove={() => remove(v)}
                    removeButtonProps={{ 'aria-hidden': false, 'aria-label': t('picker.remove', { name }) }}
                  >
                    {name}
                  </Pill>
                );
              })}
              <Combobox.EventsTarget withExpandedAttribute>
                <PillsInput.Field
                  id={id}
                  aria-label={label ? undefined : ariaLabel}
                  placeholder={value.length === 0 ? (placeholder ?? t('picker.typeToSearch')) : undefined}
                  autoComplete="off"
                  value={search}
                  onChange={(event) => {
                    setSearch(event.currentTarget.value);
                    combobox.openDropdown();
                    combobox.resetSelectedOption();
                  }}
                  onFocus={() => combobox.openDropdown()}
                  onBlur={() => {
                    setSearch('');
                    combobox.closeDropdown();
                  }}
                  onKeyDown={(event) => {
                    if (event.key === 'Backspace' && search.length === 0 && value.length > 0) {
                      event.preventDefault();
                      onChange(value.slice(0, -1));
                    }
                  }}
                />
              </Combobox.EventsTarget>
            </Pill.Group>
          </PillsInput>
        </Combobox.DropdownTarget>
        <Combobox.Dropdown>
          <Combobox.Options
            {...(label ? { labelledBy: labelId } : { 'aria-label': ariaLabel })}
            aria-multiselectable
            aria-busy={loading || undefined}
            // The listbox scrolls itself: a scrolling wrapper inside it would be a region that
            // keyboard users cannot reach (options are reached through the input).
            mah={280}
            style={{ overflowY: 'auto' }}
          >
            {list.items.length === 0 || list.isError ? (
              <PickerEmpty loading={loading} failed={list.isError} count={list.items.length} />
            ) : (
              <>
                {list.items.map((item) => {
                  const chosen = value.includes(item.id);
                  return (
                    <Combobox.Option key={item.id} value={item.id} active={chosen} aria-selected={chosen}>
                      <Group gap={6} wrap="nowrap">
                        {chosen ? <CheckIcon size={10} aria-hidden /> : <span style={{ width: 10 }} />}
                        <span>
                          {text(item)}
                          <InactiveNote active={item.active} />
                        </span>
                      </Group>
                    </Combobox.Option>
                  );
                })}
                <ShowMoreOption more={list.hasNextPage} fetching={list.isFetchingNextPage} />
              </>
            )}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      <span role="status" className="visually-hidden">
        {status}
      </span>
    </>
  );
}

export function PartnerMultiPicker(props: EntityMultiPickerProps) {
  return <EntityMultiPicker kind="partners" {...props} />;
}

/** `partnerId` narrows the choice to that partner's customers. */
export function CustomerMultiPicker({
  partnerId,
  ...props
}: EntityMultiPickerProps & { partnerId?: string | null }) {
  return <EntityMultiPicker kind="customers" filters={partnerId ? { partnerId } : {}} {...props} />;
}
