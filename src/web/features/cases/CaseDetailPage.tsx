import {
  Alert,
  Anchor,
  Breadcrumbs,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isProvider } from '../../app/permissions.ts';
import { useCurrentUser, useTimeZone } from '../../app/session.ts';
import { Instant, useDocumentTitle } from '../../components/common.tsx';
import { IconAlert, IconClock, IconPhone } from '../../components/icons.tsx';
import { Section } from '../../components/section.tsx';
import { ErrorState } from '../../components/states.tsx';
import { AttachmentsSection } from './AttachmentsSection.tsx';
import { CaseStatusBadge, DueText, SeverityBadge } from './badges.tsx';
import { CaseActions } from './CaseActions.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { CommentBox } from './CommentBox.tsx';
import { DueExplanationPanel } from './DueExplanation.tsx';
import { dueState, useNow } from './format.ts';
import { useCase } from './queries.ts';
import type { CaseDetail } from './types.ts';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ wordBreak: 'break-word' }}>
        {children}
      </Text>
    </Stack>
  );
}

/** The response clock: ticks every second until the provider acknowledges, then says met or missed. */
function ResponseDue({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const state = dueState(c, now);
  return (
    <Stack gap={4} data-testid="response-due">
      <Group gap="xs" role="timer" aria-label={t('cases.responseDue')}>
        <IconClock />
        <DueText state={state} seconds />
      </Group>
      <Text size="sm">
        {t('cases.dueAt')}: <Instant value={c.responseDueAt} />
      </Text>
      {c.acknowledgedAt && (
        <Text size="sm">
          {t('cases.acknowledgedAtLabel')}: <Instant value={c.acknowledgedAt} />
        </Text>
      )}
    </Stack>
  );
}

function Banners({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const open = c.status !== 'resolved' && c.status !== 'closed';
  const urgent = c.severity === 'S1' || c.severity === 'S2';
  const tac = !isProvider(user.role) && open && !c.acknowledgedAt && urgent ? c.tacPhone : null;
  return (
    <>
      {tac && (
        <Alert color="red" variant="light" icon={<IconPhone />} title={t('cases.callTacTitle')}>
          <Text size="sm">
            {t('cases.callTacDetail')}{' '}
            <Anchor href={`tel:${tac.replace(/[^+\d]/g, '')}`} fw={700}>
              {tac}
            </Anchor>
          </Text>
        </Alert>
      )}
      {c.planOwedSince && (
        <Alert color="orange" variant="light" icon={<IconAlert />} data-testid="plan-owed-banner">
          <Text size="sm" fw={600}>
            {t('cases.planOwedBanner')} <Instant value={c.planOwedSince} />
          </Text>
        </Alert>
      )}
      {c.escalatedAt && (
        <Alert color="grape" variant="light" icon={<IconAlert />} data-testid="escalated-banner">
          <Text size="sm" fw={600}>
            {t('cases.escalatedBanner', { count: c.escalationCount })} <Instant value={c.escalatedAt} />
          </Text>
        </Alert>
      )}
      {c.status === 'monitoring' && c.monitorUntil && (
        <Alert color="blue" variant="light" icon={<IconClock />}>
          <Text size="sm">
            {t('cases.monitoringBanner')} <Instant value={c.monitorUntil} />
          </Text>
        </Alert>
      )}
    </>
  );
}

function Facts({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const impact = t(`caseImpact.${c.impact}`);
  return (
    <Paper withBorder p="md" radius="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        <Field label={t('fields.customer')}>
          {user.role === 'customer_viewer' ? (
            c.customerName
          ) : (
            <Anchor component={Link} to={`/customers/${c.customerId}`} size="sm">
              {c.customerName}
            </Anchor>
          )}{' '}
          <Text span size="xs" c="dimmed">
            ({c.region})
          </Text>
        </Field>
        <Field label={t('fields.partner')}>{c.partnerName}</Field>
        <Field label={t('fields.contractNumber')}>{c.contractNumber}</Field>
        <Field label={t('cases.category')}>{t(`caseCategory.${c.category}`)}</Field>
        <Field label={t('cases.impact')}>
          {c.affectedShare === null
            ? impact
            : t('cases.impactWithShare', { impact, share: Math.round(c.affectedShare * 100) })}
        </Field>
        <Field label={t('cases.urgency')}>{t(`urgency.${c.urgency}`)}</Field>
        <Field label={t('cases.openedAt')}>
          <Instant value={c.openedAt} />
        </Field>
        <Field label={t('cases.caller')}>{c.caller.name}</Field>
      </SimpleGrid>
    </Paper>
  );
}

function Contact({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} data-testid="case-contact">
      <Text size="sm" fw={600}>
        {c.contact.name}
      </Text>
      <Anchor href={`tel:${c.contact.phone.replace(/[^+\d]/g, '')}`} size="sm">
        {c.contact.phone}
      </Anchor>
      <Anchor href={`mailto:${c.contact.email}`} size="sm" style={{ wordBreak: 'break-all' }}>
        {c.contact.email}
      </Anchor>
      <Text size="xs" c="dimmed">
        {t('cases.contactHint')}
      </Text>
    </Stack>
  );
}

function PreText({ children }: { children: string }) {
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
      {children}
    </Text>
  );
}

function Body({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="lg">
          <Section title={t('cases.description')}>
            <PreText>{c.description}</PreText>
          </Section>
          {c.rootCauseSummary && (
            <Section title={t('cases.rootCause')} description={t('cases.rootCauseShown')}>
              <PreText>{c.rootCauseSummary}</PreText>
            </Section>
          )}
          <Section title={t('cases.timeline')} description={t('cases.timelineHint', { zone })}>
            <CaseTimeline events={c.timeline} />
            <CommentBox c={c} />
          </Section>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="lg">
          <Section title={t('cases.responseDue')}>
            <ResponseDue c={c} />
          </Section>
          {c.dueExplanation && (
            <Section title={t('cases.whyDue')}>
              <DueExplanationPanel explanation={c.dueExplanation} />
            </Section>
          )}
          <Section title={t('cases.contact')}>
            <Contact c={c} />
          </Section>
          <Section title={t('cases.attachments')}>
            <AttachmentsSection c={c} />
          </Section>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

export default function CaseDetailPage() {
  const { t } = useTranslation();
  const { caseId } = useParams({ strict: false }) as { caseId: string };
  const query = useCase(caseId);
  const c = query.data;
  useDocumentTitle(c ? `${c.number}: ${c.title}` : t('cases.title'));

  if (query.isPending) {
    return (
      <Stack aria-busy="true" aria-label={t('states.loading')}>
        <Skeleton height={32} width="50%" />
        <Skeleton height={140} />
        <Skeleton height={240} />
      </Stack>
    );
  }
  if (query.isError || !c) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to="/cases" size="sm">
          {t('cases.title')}
        </Anchor>
        <Text size="sm">{c.number}</Text>
      </Breadcrumbs>
      <Stack gap="sm">
        <Group gap="xs">
          <SeverityBadge severity={c.severity} />
          <CaseStatusBadge status={c.status} />
        </Group>
        <Title order={1} fz={{ base: 22, sm: 26 }} style={{ wordBreak: 'break-word' }}>
          {c.number}: {c.title}
        </Title>
        <CaseActions c={c} />
      </Stack>
      <Banners c={c} />
      <Facts c={c} />
      <Body c={c} />
    </Stack>
  );
}
