import { Checkbox, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import {
  CATEGORIES,
  type Category,
  CHANNELS,
  type Channel,
  type CreatedSubscription,
  type Locale,
  type Subscription,
} from '../../api/types.ts';
import { useLocale, useTimeZone } from '../../app/session.ts';
import { PartnerPicker } from '../../components/entity-picker.tsx';
import { FormModal, useServerErrors } from '../../components/forms.tsx';
import { allTimeZones } from '../../components/time.ts';
import { useSaveEntity } from '../../components/use-save-entity.ts';

const FIELDS = ['name', 'partnerId', 'channel', 'target', 'categories', 'locale', 'timeZone'] as const;
const DEFAULT_CATEGORIES: Category[] = ['maintenance_outages', 'incidents'];

/**
 * Create (subscription undefined) or edit a subscription. `pickOwner` lets a provider admin choose
 * the organisation (the provider's own team or a partner); partner admins always create their own.
 * `onCreated` receives the created subscription, with the webhook secret when there is one.
 */
export function SubscriptionFormModal({
  opened,
  onClose,
  subscription,
  pickOwner,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  subscription?: Subscription | undefined;
  pickOwner: boolean;
  onCreated: (created: CreatedSubscription) => void;
}) {
  const { t } = useTranslation();
  const userLocale = useLocale();
  const userZone = useTimeZone();
  const editing = subscription !== undefined;
  const zones = useMemo(() => allTimeZones(), []);
  const [name, setName] = useState('');
  const [owner, setOwner] = useState<string>('provider');
  const [channel, setChannel] = useState<Channel>('email');
  const [target, setTarget] = useState('');
  const [categories, setCategories] = useState<Category[]>(DEFAULT_CATEGORIES);
  const [locale, setLocale] = useState<Locale>('en');
  const [timeZone, setTimeZone] = useState<string | null>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  const save = (): Promise<Subscription | CreatedSubscription> => {
    if (editing) {
      const body: Record<string, unknown> = {};
      if (name.trim() !== subscription.name) body.name = name.trim();
      // An unchanged address is left out: saving an address clears its failure count.
      if (target.trim() !== subscription.target) body.target = target.trim();
      if (categories.join() !== subscription.categories.join()) body.categories = categories;
      if (locale !== subscription.locale) body.locale = locale;
      if (timeZone && timeZone !== subscription.timeZone) body.timeZone = timeZone;
      return api.patch<Subscription>(`/subscriptions/${subscription.id}`, body);
    }
    return api.post<CreatedSubscription>('/subscriptions', {
      name: name.trim(),
      ...(pickOwner ? { partnerId: owner === 'provider' ? null : owner } : {}),
      channel,
      target: target.trim(),
      categories,
      locale,
      ...(timeZone ? { timeZone } : {}),
    });
  };
  const mutation = useSaveEntity({
    save,
    listKey: 'subscriptions',
    message: (saved) =>
      editing
        ? t('subscriptions.updated', { name: saved.name })
        : t('subscriptions.created', { name: saved.name }),
    onClose,
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (!opened) return;
    setName(subscription?.name ?? '');
    setOwner('provider');
    setChannel(subscription?.channel ?? 'email');
    setTarget(subscription?.target ?? '');
    setCategories(subscription ? [...subscription.categories] : DEFAULT_CATEGORIES);
    setLocale(subscription?.locale ?? userLocale);
    setTimeZone(subscription?.timeZone ?? userZone);
    setLocalErrors({});
    mutation.reset();
  }, [opened, subscription]);

  const server = useServerErrors(mutation.error, FIELDS);
  const submit = () => {
    const errors: Record<string, string> = {};
    if (!name.trim()) errors.name = t('validation.required');
    if (!target.trim()) errors.target = t('validation.required');
    if (categories.length === 0) errors.categories = t('validation.pickOne');
    setLocalErrors(errors);
    if (Object.keys(errors).length === 0)
      mutation.mutate(undefined, {
        onSuccess: (saved) => {
          if (!editing) onCreated(saved);
        },
      });
  };
  const err = (field: string) => localErrors[field] ?? server.field(field);

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={editing ? t('subscriptions.editTitle') : t('subscriptions.createTitle')}
      submitLabel={editing ? t('actions.save') : t('actions.create')}
      busy={mutation.isPending}
      error={server.general}
      onSubmit={submit}
    >
      <TextInput
        label={t('fields.name')}
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={err('name')}
        data-autofocus
      />
      {pickOwner && !editing && (
        <PartnerPicker
          label={t('subscriptions.owner')}
          required
          leadingOptions={[{ value: 'provider', label: t('subscriptions.ownerProvider') }]}
          value={owner}
          onChange={(v) => setOwner(v ?? 'provider')}
          error={err('partnerId')}
        />
      )}
      <Select
        label={t('subscriptions.channel')}
        required
        data={CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
        value={channel}
        onChange={(v) => v && setChannel(v as Channel)}
        allowDeselect={false}
        disabled={editing}
        description={editing ? t('subscriptions.channelFixed') : undefined}
        error={err('channel')}
      />
      <TextInput
        label={channel === 'email' ? t('subscriptions.targetEmail') : t('subscriptions.targetUrl')}
        description={t(`subscriptions.targetHint_${channel}`)}
        required
        type={channel === 'email' ? 'email' : 'url'}
        autoComplete="off"
        spellCheck={false}
        value={target}
        onChange={(e) => setTarget(e.currentTarget.value)}
        error={err('target')}
      />
      <Checkbox.Group
        label={t('subscriptions.categories')}
        description={t('subscriptions.categoriesHint')}
        required
        value={categories}
        onChange={(v) => setCategories(CATEGORIES.filter((c) => v.includes(c)))}
        error={err('categories')}
      >
        <Stack gap={6} mt={6}>
          {CATEGORIES.map((c) => (
            <Checkbox key={c} value={c} label={t(`categories.${c}`)} />
          ))}
        </Stack>
      </Checkbox.Group>
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <Select
          label={t('subscriptions.locale')}
          data={[
            { value: 'en', label: t('locales.en') },
            { value: 'es', label: t('locales.es') },
          ]}
          value={locale}
          onChange={(v) => v && setLocale(v as Locale)}
          allowDeselect={false}
          error={err('locale')}
        />
        <Select
          label={t('subscriptions.timeZone')}
          searchable
          data={timeZone && !zones.includes(timeZone) ? [timeZone, ...zones] : zones}
          value={timeZone}
          onChange={setTimeZone}
          limit={200}
          allowDeselect={false}
          error={err('timeZone')}
          nothingFoundMessage={t('list.noMatches')}
        />
      </SimpleGrid>
    </FormModal>
  );
}
