import { ActionIcon, Menu, Select, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IconDots } from './icons.tsx';
import { ListFooter } from './list-footer.tsx';
import { EmptyState, ErrorState, ListSkeleton } from './states.tsx';
import { TableScroll } from './table-scroll.tsx';

/** Shared pieces of the directory lists: status filter, loading/error/empty states, row menu. */

type Width = { base: string; xs?: number; sm?: number };

export function StatusFilter({
  value,
  onChange,
  w,
}: {
  value: string;
  onChange: (v: string) => void;
  w: Width;
}) {
  const { t } = useTranslation();
  return (
    <Select
      aria-label={t('fields.status')}
      data={[
        { value: 'active', label: t('filters.activeOnly') },
        { value: 'inactive', label: t('filters.inactiveOnly') },
        { value: 'all', label: t('filters.all') },
      ]}
      value={value}
      onChange={(v) => onChange(v ?? 'active')}
      allowDeselect={false}
      w={w}
    />
  );
}

/** The `active` query value for a status filter choice. */
export function activeFilter(status: string): boolean | undefined {
  return status === 'all' ? undefined : status === 'active';
}

interface CursorListState {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => Promise<unknown>;
  items: readonly unknown[];
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** Skeleton while loading, the problem on error, an empty state, else the table and "load more". */
export function ListBody({
  list,
  emptyTitle,
  emptyHint,
  skeletonRows,
  minWidth,
  label,
  children,
}: {
  list: CursorListState;
  emptyTitle: string;
  emptyHint?: string | undefined;
  skeletonRows?: number;
  minWidth: number;
  label: string;
  children: ReactNode;
}) {
  if (list.isPending) return <ListSkeleton {...(skeletonRows ? { rows: skeletonRows } : {})} />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (list.items.length === 0)
    return <EmptyState title={emptyTitle} {...(emptyHint ? { hint: emptyHint } : {})} />;
  return (
    <>
      <TableScroll minWidth={minWidth} label={label}>
        <Table highlightOnHover verticalSpacing="sm">
          {children}
        </Table>
      </TableScroll>
      <ListFooter
        shown={list.items.length}
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onMore={() => void list.fetchNextPage()}
      />
    </>
  );
}

export function ActionsHeader() {
  const { t } = useTranslation();
  return (
    <Table.Th>
      <span className="visually-hidden">{t('list.actions')}</span>
    </Table.Th>
  );
}

/** The "…" menu of a row: edit, and deactivate/reactivate unless `onToggle` is left out. */
export function RowActions({
  name,
  active,
  onEdit,
  onToggle,
}: {
  name: string;
  active: boolean;
  onEdit: () => void;
  onToggle?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Table.Td ta="right">
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray.8" aria-label={t('list.actionsFor', { name })}>
            <IconDots size={20} strokeWidth={3} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={onEdit}>{t('actions.edit')}</Menu.Item>
          {onToggle && (
            <Menu.Item color={active ? 'red.9' : undefined} onClick={onToggle}>
              {active ? t('actions.deactivate') : t('actions.reactivate')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
    </Table.Td>
  );
}
