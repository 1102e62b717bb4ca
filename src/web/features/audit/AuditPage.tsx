import { Button, Code, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/types.ts';
import { can } from '../../app/permissions.ts';
import { useCurrentUser, useTimeZone } from '../../app/session.ts';
import { Instant, PageHeader, ToneBadge } from '../../components/common.tsx';
import { DateField } from '../../components/date-field.tsx';
import { PartnerPicker } from '../../components/entity-picker.tsx';
import { ListFooter } from '../../components/list-footer.tsx';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/states.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { startOfDayIn } from '../../components/time.ts';
import { useCursorList } from '../../components/use-cursor-list.ts';

const ENTITY_TYPES = [
  'partner',
  'customer',
  'user',
  'contract',
  'api_token',
  'session',
  'subscription',
  'delivery',
  'outage',
  'network_activity',
] as const;

function Json({ value, label }: { value: unknown; label: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        {label}
      </Text>
      {value === null || value === undefined ? (
        <Text size="sm" c="dimmed">
          {t('audit.none')}
        </Text>
      ) : (
        <pre className="json-block">{JSON.stringify(value, null, 2)}</pre>
      )}
    </Stack>
  );
}

export default function AuditPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const zone = useTimeZone();
  const showPartner = can.seePartners(me);
  const [entityType, setEntityType] = useState<string | null>(null);
  const [actionText, setActionText] = useState('');
  const [action] = useDebouncedValue(actionText.trim(), 300);
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const list = useCursorList<AuditEntry>(['audit', 'list'], '/audit', {
    entityType,
    action: action || undefined,
    partnerId,
    from: from ? startOfDayIn(from, zone) : undefined,
    to: to ? startOfDayIn(to, zone, 1) : undefined,
  });
  const toggle = (id: string) =>
    setExpanded((old) => {
      const next = new Set(old);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const clear = () => {
    setEntityType(null);
    setActionText('');
    setPartnerId(null);
    setFrom('');
    setTo('');
  };
  const columns = 5;

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle', { zone })} />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
        <Group mb="md" gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('audit.entityType')}
            placeholder={t('filters.all')}
            clearable
            data={ENTITY_TYPES.map((e) => ({ value: e, label: t(`entities.${e}`) }))}
            value={entityType}
            onChange={setEntityType}
            w={{ base: '100%', xs: 180 }}
          />
          <TextInput
            label={t('audit.action')}
            placeholder="customer.created"
            value={actionText}
            onChange={(e) => setActionText(e.currentTarget.value)}
            w={{ base: '100%', xs: 200 }}
          />
          {showPartner && (
            <PartnerPicker
              label={t('fields.partner')}
              placeholder={t('filters.allPartners')}
              clearable
              includeInactive
              value={partnerId}
              onChange={setPartnerId}
              w={{ base: '100%', xs: 220 }}
            />
          )}
          <DateField
            label={t('audit.from')}
            clearable
            value={from}
            onChange={setFrom}
            w={{ base: '48%', xs: 170 }}
          />
          <DateField
            label={t('audit.to')}
            clearable
            value={to}
            onChange={setTo}
            w={{ base: '48%', xs: 170 }}
          />
          <Button variant="subtle" onClick={clear}>
            {t('filters.clear')}
          </Button>
        </Group>
        {list.isPending ? (
          <ListSkeleton />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.items.length === 0 ? (
          <EmptyState title={t('audit.empty')} />
        ) : (
          <>
            <TableScroll minWidth={720} label={t('audit.title')}>
              <Table verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('audit.at')}</Table.Th>
                    <Table.Th>{t('audit.actor')}</Table.Th>
                    <Table.Th>{t('audit.action')}</Table.Th>
                    <Table.Th>{t('audit.entity')}</Table.Th>
                    <Table.Th>
                      <span className="visually-hidden">{t('audit.details')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.items.map((e) => {
                    const open = expanded.has(String(e.id));
                    const detailId = `audit-detail-${e.id}`;
                    return (
                      <Fragment key={e.id}>
                        <Table.Tr>
                          <Table.Td>
                            <Instant value={e.at} size="xs" />
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{e.actorLabel}</Text>
                          </Table.Td>
                          <Table.Td>
                            <Code>{e.action}</Code>
                          </Table.Td>
                          <Table.Td>
                            <ToneBadge tone="gray">
                              {t(`entities.${e.entityType}`, { defaultValue: e.entityType })}
                            </ToneBadge>
                          </Table.Td>
                          <Table.Td ta="right">
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              aria-expanded={open}
                              aria-controls={detailId}
                              onClick={() => toggle(String(e.id))}
                            >
                              {open ? t('audit.hide') : t('audit.show')}
                            </Button>
                          </Table.Td>
                        </Table.Tr>
                        {open && (
                          <Table.Tr id={detailId}>
                            <Table.Td colSpan={columns} bg="gray.0">
                              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                                <Json value={e.before} label={t('audit.before')} />
                                <Json value={e.after} label={t('audit.after')} />
                              </SimpleGrid>
                              <Text size="xs" c="dimmed" mt="xs">
                                {t('audit.entityId')}: <Code>{e.entityId}</Code>
                                {e.requestId && (
                                  <>
                                    {' · '}
                                    {t('states.requestId')}: <Code>{e.requestId}</Code>
                                  </>
                                )}
                              </Text>
                            </Table.Td>
                          </Table.Tr>
                        )}
                      </Fragment>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </TableScroll>
            <ListFooter
              shown={list.items.length}
              hasMore={list.hasNextPage}
              loading={list.isFetchingNextPage}
              onMore={() => void list.fetchNextPage()}
            />
          </>
        )}
      </Paper>
    </>
  );
}
