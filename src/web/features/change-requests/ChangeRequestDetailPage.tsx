import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../app/permissions.ts';
import { useCurrentUser } from '../../app/session.ts';
import { Instant, useDocumentTitle } from '../../components/common.tsx';
import { showActionError, showDone } from '../../components/feedback.ts';
import { TitledPanel } from '../../components/section.tsx';
import { ErrorState } from '../../components/states.tsx';
import type { ChangeRequestDetail, ChangeRequestNote, ChangeRequestStatus } from '../changes/types.ts';
import { GeneralErrors, useFormErrors } from '../disaster-recovery/form-errors.tsx';
import { ChangeRequestStatusBadge } from './badges.tsx';
import { DecisionModal } from './DecisionModal.tsx';
import { useAddNote, useChangeRequest, useTakeIntoReview } from './queries.ts';
import { ScheduleModal } from './ScheduleModal.tsx';

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

const FLOW: ChangeRequestStatus[] = ['submitted', 'in_review', 'approved', 'scheduled', 'completed'];

/** Where the request is in the joint review: done, current and still-to-come steps. */
function Progress({ status }: { status: ChangeRequestStatus }) {
  const { t } = useTranslation();
  const steps: ChangeRequestStatus[] = status === 'rejected' ? ['submitted', 'in_review', 'rejected'] : FLOW;
  const at = steps.indexOf(status);
  return (
    <Group
      component="ol"
      gap="xs"
      wrap="wrap"
      data-testid="cr-progress"
      style={{ listStyle: 'none', margin: 0, padding: 0 }}
    >
      {steps.map((step, i) => {
        const state = i < at || status === 'completed' ? 'done' : i === at ? 'current' : 'pending';
        return (
          <Group component="li" key={step} gap={6} wrap="nowrap" data-step={step} data-state={state}>
            <Badge
              variant={state === 'pending' ? 'outline' : 'filled'}
              color={
                state === 'pending'
                  ? 'gray.7'
                  : step === 'rejected'
                    ? 'red.9'
                    : state === 'current'
                      ? 'brand'
                      : 'teal.9'
              }
              circle
              aria-hidden="true"
            >
              {i + 1}
            </Badge>
            <Text
              size="sm"
              fw={state === 'current' ? 700 : 400}
              {...(state === 'current' ? { 'aria-current': 'step' as const } : {})}
            >
              {t(`changeRequests.statuses.${step}`)}
              <span className="visually-hidden"> ({t(`changeRequests.stepStates.${state}`)})</span>
            </Text>
            {i < steps.length - 1 && (
              <Text size="sm" c="dimmed" aria-hidden="true">
                →
              </Text>
            )}
          </Group>
        );
      })}
    </Group>
  );
}

function Note({ note }: { note: ChangeRequestNote }) {
  const { t } = useTranslation();
  const decision = note.kind === 'decision';
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      radius="sm"
      data-testid="cr-note"
      data-kind={note.kind}
      data-side={note.authorSide}
      style={{
        borderLeft: `4px solid var(--mantine-color-${note.authorSide === 'provider' ? 'brand-7' : 'grape-7'})`,
      }}
    >
      <Group gap="xs" mb={4} wrap="wrap">
        <Badge variant="light" color={note.authorSide === 'provider' ? 'brand' : 'grape'} size="sm">
          {t(`changeRequests.sides.${note.authorSide}`)}
        </Badge>
        <Text size="sm" fw={600}>
          {note.author}
        </Text>
        <Text size="xs" c="dimmed">
          <Instant value={note.at} size="xs" />
        </Text>
        {decision && note.status && (
          <Badge variant="outline" color="gray.8" size="sm">
            {t('changeRequests.decisionTo', { status: t(`changeRequests.statuses.${note.status}`) })}
          </Badge>
        )}
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {note.body}
      </Text>
    </Paper>
  );
}

