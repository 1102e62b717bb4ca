import {
  Accordion,
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  List,
  Paper,
  Stack,
  Table,
  Tabs,
  Text,
} from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isProvider } from '../../app/permissions.ts';
import { useCurrentUser, useLocale, useTimeZone } from '../../app/session.ts';
import { CivilDate, Instant, PageHeader } from '../../components/common.tsx';
import { ListBody } from '../../components/directory-list.tsx';
import { PartnerPicker } from '../../components/entity-picker.tsx';
import { IconLock } from '../../components/icons.tsx';
import { ListFooter } from '../../components/list-footer.tsx';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/states.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { useCursorList } from '../../components/use-cursor-list.ts';
import { CustomerPicker } from '../inventory/CustomerPicker.tsx';
import { ResponsibilityLink } from '../responsibilities/ResponsibilityLink.tsx';
import { PromiseBadge, ResultBadge } from './badges.tsx';
import { type Age, ageOf, brokenApplications, FRESH_HOURS, formatBytes, problemMessages } from './format.ts';
import { useBackupPromise } from './queries.ts';
import { type BackupSearch, parseBackupSearch } from './search.ts';
import type { ApplicationPromise, Backup, BackupPurge, BackupView, CustomerPromise } from './types.ts';

function useAgeText() {
  const { t } = useTranslation();
  return (age: Age) => t(`backups.age.${age.unit}`, { count: age.count });
}

/** "26 h ago" above the instant in the viewer's zone (zone named). */
function When({ value, now }: { value: string | null; now: number }) {
  const { t } = useTranslation();
  const ageText = useAgeText();
  if (!value) return <Text size="sm">{t('backups.never')}</Text>;
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
        {t('backups.ago', { age: ageText(ageOf(value, now)) })}
      </Text>
      <Text size="xs" c="dimmed">
        <Instant value={value} size="xs" />
      </Text>
    </Stack>
  );
}

