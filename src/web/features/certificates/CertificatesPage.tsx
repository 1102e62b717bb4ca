import { Anchor, Button, CloseButton, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, isProvider } from '../../app/permissions.ts';
import { useCurrentUser, useLocale, useTimeZone } from '../../app/session.ts';
import { Instant, PageHeader } from '../../components/common.tsx';
import { ActionsHeader, ListBody } from '../../components/directory-list.tsx';
import { IconPlus } from '../../components/icons.tsx';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/states.tsx';
import { useCursorList } from '../../components/use-cursor-list.ts';
import { CustomerPicker } from '../inventory/CustomerPicker.tsx';
import { ResponsibilityLink } from '../responsibilities/ResponsibilityLink.tsx';
import { AddCertificateModal } from './AddCertificateModal.tsx';
import { CertificateStatusBadge } from './badges.tsx';
import { ExpiryTimeline, TimelineTable } from './ExpiryTimeline.tsx';
import {
  certificatesQuery,
  daysUntil,
  formatDay,
  formatSlot,
  hasFilters,
  TIMELINE_WEEKS,
  timelineOf,
  WEEK_MS,
} from './format.ts';
import {
  type RenewalChangeLink,
  useApplicationName,
  useCertificateTimeline,
  useOpenRenewalChanges,
} from './queries.ts';
import { RenewalChangeModal } from './RenewalChangeModal.tsx';
import { RenewalModal } from './RenewalModal.tsx';
import { canPlanRenewalChange } from './renewal-change.ts';
import { type CertificateSearch, parseCertificateSearch } from './search.ts';
import { type Certificate, STATUS_FILTERS, type StatusFilter } from './types.ts';

function FilterBar({
  search,
  onChange,
  onClear,
}: {
  search: CertificateSearch;
  onChange: (patch: Partial<CertificateSearch>) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const viewer = user.role === 'customer_viewer';
  const applicationName = useApplicationName(search.applicationId);
  return (
    <Group mb="md" gap="sm" align="center" wrap="wrap">
      <Select
        aria-label={t('fields.status')}
        placeholder={t('certificates.allStatuses')}
        clearable
        data={STATUS_FILTERS.map((s) => ({ value: s, label: t(`certificates.statusFilter.${s}`) }))}
        value={search.status ?? null}
        onChange={(status) => onChange({ status: (status as StatusFilter | null) ?? undefined })}
        w={{ base: '100%', sm: 240 }}
      />
      {!viewer && (
        <CustomerPicker
          aria-label={t('fields.customer')}
          placeholder={t('certificates.allCustomers')}
          value={search.customerId ?? null}
          onChange={(id) => onChange({ customerId: id ?? undefined, applicationId: undefined })}
          w={{ base: '100%', sm: 240 }}
        />
      )}
      {search.applicationId && (
        <Group gap={4} wrap="nowrap" data-testid="application-filter">
          <Text size="sm">{t('certificates.onlyApplication', { name: applicationName.data ?? '…' })}</Text>
          <CloseButton
            size="sm"
            aria-label={t('certificates.removeApplicationFilter')}
            onClick={() => onChange({ applicationId: undefined })}
          />
        </Group>
      )}
      {search.certificateId && (
        <Group gap={4} wrap="nowrap" data-testid="certificate-filter">
          <Text size="sm">{t('certificates.onlyCertificate')}</Text>
          <CloseButton
            size="sm"
            aria-label={t('certificates.removeCertificateFilter')}
            onClick={() => onChange({ certificateId: undefined })}
          />
        </Group>
      )}
      {hasFilters(search) && (
        <Button variant="subtle" size="xs" onClick={onClear}>
          {t('filters.clear')}
        </Button>
      )}
    </Group>
  );
}

/**
 * Where the renewal stands: the slot the certificate job proposed, why there is none, or that it was
 * renewed; and the open renewal change planned from it (provider).
 */
function ProposalCell({
  certificate,
  renewalChange,
}: {
  certificate: Certificate;
  renewalChange: RenewalChangeLink | undefined;
}) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const locale = useLocale();
  const { proposal } = certificate;
  return (
    <Stack gap={2} data-testid="renewal-proposal">
      {proposal?.start && proposal.end ? (
        <Text size="sm">
          <time dateTime={proposal.start}>{formatSlot(proposal.start, proposal.end, zone, locale)}</time>
        </Text>
      ) : proposal ? (
        <Text size="sm" c="red.9" fw={600}>
          {t(`certificates.problems.${proposal.problem ?? 'unknown'}`, {
            defaultValue: t('certificates.problems.unknown'),
          })}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {certificate.status === 'ok' ? t('certificates.notYetDue') : t('certificates.notProposedYet')}
        </Text>
      )}
      {certificate.renewedAt && (
        <Text size="xs" c="dimmed">
          {t('certificates.renewedOn')} <Instant value={certificate.renewedAt} size="xs" />
        </Text>
      )}
      {renewalChange && (
        <Text size="xs" data-testid="renewal-change-link">
          {t('certificates.renewalChange.plannedAs')}{' '}
          <Anchor component={Link} to={`/changes/${renewalChange.id}`} size="xs" fw={600}>
            {renewalChange.reference}
          </Anchor>
        </Text>
      )}
    </Stack>
  );
}

