import { Checkbox, Group, MultiSelect, Radio, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import {
  IMPACTS,
  type Impact,
  OPEN_OUTAGE_STATUSES,
  type OpenOutageStatus,
  type OutageDetail,
  REGIONS,
  type Region,
  SERVICES,
} from '../../api/types.ts';
import { useTimeZone } from '../../app/session.ts';
import { DateTimeField } from '../../components/date-time-field.tsx';
import { CustomerMultiPicker } from '../../components/entity-multi-picker.tsx';
import { FormModal, useServerErrors } from '../../components/forms.tsx';
import { wallTimeToInstant } from '../../components/time.ts';
import { useSaveEntity } from '../../components/use-save-entity.ts';

const FIELDS = [
  'title',
  'summary',
  'impact',
  'status',
  'regions',
  'customerIds',
  'services',
  'startedAt',
] as const;

/** The provider declares an outage: what, how bad, where (regions and/or customers), since when. */
export function DeclareOutageModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [impact, setImpact] = useState<Impact | ''>('');
  const [status, setStatus] = useState<OpenOutageStatus>('investigating');
  const [regions, setRegions] = useState<Region[]>([]);
  const [customerIds, setCustomerIds] = useState<string[]>([]);
  const [services, setServices] = useState<string[]>([]);
  const [startedAt, setStartedAt] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  const mutation = useSaveEntity({
    save: () =>
      api.post<OutageDetail>('/outages', {
        title: title.trim(),
        summary: summary.trim(),
        impact,
        status,
        ...(regions.length ? { regions } : {}),
        ...(customerIds.length ? { customerIds } : {}),
        ...(services.length ? { services } : {}),
        ...(startedAt ? { startedAt: wallTimeToInstant(startedAt, zone) } : {}),
      }),
    listKey: 'outages',
    message: (saved) => t('outages.declared', { number: saved.number }),
    onClose,
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (!opened) return;
    setTitle('');
    setSummary('');
    setImpact('');
    setStatus('investigating');
    setRegions([]);
    setCustomerIds([]);
    setServices([]);
    setStartedAt('');
    setLocalErrors({});
    mutation.reset();
  }, [opened]);

  const server = useServerErrors(mutation.error, FIELDS);
  const submit = () => {
    const errors: Record<string, string> = {};
    if (!title.trim()) errors.title = t('validation.required');
    if (!summary.trim()) errors.summary = t('validation.required');
    if (!impact) errors.impact = t('validation.required');
    if (regions.length === 0 && customerIds.length === 0) errors.regions = t('errors.no_scope');
    setLocalErrors(errors);
    if (Object.keys(errors).length === 0)
      mutation.mutate(undefined, {
        onSuccess: (saved) => void navigate({ to: '/outages/$outageId', params: { outageId: saved.id } }),
      });
  };
  const err = (field: string) => localErrors[field] ?? server.field(field);

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('outages.declareTitle')}
      submitLabel={t('outages.declare')}
      busy={mutation.isPending}
      error={server.general}
      onSubmit={submit}
      size="lg"
    >
      <TextInput
        label={t('outages.titleField')}
        required
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={err('title')}
        maxLength={200}
        data-autofocus
      />
      <Textarea
        label={t('outages.summary')}
        description={t('outages.summaryHint')}
        required
        autosize
        minRows={3}
        maxRows={10}
        value={summary}
        onChange={(e) => setSummary(e.currentTarget.value)}
        error={err('summary')}
      />
      <Radio.Group
        label={t('outages.impact')}
        required
        value={impact}
        onChange={(v) => setImpact(v as Impact)}
        error={err('impact')}
      >
        <Group gap="lg" mt={6}>
          {IMPACTS.map((i) => (
            <Radio key={i} value={i} label={t(`impact.${i}`)} />
          ))}
        </Group>
      </Radio.Group>
      <Select
        label={t('outages.status')}
        data={OPEN_OUTAGE_STATUSES.map((s) => ({ value: s, label: t(`outageStatus.${s}`) }))}
        value={status}
        onChange={(v) => v && setStatus(v as OpenOutageStatus)}
        allowDeselect={false}
        error={err('status')}
      />
      <Checkbox.Group
        label={t('outages.scope')}
        description={t('outages.scopeHint')}
        value={regions}
        onChange={(v) => setRegions(REGIONS.filter((r) => v.includes(r)))}
        error={err('regions')}
      >
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={6} mt={6}>
          {REGIONS.map((r) => (
            <Checkbox key={r} value={r} label={t(`regions.${r}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <CustomerMultiPicker
        label={t('outages.customersField')}
        description={t('outages.customersHint')}
        showRegion
        value={customerIds}
        onChange={setCustomerIds}
        error={err('customerIds')}
      />
      <MultiSelect
        label={t('outages.servicesField')}
        searchable
        data={SERVICES.map((s) => ({ value: s, label: t(`services.${s}`) }))}
        value={services}
        onChange={setServices}
        error={err('services')}
        comboboxProps={{ withinPortal: true }}
      />
      <DateTimeField
        label={t('outages.startedAtLabel')}
        description={t('outages.startedAtHint', { zone })}
        value={startedAt}
        onChange={setStartedAt}
        error={err('startedAt')}
      />
    </FormModal>
  );
}