function ProblemList({ app, keepGood, now }: { app: ApplicationPromise; keepGood: number; now: number }) {
  const { t } = useTranslation();
  const ageText = useAgeText();
  const messages = problemMessages(app, keepGood, now);
  return (
    <Stack gap={4} align="flex-start">
      <PromiseBadge holds={app.holds}>
        {app.holds ? t('backups.promise.appHolds') : t('backups.promise.appBroken')}
      </PromiseBadge>
      {messages.length > 0 && (
        <List size="sm" spacing={2} data-testid="promise-problems">
          {messages.map((m) => (
            <List.Item key={m.key}>
              {t(m.key, { ...m.params, ...(m.age ? { age: ageText(m.age) } : {}) })}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

function ApplicationsTable({
  customer,
  keepGood,
  now,
}: {
  customer: CustomerPromise;
  keepGood: number;
  now: number;
}) {
  const { t } = useTranslation();
  return (
    <TableScroll
      minWidth={760}
      label={t('backups.promise.applicationsOf', { customer: customer.customerName })}
    >
      <Table verticalSpacing="sm" data-testid="promise-applications">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('backups.application')}</Table.Th>
            <Table.Th ta="right">{t('backups.promise.goodBackups')}</Table.Th>
            <Table.Th>{t('backups.promise.newestGood')}</Table.Th>
            <Table.Th>{t('backups.promise.lastRun')}</Table.Th>
            <Table.Th>{t('backups.promise.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {customer.applications.map((a) => (
            <Table.Tr
              key={a.applicationId}
              data-testid="promise-application"
              data-holds={a.holds}
              data-name={a.name}
            >
              <Table.Th scope="row">
                <Anchor
                  renderRoot={(props) => (
                    <Link
                      {...props}
                      to="/inventory/$applicationId"
                      params={{ applicationId: a.applicationId }}
                    />
                  )}
                  size="sm"
                  fw={600}
                  style={{ overflowWrap: 'break-word' }}
                >
                  {a.name}
                </Anchor>
                <Text size="xs" c="dimmed" fw={400}>
                  {t(`inventory.kinds.${a.kind}`)}
                </Text>
              </Table.Th>
              <Table.Td ta="right" data-testid="good-backups">
                <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {t('backups.promise.goodOf', { count: a.goodBackups, needed: keepGood })}
                </Text>
              </Table.Td>
              <Table.Td>
                <When value={a.newestGoodAt} now={now} />
              </Table.Td>
              <Table.Td>
                {a.newestAt === null ? (
                  <Text size="sm">{t('backups.never')}</Text>
                ) : (
                  <Stack gap={2} align="flex-start">
                    <ResultBadge ok={a.newestOk === true} />
                    <When value={a.newestAt} now={now} />
                  </Stack>
                )}
              </Table.Td>
              <Table.Td>
                <ProblemList app={a} keepGood={keepGood} now={now} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

function PromiseView({
  search,
  onShowBackups,
}: {
  search: BackupSearch;
  onShowBackups: (customerId: string) => void;
}) {
  const { t } = useTranslation();
  const report = useBackupPromise(search, true);
  const now = Date.now();
  if (report.isPending) return <ListSkeleton rows={4} />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  if (report.items.length === 0)
    return (
      <EmptyState
        title={search.broken ? t('backups.promise.noneBroken') : t('backups.promise.empty')}
        hint={t('backups.promise.emptyHint')}
      />
    );
  return (
    <>
      <Accordion multiple variant="separated" chevronPosition="left" data-testid="promise-list">
        {report.items.map((c) => {
          const broken = brokenApplications(c);
          return (
            <Accordion.Item
              key={c.customerId}
              value={c.customerId}
              data-testid="promise-customer"
              data-holds={c.holds}
              data-customer={c.customerName}
            >
              <Accordion.Control>
                <Group gap="sm" wrap="wrap" justify="space-between">
                  <Text fw={600} style={{ wordBreak: 'break-word' }}>
                    {c.customerName}
                  </Text>
                  <Group gap="sm" wrap="wrap">
                    <Text size="sm" c="dimmed">
                      {broken === 0
                        ? t('backups.promise.allHold', { count: c.applications.length })
                        : t('backups.promise.someBroken', { count: broken, total: c.applications.length })}
                    </Text>
                    <PromiseBadge holds={c.holds} />
                  </Group>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="sm">
                  <ApplicationsTable customer={c} keepGood={report.keepGood} now={now} />
                  <Group justify="flex-end">
                    <Button variant="default" size="xs" onClick={() => onShowBackups(c.customerId)}>
                      {t('backups.promise.showBackups', { customer: c.customerName })}
                    </Button>
                  </Group>
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
      <ListFooter
        shown={report.items.length}
        hasMore={report.hasNextPage}
        loading={report.isFetchingNextPage}
        onMore={() => void report.fetchNextPage()}
      />
    </>
  );
}

function BackupsView({ search }: { search: BackupSearch }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = Date.now();
  const list = useCursorList<Backup>(['backups', 'list'], '/backups', { customerId: search.customerId });
  return (
    <ListBody
      list={list}
      emptyTitle={t('backups.list.empty')}
      emptyHint={t('backups.list.emptyHint')}
      minWidth={760}
      label={t('backups.tabs.backups')}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('backups.application')}</Table.Th>
          <Table.Th>{t('backups.night')}</Table.Th>
          <Table.Th>{t('backups.takenAt')}</Table.Th>
          <Table.Th>{t('backups.result.label')}</Table.Th>
          <Table.Th ta="right">{t('backups.size')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {list.items.map((b) => (
          <Table.Tr key={b.id} data-testid="backup-row" data-ok={b.ok}>
            <Table.Td>
              <Anchor
                renderRoot={(props) => (
                  <Link
                    {...props}
                    to="/inventory/$applicationId"
                    params={{ applicationId: b.applicationId }}
                  />
                )}
                size="sm"
                fw={600}
                style={{ overflowWrap: 'break-word' }}
              >
                {b.applicationName}
              </Anchor>
              <Text size="xs" c="dimmed">
                {b.customerName}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                <CivilDate value={b.night} />
              </Text>
            </Table.Td>
            <Table.Td>
              <When value={b.takenAt} now={now} />
            </Table.Td>
            <Table.Td>
              <ResultBadge ok={b.ok} />
            </Table.Td>
            <Table.Td ta="right">
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatBytes(b.sizeBytes, locale)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ListBody>
  );
}

function PurgesView({ search }: { search: BackupSearch }) {
  const { t } = useTranslation();
  const list = useCursorList<BackupPurge>(['backups', 'purges'], '/backups/purges', {
    customerId: search.customerId,
  });
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('backups.purges.hint')}
      </Text>
      <ListBody
        list={list}
        emptyTitle={t('backups.purges.empty')}
        emptyHint={t('backups.purges.emptyHint')}
        minWidth={760}
        label={t('backups.tabs.purges')}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('backups.purges.purgedAt')}</Table.Th>
            <Table.Th>{t('backups.application')}</Table.Th>
            <Table.Th>{t('backups.night')}</Table.Th>
            <Table.Th>{t('backups.takenAt')}</Table.Th>
            <Table.Th>{t('backups.result.label')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.items.map((p) => (
            <Table.Tr key={`${p.runId}:${p.backupId}`} data-testid="purge-row">
              <Table.Td>
                <Instant value={p.purgedAt} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600} style={{ overflowWrap: 'break-word' }}>
                  {p.applicationName ?? t('backups.purges.deletedApplication')}
                </Text>
                <Text size="xs" c="dimmed">
                  {p.customerName}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  <CivilDate value={p.night} />
                </Text>
              </Table.Td>
              <Table.Td>
                <Instant value={p.takenAt} />
              </Table.Td>
              <Table.Td>
                <ResultBadge ok={p.ok} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ListBody>
    </Stack>
  );
}

function FilterBar({
  search,
  view,
  onChange,
  onClear,
}: {
  search: BackupSearch;
  view: BackupView;
  onChange: (patch: Partial<BackupSearch>) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const filtered =
    search.customerId !== undefined || search.partnerId !== undefined || search.broken === true;
  return (
    <Group mb="md" gap="sm" align="center" wrap="wrap">
      <CustomerPicker
        aria-label={t('fields.customer')}
        placeholder={t('backups.allCustomers')}
        value={search.customerId ?? null}
        onChange={(id) => onChange({ customerId: id ?? undefined })}
        w={{ base: '100%', sm: 240 }}
      />
      {view === 'promise' && (
        <>
          <PartnerPicker
            aria-label={t('fields.partner')}
            placeholder={t('filters.allPartners')}
            clearable
            includeInactive
            value={search.partnerId ?? null}
            onChange={(id) => onChange({ partnerId: id ?? undefined })}
            w={{ base: '100%', sm: 220 }}
          />
          <Checkbox
            label={t('backups.promise.brokenOnly')}
            checked={search.broken === true}
            onChange={(e) => onChange({ broken: e.currentTarget.checked ? true : undefined })}
          />
        </>
      )}
      {filtered && (
        <Button variant="subtle" size="xs" onClick={onClear}>
          {t('filters.clear')}
        </Button>
      )}
    </Group>
  );
}

/** Partners and customers have no access to backups (operations guide): say so, plainly. */
function NotForYou() {
  const { t } = useTranslation();
  return (
    <Alert
      color="gray"
      variant="light"
      icon={<IconLock />}
      title={t('backups.forbidden.title')}
      data-testid="backups-forbidden"
    >
      <Stack gap="xs">
        <Text size="sm">{t('backups.forbidden.text')}</Text>
        <Group gap="md">
          <ResponsibilityLink area="backups" />
          <Anchor component={Link} to="/inventory" size="sm" fw={600}>
            {t('backups.forbidden.back')}
          </Anchor>
        </Group>
      </Stack>
    </Alert>
  );
}

/** The backup promise per customer, recent backups and the retention job's purge log (provider only). */
export default function BackupsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const zone = useTimeZone();
  const navigate = useNavigate();
  const search = parseBackupSearch(useSearch({ strict: false }));
  const view: BackupView = search.view ?? 'promise';

  const onChange = useCallback(
    (patch: Partial<BackupSearch>) =>
      void navigate({
        to: '/inventory/backups',
        search: (old) => {
          const next: Record<string, unknown> = { ...parseBackupSearch(old), ...patch };
          for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
          return parseBackupSearch(next);
        },
        replace: true,
      }),
    [navigate],
  );
  const onClear = () =>
    void navigate({ to: '/inventory/backups', search: view === 'promise' ? {} : { view }, replace: true });

  if (!isProvider(user.role))
    return (
      <>
        <PageHeader title={t('backups.title')} />
        <NotForYou />
      </>
    );

  return (
    <>
      <PageHeader
        title={t('backups.title')}
        subtitle={t('backups.subtitle', { hours: FRESH_HOURS })}
        actions={<ResponsibilityLink area="backups" />}
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
        <Tabs
          value={view}
          onChange={(value) =>
            onChange({
              view: value === 'backups' || value === 'purges' ? value : undefined,
              broken: undefined,
            })
          }
          keepMounted={false}
        >
          <Tabs.List mb="md">
            <Tabs.Tab value="promise">{t('backups.tabs.promise')}</Tabs.Tab>
            <Tabs.Tab value="backups">{t('backups.tabs.backups')}</Tabs.Tab>
            <Tabs.Tab value="purges">{t('backups.tabs.purges')}</Tabs.Tab>
          </Tabs.List>
          <Text size="xs" c="dimmed" mb="sm">
            {t('backups.timesIn', { zone })}
          </Text>
          <FilterBar search={search} view={view} onChange={onChange} onClear={onClear} />
          <Tabs.Panel value="promise">
            <PromiseView
              search={search}
              onShowBackups={(customerId) =>
                onChange({ view: 'backups', customerId, broken: undefined, partnerId: undefined })
              }
            />
          </Tabs.Panel>
          <Tabs.Panel value="backups">
            <BackupsView search={search} />
          </Tabs.Panel>
          <Tabs.Panel value="purges">
            <PurgesView search={search} />
          </Tabs.Panel>
        </Tabs>
      </Paper>
    </>
  );
}