function ExpiryCell({ certificate, now }: { certificate: Certificate; now: number }) {
  const { t } = useTranslation();
  const days = daysUntil(certificate.expiresAt, now);
  const past = new Date(certificate.expiresAt).getTime() <= now;
  return (
    <Stack gap={2} align="flex-start">
      <Instant value={certificate.expiresAt} />
      <Text size="xs" c="dimmed">
        {past
          ? days === 0
            ? t('certificates.expiredToday')
            : t('certificates.daysAgo', { count: -days })
          : days === 0
            ? t('certificates.today')
            : t('certificates.inDays', { count: days })}
      </Text>
    </Stack>
  );
}

function CertificateRow({
  certificate,
  now,
  onRenew,
  renewalChange,
  onPlanChange,
}: {
  certificate: Certificate;
  now: number;
  onRenew: (() => void) | undefined;
  renewalChange: RenewalChangeLink | undefined;
  /** Offered only where the server can plan one (see canPlanRenewalChange). */
  onPlanChange: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="certificate-row" data-status={certificate.status}>
      <Table.Td>
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {certificate.subject}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`certificates.kinds.${certificate.kind}`)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Anchor
          component={Link}
          to={`/inventory/${certificate.applicationId}`}
          size="sm"
          fw={600}
          style={{ overflowWrap: 'anywhere' }}
        >
          {certificate.applicationName}
        </Anchor>
        <Text size="xs" c="dimmed">
          {certificate.customerName}
        </Text>
      </Table.Td>
      <Table.Td>
        <CertificateStatusBadge status={certificate.status} />
      </Table.Td>
      <Table.Td>
        <ExpiryCell certificate={certificate} now={now} />
      </Table.Td>
      <Table.Td>
        <ProposalCell certificate={certificate} renewalChange={renewalChange} />
      </Table.Td>
      {onRenew && (
        <Table.Td ta="right">
          <Stack gap={6} align="flex-end">
            {onPlanChange && (
              <Button
                variant="default"
                size="xs"
                onClick={onPlanChange}
                style={{ whiteSpace: 'nowrap' }}
                aria-label={t('certificates.renewalChange.openFor', { subject: certificate.subject })}
              >
                {t('certificates.renewalChange.open')}
              </Button>
            )}
            <Button
              variant="default"
              size="xs"
              onClick={onRenew}
              style={{ whiteSpace: 'nowrap' }}
              aria-label={t('certificates.renewal.openFor', { subject: certificate.subject })}
            >
              {t('certificates.renewal.open')}
            </Button>
          </Stack>
        </Table.Td>
      )}
    </Table.Tr>
  );
}

/** The expiry timeline of the certificates the customer (and application) filter selects. */
function TimelineSection({ search }: { search: CertificateSearch }) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const locale = useLocale();
  const data = useCertificateTimeline(search.customerId, search.applicationId);
  const timeline = data.data ? timelineOf(data.data.items, data.data.now) : null;
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      component="section"
      aria-labelledby="timeline-heading"
    >
      <Stack gap={2} mb="md">
        <Title order={2} fz="lg" id="timeline-heading">
          {t('certificates.timeline.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t(
            search.customerId || search.applicationId
              ? 'certificates.timeline.hintFiltered'
              : 'certificates.timeline.hint',
            {
              weeks: TIMELINE_WEEKS,
            },
          )}
          {data.data &&
            ` ${t('certificates.timeline.after', {
              date: formatDay(data.data.now + TIMELINE_WEEKS * WEEK_MS, zone, locale),
            })}`}
        </Text>
      </Stack>
      {data.isPending ? (
        <ListSkeleton rows={4} />
      ) : data.isError ? (
        <ErrorState error={data.error} onRetry={() => void data.refetch()} />
      ) : !timeline || timeline.buckets.every((b) => b.total === 0) ? (
        <EmptyState title={t('certificates.timeline.empty', { weeks: TIMELINE_WEEKS })} />
      ) : (
        <Stack gap="md">
          <ExpiryTimeline timeline={timeline} />
          {data.data?.truncated && (
            <Text size="sm" c="dimmed">
              {t('certificates.timeline.truncated', { count: data.data.items.length })}
            </Text>
          )}
          <TimelineTable timeline={timeline} />
        </Stack>
      )}
    </Paper>
  );
}

