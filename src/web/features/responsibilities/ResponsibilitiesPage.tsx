import { Button, Group, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/session.ts';
import { PageHeader, SearchInput } from '../../components/common.tsx';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/states.tsx';
import { filterResponsibilities } from './filter.ts';
import { OwnerBadge } from './OwnerBadge.tsx';
import { useResponsibilities } from './queries.ts';
import {
  isResponsibilityArea,
  isResponsibilityOwner,
  parseResponsibilitySearch,
  RESPONSIBILITY_AREAS,
  RESPONSIBILITY_OWNERS,
  type Responsibility,
  type ResponsibilityArea,
  type ResponsibilitySearch,
} from './types.ts';

const ALL = 'all';

function Filters({
  search,
  onChange,
}: {
  search: ResponsibilitySearch;
  onChange: (next: Partial<ResponsibilitySearch>) => void;
}) {
  const { t } = useTranslation();
  const onText = useCallback((q: string) => onChange({ q: q || undefined }), [onChange]);
  return (
    <Group mb="md" gap="sm" align="center" wrap="wrap">
      <SearchInput value={search.q ?? ''} onChange={onText} label={t('responsibilities.search')} />
      <Select
        aria-label={t('responsibilities.area')}
        placeholder={t('responsibilities.allAreas')}
        clearable
        data={RESPONSIBILITY_AREAS.map((a) => ({ value: a, label: t(`responsibilities.areas.${a}`) }))}
        value={search.area ?? null}
        onChange={(value) => onChange({ area: isResponsibilityArea(value) ? value : undefined })}
        w={{ base: '100%', sm: 260 }}
      />
      <SegmentedControl
        aria-label={t('responsibilities.owner')}
        value={search.owner ?? ALL}
        onChange={(value) => onChange({ owner: isResponsibilityOwner(value) ? value : undefined })}
        data={[
          { value: ALL, label: t('responsibilities.allOwners') },
          ...RESPONSIBILITY_OWNERS.map((o) => ({ value: o, label: t(`responsibilities.owners.${o}`) })),
        ]}
        fullWidth
        w={{ base: '100%', sm: 'auto' }}
      />
    </Group>
  );
}

/** What each badge means, in the user's language. */
function Legend() {
  const { t } = useTranslation();
  return (
    <Group gap="lg" mb="md" wrap="wrap" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {RESPONSIBILITY_OWNERS.map((owner) => (
        <Group key={owner} gap={6} wrap="nowrap" component="li">
          <OwnerBadge owner={owner} />
          <Text size="sm" c="dimmed">
            {t(`responsibilities.ownerMeaning.${owner}`)}
          </Text>
        </Group>
      ))}
    </Group>
  );
}

function Entry({ r }: { r: Responsibility }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="article"
      aria-labelledby={`responsibility-${r.id}`}
      data-testid="responsibility"
      data-id={r.id}
      data-owner={r.owner}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Title order={3} fz="md" id={`responsibility-${r.id}`} style={{ wordBreak: 'break-word' }}>
            {r.title[locale]}
          </Title>
          <OwnerBadge owner={r.owner} />
        </Group>
        <Text size="sm">{r.detail[locale]}</Text>
        <Text size="xs" c="dimmed">
          {t('responsibilities.guideRef')}: <cite>{r.guideRef}</cite>
        </Text>
      </Stack>
    </Paper>
  );
}

function AreaGroup({ area, items }: { area: ResponsibilityArea; items: Responsibility[] }) {
  const { t } = useTranslation();
  const headingId = `area-${area}`;
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId} data-testid={`area-${area}`}>
      <Title order={2} fz="lg" id={headingId}>
        {t(`responsibilities.areas.${area}`)}
      </Title>
      {items.map((r) => (
        <Entry key={r.id} r={r} />
      ))}
    </Stack>
  );
}

/** The responsibilities matrix: who owns what between the partner and the provider, from the guide. */
export default function ResponsibilitiesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const search = parseResponsibilitySearch(useSearch({ strict: false }) as Record<string, unknown>);
  const list = useResponsibilities();
  // Remounts the search box when the filters are cleared, so its text empties too.
  const [resetKey, setResetKey] = useState(0);

  const onChange = useCallback(
    (next: Partial<ResponsibilitySearch>) =>
      void navigate({
        to: '/responsibilities',
        search: (prev: Record<string, unknown>) => {
          const merged: Record<string, unknown> = { ...parseResponsibilitySearch(prev), ...next };
          return parseResponsibilitySearch(merged);
        },
        replace: true,
      }),
    [navigate],
  );
  const clear = () => {
    setResetKey((k) => k + 1);
    void navigate({ to: '/responsibilities', search: {}, replace: true });
  };

  const items = list.data?.items;
  const { area, owner, q } = search;
  const shown = useMemo(
    () => (items ? filterResponsibilities(items, { area, owner, q }, locale) : []),
    [items, area, owner, q, locale],
  );
  const areas = list.data?.areas ?? [...RESPONSIBILITY_AREAS];
  const filtered = Boolean(area || owner || q);

  return (
    <>
      <PageHeader title={t('responsibilities.title')} subtitle={t('responsibilities.subtitle')} />
      <Filters key={resetKey} search={search} onChange={onChange} />
      <Legend />
      {list.isPending ? (
        <ListSkeleton rows={6} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Stack gap="xl">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text size="sm" c="dimmed" aria-live="polite" data-testid="responsibility-count">
              {t('responsibilities.count', { count: shown.length, total: items?.length ?? 0 })}
            </Text>
            {filtered && (
              <Button variant="subtle" size="compact-sm" onClick={clear}>
                {t('responsibilities.clearFilters')}
              </Button>
            )}
          </Group>
          {shown.length === 0 ? (
            <Paper withBorder radius="md" p="md">
              <EmptyState title={t('responsibilities.none')} hint={t('responsibilities.noneHint')} />
            </Paper>
          ) : (
            areas.map((area) => {
              const inArea = shown.filter((r) => r.area === area);
              return inArea.length > 0 ? <AreaGroup key={area} area={area} items={inArea} /> : null;
            })
          )}
        </Stack>
      )}
    </>
  );
}
