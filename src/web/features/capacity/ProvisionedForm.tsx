import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem.ts';
import { useServerErrors } from '../../components/forms.tsx';
import { FormError } from '../../components/states.tsx';
import { changedCounts, exceededFields, validCount } from './format.ts';
import { useReportProvisioned } from './queries.ts';
import { CAPACITY_RESOURCES, type Capacity, RESOURCE_FIELDS, type ResourceField } from './types.ts';

const FIELDS: readonly ResourceField[] = ['knowledgeWorkers', 'workspaceDevices'];

/**
 * "Report provisioned counts": the partner (or the provider, correcting) sends what is provisioned
 * now. A count beyond the entitlement is refused (409) and shown on its field, naming the
 * entitlement and the way out: an expansion.
 */
export function ProvisionedForm({ capacity }: { capacity: Capacity }) {
  const { t } = useTranslation();
  const report = useReportProvisioned(capacity.customerId);
  const [values, setValues] = useState<Record<ResourceField, number | ''>>({
    knowledgeWorkers: capacity.knowledgeWorkers.provisioned,
    workspaceDevices: capacity.workspaceDevices.provisioned,
  });
  const [local, setLocal] = useState<Partial<Record<ResourceField, string>>>({});
  const [unchanged, setUnchanged] = useState(false);

  const problemErrors = isApiError(report.error) ? (report.error.problem.errors ?? []) : [];
  const exceeded = exceededFields(problemErrors, {
    knowledgeWorkers: capacity.knowledgeWorkers.entitled,
    workspaceDevices: capacity.workspaceDevices.entitled,
  });
  const server = useServerErrors(
    isApiError(report.error) && report.error.problem.code === 'capacity_exceeded' ? null : report.error,
    FIELDS,
  );
  const fieldError = (field: ResourceField): string | undefined => {
    if (local[field]) return local[field];
    const entitled = exceeded[field];
    if (entitled !== undefined) return t('capacity.report.exceeded', { entitled });
    return server.field(field);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Partial<Record<ResourceField, string>> = {};
    for (const field of FIELDS)
      if (validCount(values[field]) === null) errors[field] = t('capacity.report.invalid');
    setLocal(errors);
    if (Object.keys(errors).length > 0) return;
    const body = changedCounts(capacity, values);
    if (Object.keys(body).length === 0) {
      setUnchanged(true);
      return;
    }
    setUnchanged(false);
    report.mutate(body, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('capacity.report.saved') }),
    });
  };

  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      component="section"
      aria-labelledby="report-heading"
      data-testid="provisioned-form"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Stack gap={2}>
            <Title order={2} fz="lg" id="report-heading">
              {t('capacity.report.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('capacity.report.hint')}
            </Text>
          </Stack>
          {server.general ? <FormError error={server.general} /> : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {CAPACITY_RESOURCES.map((resource) => {
              const field = RESOURCE_FIELDS[resource];
              return (
                <NumberInput
                  key={field}
                  label={t(`capacity.report.${field}`)}
                  description={t('capacity.report.entitledOf', { count: capacity[field].entitled })}
                  min={0}
                  max={1_000_000}
                  allowDecimal={false}
                  allowNegative={false}
                  thousandSeparator={false}
                  value={values[field]}
                  onChange={(value) => {
                    setValues((old) => ({ ...old, [field]: typeof value === 'number' ? value : '' }));
                    setUnchanged(false);
                  }}
                  error={fieldError(field)}
                />
              );
            })}
          </SimpleGrid>
          <Group justify="flex-end" gap="sm">
            {unchanged && (
              <Text size="sm" c="dimmed" role="status">
                {t('capacity.report.unchanged')}
              </Text>
            )}
            <Button type="submit" loading={report.isPending}>
              {t('capacity.report.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
