import {
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../app/permissions.ts';
import { useCurrentUser } from '../../app/session.ts';
import { useToggleActive } from '../../components/activation.tsx';
import { ActiveBadge, Instant, useDocumentTitle } from '../../components/common.tsx';
import { PartnerName } from '../../components/entity-name.tsx';
import { ErrorState } from '../../components/states.tsx';
import { ContractsTable } from '../contracts/ContractsTable.tsx';
import { CustomerFormModal } from './CustomerFormModal.tsx';
import { useCustomer } from './queries.ts';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

export function CustomerDetailPage() {
  const { t } = useTranslation();
  const { customerId } = useParams({ strict: false }) as { customerId: string };
  const user = useCurrentUser();
  const customer = useCustomer(customerId);
  const manage = can.manageCustomers(user);
  const toggle = useToggleActive('/customers', 'customers');
  const [editOpen, setEditOpen] = useState(false);
  useDocumentTitle(customer.data?.name ?? t('nav.customers'));

  if (customer.isPending) {
    return (
      <Stack>
        <Skeleton height={32} width="40%" />
        <Skeleton height={140} />
      </Stack>
    );
  }
  if (customer.isError) return <ErrorState error={customer.error} onRetry={() => void customer.refetch()} />;
  const c = customer.data;

  return (
    <Stack gap="lg">
      {can.seeCustomers(user) && (
        <Breadcrumbs>
          <Anchor component={Link} to="/customers" size="sm">
            {t('nav.customers')}
          </Anchor>
          <Text size="sm">{c.name}</Text>
        </Breadcrumbs>
      )}
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group gap="sm">
          <Title order={1} fz={{ base: 22, sm: 26 }}>
            {c.name}
          </Title>
          <ActiveBadge active={c.active} />
        </Group>
        {manage && (
          <Group gap="xs">
            <Button variant="default" onClick={() => setEditOpen(true)}>
              {t('actions.edit')}
            </Button>
            <Button
              variant="outline"
              color={c.active ? 'red.9' : undefined}
              onClick={() => toggle({ id: c.id, active: c.active, label: c.name })}
            >
              {c.active ? t('actions.deactivate') : t('actions.reactivate')}
            </Button>
          </Group>
        )}
      </Group>
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <Field label={t('fields.region')}>{t(`regions.${c.region}`)}</Field>
          {can.seePartners(user) && (
            <Field label={t('fields.partner')}>
              <PartnerName id={c.partnerId} />
            </Field>
          )}
          <Field label={t('fields.createdAt')}>
            <Instant value={c.createdAt} />
          </Field>
          <Field label={t('fields.updatedAt')}>
            <Instant value={c.updatedAt} />
          </Field>
        </SimpleGrid>
      </Paper>
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t('contracts.title')}
        </Title>
        <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
          <ContractsTable customerId={c.id} />
        </Paper>
      </Stack>
      {manage && <CustomerFormModal opened={editOpen} onClose={() => setEditOpen(false)} customer={c} />}
    </Stack>
  );
}