/** Every certificate in scope by soonest expiry, its status, and the renewal slot the certificate job proposed. */
export default function CertificatesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const search = parseCertificateSearch(useSearch({ strict: false }));
  const manage = can.manageInventory(user);
  const [adding, setAdding] = useState(false);
  const [renewing, setRenewing] = useState<Certificate | null>(null);
  const [planning, setPlanning] = useState<Certificate | null>(null);
  // The provider plans renewal changes: which certificates already have an open one.
  const planChanges = can.manageChanges(user);
  const renewalChanges = useOpenRenewalChanges(planChanges);
  // Remounts the filters when they are cleared, so the customer box clears too.
  const [generation, setGeneration] = useState(0);

  const onChange = useCallback(
    (patch: Partial<CertificateSearch>) =>
      void navigate({
        to: '/inventory/certificates',
        search: (old) => {
          const next: Record<string, unknown> = { ...parseCertificateSearch(old), ...patch };
          for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
          return parseCertificateSearch(next);
        },
        replace: true,
      }),
    [navigate],
  );
  const onClear = () => {
    setGeneration((g) => g + 1);
    void navigate({ to: '/inventory/certificates', search: {}, replace: true });
  };

  const list = useCursorList<Certificate>(
    ['certificates', 'list'],
    '/certificates',
    certificatesQuery(search),
  );
  const now = list.dataUpdatedAt || Date.now();

  return (
    <>
      <PageHeader
        title={t('certificates.title')}
        subtitle={t(isProvider(user.role) ? 'certificates.subtitleProvider' : 'certificates.subtitle')}
        actions={
          <>
            <ResponsibilityLink area="certificates" />
            {manage && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
                {t('certificates.add.open')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="lg">
        <TimelineSection search={search} />
        <Paper
          withBorder
          p={{ base: 'sm', sm: 'md' }}
          radius="md"
          component="section"
          aria-labelledby="list-heading"
        >
          <Title order={2} fz="lg" id="list-heading" mb="sm">
            {t('certificates.listTitle')}
          </Title>
          <FilterBar key={generation} search={search} onChange={onChange} onClear={onClear} />
          <ListBody
            list={list}
            emptyTitle={t('certificates.empty')}
            emptyHint={
              hasFilters(search)
                ? t('list.tryAnotherSearch')
                : manage
                  ? t('certificates.emptyHintProvider')
                  : undefined
            }
            minWidth={manage ? 980 : 820}
            label={t('certificates.listTitle')}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th miw={180}>{t('certificates.certificate')}</Table.Th>
                <Table.Th miw={140}>{t('certificates.applicationAndCustomer')}</Table.Th>
                <Table.Th>{t('fields.status')}</Table.Th>
                <Table.Th miw={140}>{t('certificates.expires')}</Table.Th>
                <Table.Th miw={170}>{t('certificates.proposal')}</Table.Th>
                {manage && <ActionsHeader />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((c) => (
                <CertificateRow
                  key={c.id}
                  certificate={c}
                  now={now}
                  onRenew={manage ? () => setRenewing(c) : undefined}
                  renewalChange={renewalChanges.data?.get(c.id)}
                  onPlanChange={
                    planChanges &&
                    renewalChanges.isSuccess &&
                    canPlanRenewalChange(c, renewalChanges.data.has(c.id))
                      ? () => setPlanning(c)
                      : undefined
                  }
                />
              ))}
            </Table.Tbody>
          </ListBody>
        </Paper>
      </Stack>
      {manage && (
        <>
          <AddCertificateModal
            opened={adding}
            onClose={() => setAdding(false)}
            defaultCustomerId={search.customerId}
            defaultApplicationId={search.applicationId}
          />
          <RenewalModal certificate={renewing} onClose={() => setRenewing(null)} />
          {planChanges && (
            <RenewalChangeModal
              certificate={planning}
              openChange={planning ? renewalChanges.data?.get(planning.id) : undefined}
              onClose={() => setPlanning(null)}
            />
          )}
        </>
      )}
    </>
  );
}
