import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session.ts';
import { confirmAction, Instant } from '../../components/common.tsx';
import { ListBody } from '../../components/directory-list.tsx';
import { showActionError } from '../../components/feedback.ts';
import { IconPlus } from '../../components/icons.tsx';
import { useCursorList } from '../../components/use-cursor-list.ts';
import { ExpansionStatusBadge } from './badges.tsx';
import { AskExpansionModal, CancelModal, PlanModal } from './ExpansionModals.tsx';
import { capacityCan } from './permissions.ts';
import { useCompleteExpansion } from './queries.ts';
import { type Capacity, type Expansion, RESOURCE_FIELDS } from './types.ts';

function StatusCell({ expansion }: { expansion: Expansion }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} align="flex-start">
      <ExpansionStatusBadge status={expansion.status} />
      {expansion.plannedFor && expansion.status === 'planned' && (
        <Text size="xs">
          {t('capacity.expansion.plannedForShort')} <Instant value={expansion.plannedFor} size="xs" />
        </Text>
      )}
      {expansion.planNote && expansion.status === 'planned' && (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'break-word' }}>
          {expansion.planNote}
        </Text>
      )}
      {expansion.completedAt && (
        <Text size="xs">
          {t('capacity.expansion.completedAt')} <Instant value={expansion.completedAt} size="xs" />
        </Text>
      )}
      {expansion.cancelledReason && (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'break-word' }}>
          {t('capacity.expansion.cancelledBecause', { reason: expansion.cancelledReason })}
        </Text>
      )}
    </Stack>
  );
}

/** A customer's expansions, newest first, with what each role may do next. */
export function ExpansionsSection({ capacity }: { capacity: Capacity }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const provision = capacityCan.provision(user);
  const manage = capacityCan.manage(user);
  const list = useCursorList<Expansion>(['capacity-expansions', 'list'], '/capacity-expansions', {
    customerId: capacity.customerId,
  });
  const complete = useCompleteExpansion();
  const [asking, setAsking] = useState(false);
  const [planning, setPlanning] = useState<Expansion | null>(null);
  const [cancelling, setCancelling] = useState<Expansion | null>(null);
  const withActions = provision || manage;

  const askComplete = (x: Expansion) => {
    const what = t(`capacity.expansion.what.${x.resource}`, { count: x.additional });
    const from = capacity[RESOURCE_FIELDS[x.resource]].entitled;
    confirmAction({
      title: t('capacity.expansion.completeTitle', { what }),
      message: t('capacity.expansion.completeMessage', {
        resource: t(`capacity.resources.${x.resource}`),
        customer: capacity.customerName,
        from,
        to: from + x.additional,
      }),
      confirmLabel: t('capacity.expansion.completeConfirm'),
      cancelLabel: t('actions.cancel'),
      onConfirm: () =>
        complete.mutate(x.id, {
          onSuccess: () =>
            notifications.show({
              color: 'teal',
              message: t('capacity.expansion.completed', {
                resource: t(`capacity.resources.${x.resource}`),
                to: from + x.additional,
              }),
            }),
          onError: (error) => showActionError(error, t),
        }),
    });
  };

  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      component="section"
      aria-labelledby="expansions-heading"
    >
      <Group justify="space-between" align="flex-start" mb="md" gap="sm" wrap="wrap">
        <Stack gap={2} style={{ flex: '1 1 280px' }}>
          <Title order={2} fz="lg" id="expansions-heading">
            {t('capacity.expansion.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('capacity.expansion.hint')}
          </Text>
        </Stack>
        {provision && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAsking(true)}>
            {t('capacity.expansion.ask')}
          </Button>
        )}
      </Group>
      <ListBody
        list={list}
        emptyTitle={t('capacity.expansion.empty')}
        skeletonRows={2}
        minWidth={withActions ? 920 : 780}
        label={t('capacity.expansion.title')}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('capacity.expansion.requestedAt')}</Table.Th>
            <Table.Th>{t('capacity.expansion.expansion')}</Table.Th>
            <Table.Th>{t('capacity.expansion.case')}</Table.Th>
            <Table.Th>{t('fields.status')}</Table.Th>
            <Table.Th>{t('capacity.expansion.reason')}</Table.Th>
            {withActions && (
              <Table.Th>
                <span className="visually-hidden">{t('list.actions')}</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.items.map((x) => {
            const open = x.status === 'requested' || x.status === 'planned';
            return (
              <Table.Tr key={x.id} data-testid="expansion-row" data-status={x.status}>
                <Table.Td>
                  <Instant value={x.createdAt} />
                  <Text size="xs" c="dimmed">
                    {t('capacity.expansion.by', { name: x.requestedBy })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {t(`capacity.expansion.what.${x.resource}`, { count: x.additional })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Anchor
                    renderRoot={(props) => (
                      <Link {...props} to="/cases/$caseId" params={{ caseId: x.caseId }} />
                    )}
                    size="sm"
                    fw={600}
                    style={{ whiteSpace: 'nowrap' }}
                  >
                    {x.caseNumber}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <StatusCell expansion={x} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ overflowWrap: 'break-word' }}>
                    {x.reason}
                  </Text>
                </Table.Td>
                {withActions && (
                  <Table.Td>
                    {open && (
                      <Group gap={6} justify="flex-end" wrap="wrap">
                        {manage && (
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setPlanning(x)}
                            aria-label={t(
                              x.status === 'planned'
                                ? 'capacity.expansion.replanFor'
                                : 'capacity.expansion.planFor',
                              { number: x.caseNumber },
                            )}
                          >
                            {x.status === 'planned'
                              ? t('capacity.expansion.replan')
                              : t('capacity.expansion.plan')}
                          </Button>
                        )}
                        {manage && x.status === 'planned' && (
                          <Button
                            size="xs"
                            onClick={() => askComplete(x)}
                            loading={complete.isPending && complete.variables === x.id}
                            aria-label={t('capacity.expansion.completeFor', { number: x.caseNumber })}
                          >
                            {t('capacity.expansion.complete')}
                          </Button>
                        )}
                        {provision && (
                          <Button
                            size="xs"
                            variant="outline"
                            color="red.9"
                            onClick={() => setCancelling(x)}
                            aria-label={t('capacity.expansion.cancelFor', { number: x.caseNumber })}
                          >
                            {t('capacity.expansion.cancel')}
                          </Button>
                        )}
                      </Group>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </ListBody>
      {provision && (
        <AskExpansionModal opened={asking} onClose={() => setAsking(false)} capacity={capacity} />
      )}
      {manage && <PlanModal expansion={planning} onClose={() => setPlanning(null)} />}
      {provision && <CancelModal expansion={cancelling} onClose={() => setCancelling(null)} />}
    </Paper>
  );
}
