import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, isProvider } from '../../app/permissions.ts';
import { useCurrentUser, useTimeZone } from '../../app/session.ts';
import { Instant, PageHeader, SearchInput } from '../../components/common.tsx';
import { ListBody } from '../../components/directory-list.tsx';
import { CustomerPicker, PartnerPicker } from '../../components/entity-picker.tsx';
import { IconFile, IconPlus } from '../../components/icons.tsx';
import { useCursorList } from '../../components/use-cursor-list.ts';
import { CaseFlags, CaseStatusBadge, DueText, SeverityBadge } from './badges.tsx';
import { CaseSummaryCards } from './CaseSummaryCards.tsx';
import { dueState, useNow } from './format.ts';
import { CASE_STATUSES, type Case, SEVERITIES } from './types.ts';

const VIEWS = ['queue', 'all', 'escalated', 'planOwed'] as const;
type View = (typeof VIEWS)[number];

interface Filters {
  status: string | null;
  severity: string | null;
  customerId: string | null;
  partnerId: string | null;
  overdue: boolean;
  q: string;
}

/** The query of a view: the queue is every open case, the one due soonest first. */
function viewQuery(view: View, f: Filters) {
  return {
    status: f.status ?? (view === 'queue' ? 'open' : undefined),
    sort: view === 'queue' ? 'due' : 'newest',
    escalated: view === 'escalated' || undefined,
    planOwed: view === 'planOwed' || undefined,
    severity: f.severity,
    customerId: f.customerId,
    partnerId: f.partnerId,
    overdue: f.overdue || undefined,
    q: f.q,
  };
}

function FilterBar({ filters, onChange }: { filters: Filters; onChange: (f: Partial<Filters>) => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const provider = isProvider(user.role);
  const viewer = user.role === 'customer_viewer';
  const onSearch = useCallback((q: string) => onChange({ q }), [onChange]);
  return (
    <Group mb="md" gap="sm" align="center" wrap="wrap">
      <SearchInput value={filters.q} onChange={onSearch} label={t('cases.search')} />
      <Select
        aria-label={t('fields.status')}
        placeholder={t('cases.allStatuses')}
        clearable
        data={[
          { value: 'open', label: t('cases.openStatuses') },
          ...CASE_STATUSES.map((s) => ({ value: s, label: t(`caseStatus.${s}`) })),
        ]}
        value={filters.status}
        onChange={(status) => onChange({ status })}
        w={{ base: '48%', sm: 200 }}
      />
      <Select
        aria-label={t('cases.severity')}
        placeholder={t('cases.allSeverities')}
        clearable
        data={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
        value={filters.severity}
        onChange={(severity) => onChange({ severity })}
        w={{ base: '48%', sm: 190 }}
      />
      {!viewer && (
        <CustomerPicker
          aria-label={t('fields.customer')}
          placeholder={t('cases.allCustomers')}
          clearable
          includeInactive
          value={filters.customerId}
          onChange={(customerId) => onChange({ customerId })}
          w={{ base: '100%', sm: 220 }}
        />
      )}
      {provider && (
        <PartnerPicker
          aria-label={t('fields.partner')}
          placeholder={t('filters.allPartners')}
          clearable
          includeInactive
          value={filters.partnerId}
          onChange={(partnerId) => onChange({ partnerId })}
          w={{ base: '100%', sm: 220 }}
        />
      )}
      <Checkbox
        label={t('cases.overdueOnly')}
        checked={filters.overdue}
        onChange={(e) => onChange({ overdue: e.currentTarget.checked })}
      />
    </Group>
  );
}

function CaseRow({ c, now, provider }: { c: Case; now: number; provider: boolean }) {
  const state = dueState(c, now);
  const open = c.status !== 'resolved' && c.status !== 'closed';
  return (
    <Table.Tr data-testid="case-row">
      <Table.Td>
        <Anchor component={Link} to={`/cases/${c.id}`} fw={600} size="sm" style={{ whiteSpace: 'nowrap' }}>
          {c.number}
        </Anchor>
      </Table.Td>
      <Table.Td miw={180} maw={320}>
        <Text size="sm" lineClamp={2} style={{ wordBreak: 'break-word' }}>
          {c.title}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{c.customerName}</Text>
        {provider && (
          <Text size="xs" c="dimmed">
            {c.partnerName}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <SeverityBadge severity={c.severity} />
      </Table.Td>
      <Table.Td>
        <CaseStatusBadge status={c.status} />
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          {open || state.kind === 'met' || state.kind === 'missed' ? <DueText state={state} /> : '—'}
          <Instant value={c.responseDueAt} size="xs" />
        </Stack>
      </Table.Td>
      <Table.Td>
        <CaseFlags c={c} overdue={state.kind === 'overdue'} />
      </Table.Td>
    </Table.Tr>
  );
}

const NO_FILTERS: Filters = {
  status: null,
  severity: null,
  customerId: null,
  partnerId: null,
  overdue: false,
  q: '',
};

export default function CasesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const zone = useTimeZone();
  const provider = isProvider(user.role);
  const now = useNow(15_000);
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const [view, setView] = useState<View>('queue');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const onFilters = useCallback((f: Partial<Filters>) => setFilters((old) => ({ ...old, ...f })), []);
  const list = useCursorList<Case>(['cases', 'list', view], '/cases', viewQuery(view, filters), true, 30_000);
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  return (
    <>
      <PageHeader
        title={t('cases.title')}
        subtitle={t(provider ? 'cases.subtitleProvider' : 'cases.subtitle', { zone })}
        actions={
          <>
            <Button
              variant="default"
              component={Link}
              to="/cases/triage"
              leftSection={<IconFile size={16} />}
            >
              {t('cases.triageLink')}
            </Button>
            {can.openCases(user) && (
              <Button component={Link} to="/cases/new" leftSection={<IconPlus size={16} />}>
                {t('cases.new')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="lg">
        <CaseSummaryCards />
        <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
          <SegmentedControl
            aria-label={t('cases.view')}
            value={view}
            onChange={(v) => setView(v as View)}
            data={VIEWS.map((v) => ({ value: v, label: t(`cases.view_${v}`) }))}
            orientation={narrow ? 'vertical' : 'horizontal'}
            mb="md"
            fullWidth
            style={{ maxWidth: 640 }}
          />
          <FilterBar filters={filters} onChange={onFilters} />
          <ListBody
            list={list}
            emptyTitle={view === 'queue' && !filtered ? t('cases.emptyQueue') : t('cases.empty')}
            emptyHint={
              filtered
                ? t('list.tryAnotherSearch')
                : can.openCases(user)
                  ? t('cases.emptyHintPartner')
                  : undefined
            }
            minWidth={980}
            label={t('cases.title')}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cases.number')}</Table.Th>
                <Table.Th>{t('cases.titleField')}</Table.Th>
                <Table.Th>{provider ? t('cases.customerAndPartner') : t('fields.customer')}</Table.Th>
                <Table.Th>{t('cases.severity')}</Table.Th>
                <Table.Th>{t('fields.status')}</Table.Th>
                <Table.Th>{t('cases.responseDue')}</Table.Th>
                <Table.Th>{t('cases.flags')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((c) => (
                <CaseRow key={c.id} c={c} now={now} provider={provider} />
              ))}
            </Table.Tbody>
          </ListBody>
        </Paper>
      </Stack>
    </>
  );
}
