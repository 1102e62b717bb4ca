import { Anchor, Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../app/permissions.ts';
import { useCurrentUser } from '../../app/session.ts';
import { Instant, PageHeader } from '../../components/common.tsx';
import { ListBody } from '../../components/directory-list.tsx';
import { EmptyState } from '../../components/states.tsx';
import { useCursorList } from '../../components/use-cursor-list.ts';
import { ChangeTypeBadge, LateBadge, RequestStatusBadge } from './badges.tsx';
import { DeclineRequestModal } from './ChangeActionModals.tsx';
import { ViewerRange } from './ChangeWindow.tsx';
import { RESCHEDULE_KEY } from './queries.ts';
import { useWithdraw } from './RequestCard.tsx';
import { RescheduleModal } from './RescheduleModal.tsx';
import { parseRescheduleSearch, RESCHEDULE_STATUSES } from './search.ts';
import type { RescheduleRequest } from './types.ts';

type Dialog = { kind: 'decline' | 'pick'; request: RescheduleRequest } | null;

function RequestRow({ r, onOpen }: { r: RescheduleRequest; onOpen: (d: Dialog) => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const withdraw = useWithdraw();
  const open = r.status === 'open';
  const provider = can.manageChanges(user);
  const mine = can.askReschedule(user) && user.partnerId === r.partnerId;
  return (
    <Table.Tr
      data-testid="request-row"
      data-status={r.status}
      data-late={r.late}
      data-reference={r.changeReference}
      style={r.late && open ? { boxShadow: 'inset 4px 0 0 var(--mantine-color-red-9)' } : undefined}
    >
      <Table.Td>
        <Anchor
          component={Link}
          to={`/changes/${r.changeId}`}
          fw={600}
          size="sm"
          style={{ whiteSpace: 'nowrap' }}
        >
          {r.changeReference}
        </Anchor>
        <Text size="xs" style={{ wordBreak: 'break-word' }}>
          {r.changeTitle}
        </Text>
        <ChangeTypeBadge type={r.changeType} />
      </Table.Td>
      <Table.Td>
        <ViewerRange start={r.changeStart} end={r.changeEnd} size="xs" />
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} lineClamp={4}>
          {r.reason}
        </Text>
        {r.decisionNote && (
          <Text size="xs" c="dimmed" mt={4} style={{ wordBreak: 'break-word' }}>
            {t('reschedule.note')}: {r.decisionNote}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{r.partnerName}</Text>
        <Text size="xs" c="dimmed">
          {r.requestedBy}
        </Text>
        <Instant value={r.requestedAt} size="xs" />
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <RequestStatusBadge status={r.status} />
          {r.late && <LateBadge />}
        </Stack>
      </Table.Td>
      <Table.Td>
        {open && (provider || mine) ? (
          <Stack gap={6} align="stretch">
            {provider && (
              <>
                <Button size="xs" onClick={() => onOpen({ kind: 'pick', request: r })}>
                  {t('reschedule.pickSlot')}
                </Button>
                <Button
                  size="xs"
                  variant="outline"
                  color="red.9"
                  onClick={() => onOpen({ kind: 'decline', request: r })}
                  aria-label={t('reschedule.declineFor', { reference: r.changeReference })}
                >
                  {t('reschedule.decline')}
                </Button>
              </>
            )}
            {mine && (
              <Button size="xs" variant="outline" color="red.9" onClick={() => withdraw(r)}>
                {t('reschedule.withdraw')}
              </Button>
            )}
          </Stack>
        ) : (
          <Text size="xs" c="dimmed">
            {r.decidedAt ? <Instant value={r.decidedAt} size="xs" /> : '—'}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * The provider's queue of partner requests to move a change (open ones, oldest first, late ones
 * marked), and for partners the requests they made and what became of them.
 */
export default function RescheduleRequestsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const search = parseRescheduleSearch(useSearch({ strict: false }));
  const provider = can.manageChanges(user);
  const [dialog, setDialog] = useState<Dialog>(null);
  const status = search.status ?? (provider ? 'open' : 'all');

  const onStatus = useCallback(
    (value: string | null) =>
      void navigate({
        to: '/reschedule-requests',
        search: parseRescheduleSearch(value ? { status: value } : {}),
        replace: true,
      }),
    [navigate],
  );
  const list = useCursorList<RescheduleRequest>(
    [RESCHEDULE_KEY, 'list'],
    '/reschedule-requests',
    { status: status === 'all' ? undefined : status },
    can.seeRescheduleRequests(user),
    60_000,
  );

  if (!can.seeRescheduleRequests(user))
    return (
      <>
        <PageHeader title={t('reschedule.title')} />
        <EmptyState title={t('reschedule.notForYou')} />
      </>
    );

  return (
    <>
      <PageHeader
        title={t('reschedule.title')}
        subtitle={provider ? t('reschedule.subtitleProvider') : t('reschedule.subtitlePartner')}
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
        <Group mb="md" gap="sm">
          <Select
            aria-label={t('fields.status')}
            allowDeselect={false}
            data={[
              { value: 'all', label: t('reschedule.allStatuses') },
              ...RESCHEDULE_STATUSES.map((s) => ({ value: s, label: t(`reschedule.statuses.${s}`) })),
            ]}
            value={status}
            onChange={onStatus}
            w={{ base: '100%', xs: 240 }}
          />
        </Group>
        <ListBody
          list={list}
          emptyTitle={status === 'open' ? t('reschedule.emptyOpen') : t('reschedule.empty')}
          emptyHint={provider ? t('reschedule.emptyHintProvider') : t('reschedule.emptyHintPartner')}
          minWidth={900}
          label={t('reschedule.title')}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reschedule.change')}</Table.Th>
              <Table.Th>{t('reschedule.currentSlot')}</Table.Th>
              <Table.Th>{t('reschedule.reason')}</Table.Th>
              <Table.Th>{t('reschedule.askedByColumn')}</Table.Th>
              <Table.Th>{t('fields.status')}</Table.Th>
              <Table.Th>
                <span className="visually-hidden">{t('list.actions')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((r) => (
              <RequestRow key={r.id} r={r} onOpen={setDialog} />
            ))}
          </Table.Tbody>
        </ListBody>
      </Paper>
      {provider && dialog?.kind === 'decline' && (
        <DeclineRequestModal request={dialog.request} opened onClose={() => setDialog(null)} />
      )}
      {provider && dialog?.kind === 'pick' && (
        <RescheduleModal
          changeId={dialog.request.changeId}
          request={dialog.request}
          opened
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
