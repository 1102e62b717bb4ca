import { Alert, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session.ts';
import { confirmAction } from '../../components/common.tsx';
import { useServerErrors } from '../../components/forms.tsx';
import { IconInbox } from '../../components/icons.tsx';
import { FormError } from '../../components/states.tsx';
import { validCount } from './format.ts';
import { capacityCan } from './permissions.ts';
import { useActivateCapacity } from './queries.ts';
import { CAPACITY_RESOURCES, RESOURCE_FIELDS, type ResourceField } from './types.ts';

const FIELDS: readonly ResourceField[] = ['knowledgeWorkers', 'workspaceDevices'];

/**
 * A customer with no capacity recorded: not activated yet. The provider records the entitlements
 * given at activation (once; later growth is an expansion); everyone else reads why there is none.
 */
export function ActivationPanel({ customerId, customerName }: { customerId: string; customerName: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const manage = capacityCan.manage(user);
  const activate = useActivateCapacity(customerId);
  const [values, setValues] = useState<Record<ResourceField, number | ''>>({
    knowledgeWorkers: '',
    workspaceDevices: '',
  });
  const [local, setLocal] = useState<Partial<Record<ResourceField, string>>>({});
  const server = useServerErrors(activate.error, FIELDS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Partial<Record<ResourceField, string>> = {};
    for (const field of FIELDS)
      if (validCount(values[field]) === null) errors[field] = t('capacity.report.invalid');
    setLocal(errors);
    const knowledgeWorkers = validCount(values.knowledgeWorkers);
    const workspaceDevices = validCount(values.workspaceDevices);
    if (knowledgeWorkers === null || workspaceDevices === null) return;
    confirmAction({
      title: t('capacity.activation.confirmTitle', { customer: customerName }),
      message: t('capacity.activation.confirmMessage', { knowledgeWorkers, workspaceDevices }),
      confirmLabel: t('capacity.activation.submit'),
      cancelLabel: t('actions.cancel'),
      onConfirm: () =>
        activate.mutate(
          { knowledgeWorkers, workspaceDevices },
          {
            onSuccess: () =>
              notifications.show({
                color: 'teal',
                message: t('capacity.activation.done', { customer: customerName }),
              }),
          },
        ),
    });
  };

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md" data-testid="not-activated">
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <IconInbox size={22} />
          <Stack gap={2}>
            <Title order={2} fz="lg">
              {t('capacity.activation.notActivated')}
            </Title>
            <Text size="sm" c="dimmed">
              {manage ? t('capacity.activation.hintProvider') : t('capacity.activation.hint')}
            </Text>
          </Stack>
        </Group>
        {manage && (
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              {server.general ? <FormError error={server.general} /> : null}
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                {CAPACITY_RESOURCES.map((resource) => {
                  const field = RESOURCE_FIELDS[resource];
                  return (
                    <NumberInput
                      key={field}
                      label={t(`capacity.activation.${field}`)}
                      required
                      min={0}
                      max={1_000_000}
                      allowDecimal={false}
                      allowNegative={false}
                      thousandSeparator={false}
                      value={values[field]}
                      onChange={(value) =>
                        setValues((old) => ({ ...old, [field]: typeof value === 'number' ? value : '' }))
                      }
                      error={local[field] ?? server.field(field)}
                    />
                  );
                })}
              </SimpleGrid>
              <Alert variant="light" color="gray" p="xs">
                <Text size="sm">{t('capacity.activation.once')}</Text>
              </Alert>
              <Group justify="flex-end">
                <Button type="submit" loading={activate.isPending}>
                  {t('capacity.activation.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
