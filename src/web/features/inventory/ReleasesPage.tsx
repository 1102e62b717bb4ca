import { Alert, Anchor, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../app/permissions.ts';
import { useCurrentUser, useTimeZone } from '../../app/session.ts';
import { Instant, PageHeader } from '../../components/common.tsx';
import { IconCheck } from '../../components/icons.tsx';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/states.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { ResponsibilityLink } from '../responsibilities/ResponsibilityLink.tsx';
import { PublishReleaseForm } from './PublishReleaseForm.tsx';
import { useReleases } from './queries.ts';
import { TrainSummary } from './TrainSummary.tsx';
import type { ActiveTrain, PublishResult, Release } from './types.ts';

const releaseText = (r: Release) => `${r.version} (${r.sus.join(', ')})`;

/** What the publication did: the shift, what re-classified, who fell out, and the campaign. */
function PublishedResult({ result, release }: { result: PublishResult; release: Release }) {
  const { t } = useTranslation();
  const fell = result.fellOutOfCompliance;
  return (
    <Alert
      color="teal"
      variant="light"
      icon={<IconCheck />}
      title={t('inventory.publish.published', { version: release.version })}
      data-testid="publish-result"
      role="status"
    >
      <Stack gap={6}>
        <Text size="sm">
          {t('inventory.publish.resultTrain', {
            n: releaseText(result.train.n),
            n1: releaseText(result.train.n1),
            n2: releaseText(result.train.n2),
            target: result.train.target,
          })}
        </Text>
        <Text size="sm">{t('inventory.publish.reclassified', { count: result.reclassified })}</Text>
        <Text size="sm" fw={600} data-testid="publish-fell-out">
          {t('inventory.publish.fellOut', {
            customers: t('inventory.publish.customers', { count: fell.customers }),
            applications: t('inventory.publish.applications', { count: fell.applications }),
          })}
        </Text>
        {result.campaignId ? (
          <Anchor component={Link} to={`/inventory/campaigns/${result.campaignId}`} size="sm" fw={600}>
            {t('inventory.publish.openCampaign')}
          </Anchor>
        ) : (
          <Text size="sm">{t('inventory.publish.noCampaign')}</Text>
        )}
      </Stack>
    </Alert>
  );
}

function HistoryTable({ history }: { history: ActiveTrain[] }) {
  const { t } = useTranslation();
  return (
    <TableScroll minWidth={760} label={t('inventory.releasesPage.history')}>
      <Table verticalSpacing="sm" data-testid="release-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('inventory.releasesPage.publishedAt')}</Table.Th>
            <Table.Th>{t('inventory.releasesPage.publishedBy')}</Table.Th>
            <Table.Th>{t('inventory.releasesPage.release')}</Table.Th>
            <Table.Th>n</Table.Th>
            <Table.Th>n-1</Table.Th>
            <Table.Th>n-2</Table.Th>
            <Table.Th>{t('inventory.train.target')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.map((h, i) => (
            <Table.Tr key={h.publishedAt ?? `policy-${i}`}>
              <Table.Td>
                <Instant value={h.publishedAt} />
              </Table.Td>
              <Table.Td>{h.publishedBy ?? '—'}</Table.Td>
              <Table.Td fw={600}>{h.release ? releaseText(h.release) : '—'}</Table.Td>
              <Table.Td>{releaseText(h.train.n)}</Table.Td>
              <Table.Td>{releaseText(h.train.n1)}</Table.Td>
              <Table.Td>{releaseText(h.train.n2)}</Table.Td>
              <Table.Td>{h.train.target}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

/** The release train in force and its history; provider admins publish the next release here. */
export default function ReleasesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const zone = useTimeZone();
  const releases = useReleases();
  const [published, setPublished] = useState<{ result: PublishResult; release: Release } | null>(null);
  const active = releases.data?.active;

  return (
    <>
      <PageHeader
        title={t('inventory.releasesPage.title')}
        subtitle={t('inventory.releasesPage.subtitle', { zone })}
        actions={
          <>
            <ResponsibilityLink area="upgrades" />
            {can.seeCompliance(user) && (
              <Button component={Link} to="/inventory/compliance" variant="default">
                {t('inventory.compliancePage.title')}
              </Button>
            )}
          </>
        }
      />
      {releases.isError ? (
        <ErrorState error={releases.error} onRetry={() => void releases.refetch()} />
      ) : (
        <Stack gap="lg">
          {published && <PublishedResult result={published.result} release={published.release} />}
          <Stack gap="xs">
            <TrainSummary train={active?.train} loading={releases.isPending} />
            {active && (
              <Text size="sm" c="dimmed" data-testid="train-origin">
                {active.publishedAt ? (
                  <>
                    {t('inventory.releasesPage.publishedOn')} <Instant value={active.publishedAt} />{' '}
                    {active.publishedBy && t('inventory.releasesPage.by', { name: active.publishedBy })}
                  </>
                ) : (
                  t('inventory.releasesPage.fromPolicy')
                )}
              </Text>
            )}
          </Stack>
          {can.publishReleases(user) && active && (
            <Paper
              withBorder
              p={{ base: 'sm', sm: 'md' }}
              radius="md"
              component="section"
              aria-labelledby="publish-heading"
            >
              <Stack gap={2} mb="md">
                <Title order={2} fz="lg" id="publish-heading">
                  {t('inventory.publish.title')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('inventory.publish.intro')}
                </Text>
              </Stack>
              <PublishReleaseForm
                train={active.train}
                onPublished={(result, release) => setPublished({ result, release })}
              />
            </Paper>
          )}
          <Paper
            withBorder
            p={{ base: 'sm', sm: 'md' }}
            radius="md"
            component="section"
            aria-labelledby="history-heading"
          >
            <Title order={2} fz="lg" id="history-heading" mb="md">
              {t('inventory.releasesPage.history')}
            </Title>
            {releases.isPending ? (
              <ListSkeleton rows={3} />
            ) : (releases.data?.history.length ?? 0) === 0 ? (
              <EmptyState
                title={t('inventory.releasesPage.noHistory')}
                hint={t('inventory.releasesPage.noHistoryHint')}
              />
            ) : (
              <HistoryTable history={releases.data?.history ?? []} />
            )}
          </Paper>
        </Stack>
      )}
    </>
  );
}