function CommentBox({ request }: { request: ChangeRequestDetail }) {
  const { t } = useTranslation();
  const add = useAddNote(request.id);
  const [body, setBody] = useState('');
  const [localError, setLocalError] = useState<string | undefined>();
  const server = useFormErrors('changeRequests', add.error, ['body']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setLocalError(t('validation.required'));
      return;
    }
    setLocalError(undefined);
    add.mutate(
      { body: body.trim() },
      {
        onSuccess: () => {
          setBody('');
          showDone(t('changeRequests.commentAdded'));
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <GeneralErrors errors={server} />
        <Textarea
          label={t('changeRequests.comment')}
          description={t('changeRequests.commentHint')}
          autosize
          minRows={3}
          maxRows={8}
          maxLength={5000}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={localError ?? server.field('body')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending}>
            {t('changeRequests.addComment')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type Dialog = 'approve' | 'reject' | 'schedule' | null;

/** One change request: where it is in the joint review, its notes thread, and the moves open to the caller. */
export default function ChangeRequestDetailPage() {
  const { t } = useTranslation();
  const { requestId } = useParams({ strict: false }) as { requestId: string };
  const user = useCurrentUser();
  const query = useChangeRequest(requestId);
  const review = useTakeIntoReview(requestId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const r = query.data;
  useDocumentTitle(r ? `${r.reference}: ${r.title}` : t('changeRequests.title'));

  if (query.isPending) {
    return (
      <Stack aria-busy="true" aria-label={t('states.loading')}>
        <Skeleton height={32} width="50%" />
        <Skeleton height={120} />
        <Skeleton height={200} />
      </Stack>
    );
  }
  if (query.isError || !r) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const provider = can.reviewChangeRequests(user);
  const close = () => setDialog(null);
  const takeIntoReview = () =>
    review.mutate(
      {},
      {
        onSuccess: (saved) => showDone(t('changeRequests.inReviewDone', { reference: saved.reference })),
        onError: (error) => showActionError(error, t),
      },
    );

  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to="/change-requests" size="sm">
          {t('changeRequests.title')}
        </Anchor>
        <Text size="sm">{r.reference}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={6}>
          <Group gap="xs">
            <ChangeRequestStatusBadge status={r.status} />
            <Badge variant="outline" color="gray.7">
              {t(`changeRequests.kinds.${r.kind}`)}
            </Badge>
          </Group>
          <Title order={1} fz={{ base: 20, sm: 26 }} style={{ wordBreak: 'break-word' }}>
            {r.reference}: {r.title}
          </Title>
        </Stack>
        {provider && (
          <Group gap="xs">
            {r.status === 'submitted' && (
              <Button onClick={takeIntoReview} loading={review.isPending}>
                {t('changeRequests.takeIntoReview')}
              </Button>
            )}
            {r.status === 'in_review' && (
              <>
                <Button onClick={() => setDialog('approve')}>{t('changeRequests.approveAction')}</Button>
                <Button variant="outline" color="red.9" onClick={() => setDialog('reject')}>
                  {t('changeRequests.rejectAction')}
                </Button>
              </>
            )}
            {r.status === 'approved' && (
              <Button onClick={() => setDialog('schedule')}>{t('changeRequests.scheduleAction')}</Button>
            )}
          </Group>
        )}
      </Group>
      <TitledPanel title={t('changeRequests.progress')} titleGap="md">
        <Progress status={r.status} />
        {!provider && (
          <Text size="sm" c="dimmed" mt="sm">
            {t(`changeRequests.next.${r.status}`)}
          </Text>
        )}
      </TitledPanel>
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <Field label={t('fields.customer')}>
            {user.role === 'customer_viewer' ? (
              r.customerName
            ) : (
              <Anchor component={Link} to={`/customers/${r.customerId}`} size="sm">
                {r.customerName}
              </Anchor>
            )}
          </Field>
          <Field label={t('changeRequests.preferredStart')}>
            {r.preferredStart ? <Instant value={r.preferredStart} /> : t('changeRequests.noPreference')}
          </Field>
          <Field label={t('changeRequests.requestedAt')}>
            <Instant value={r.createdAt} />
            <Text size="xs" c="dimmed">
              {t('changeRequests.by', { who: r.requestedBy })}
            </Text>
          </Field>
          <Field label={t('changeRequests.change')}>
            {r.changeId ? (
              <Anchor component={Link} to={`/changes/${r.changeId}`} size="sm" data-testid="cr-change-link">
                {r.changeReference ?? t('changeRequests.openChange')}
              </Anchor>
            ) : (
              t('changeRequests.notScheduled')
            )}
          </Field>
        </SimpleGrid>
        <Stack gap={2} mt="md">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('changeRequests.description')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {r.description}
          </Text>
        </Stack>
      </Paper>
      <TitledPanel title={t('changeRequests.notes')} titleGap="md">
        <Stack gap="md">
          {r.notes.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('changeRequests.noNotes')}
            </Text>
          ) : (
            <Stack
              gap="xs"
              component="ol"
              style={{ listStyle: 'none', margin: 0, padding: 0 }}
              data-testid="cr-notes"
            >
              {r.notes.map((note) => (
                <Note key={note.id} note={note} />
              ))}
            </Stack>
          )}
          {can.commentChangeRequests(user) && <CommentBox request={r} />}
        </Stack>
      </TitledPanel>
      {provider && r.status === 'in_review' && (
        <>
          <DecisionModal request={r} decision="approve" opened={dialog === 'approve'} onClose={close} />
          <DecisionModal request={r} decision="reject" opened={dialog === 'reject'} onClose={close} />
        </>
      )}
      {provider && r.status === 'approved' && (
        <ScheduleModal request={r} opened={dialog === 'schedule'} onClose={close} />
      )}
    </Stack>
  );
}
