import {
  Badge,
  Button,
  Group,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Locale } from '../../api/types.ts';
import { useCurrentUser, useSetLocale, useUpdateMe } from '../../app/session.ts';
import { Instant, PageHeader } from '../../components/common.tsx';
import { useServerErrors } from '../../components/forms.tsx';
import { Section } from '../../components/section.tsx';
import { FormError } from '../../components/states.tsx';
import { allTimeZones, browserTimeZone, formatInstant } from '../../components/time.ts';
import { ApiTokensSection } from './ApiTokensSection.tsx';

function AccountSection() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const update = useUpdateMe();
  const [name, setName] = useState(user.name);
  const server = useServerErrors(update.error, ['name']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    update.mutate(
      { name: name.trim() },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('profile.saved') }) },
    );
  };
  return (
    <Section title={t('profile.account')}>
      <form onSubmit={submit}>
        <Stack gap="md">
          {server.general ? <FormError error={server.general} /> : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('fields.name')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={server.field('name')}
            />
            <TextInput label={t('fields.email')} value={user.email} readOnly variant="filled" />
          </SimpleGrid>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t('fields.role')}:
            </Text>
            <Badge variant="light">{t(`roles.${user.role}`)}</Badge>
          </Group>
          <Group>
            <Button type="submit" loading={update.isPending} disabled={name.trim() === user.name}>
              {t('actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function PreferencesSection() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const update = useUpdateMe();
  const setLocale = useSetLocale();
  const zones = useMemo(() => allTimeZones(), []);
  const browserZone = browserTimeZone();
  const [zone, setZone] = useState<string | null>(user.timeZone);
  useEffect(() => setZone(user.timeZone), [user.timeZone]);
  const server = useServerErrors(update.error, ['timeZone']);
  const effective = zone ?? browserZone;
  return (
    <Section title={t('profile.preferences')} description={t('profile.preferencesHint')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('fields.language')}
          data={[
            { value: 'en', label: 'English' },
            { value: 'es', label: 'Español' },
          ]}
          value={user.locale}
          onChange={(v) => v && void setLocale(v as Locale)}
          allowDeselect={false}
        />
        <Select
          label={t('fields.timeZone')}
          placeholder={t('profile.browserZoneNamed', { zone: browserZone })}
          searchable
          clearable
          data={zones}
          value={zone}
          onChange={setZone}
          limit={200}
          error={server.field('timeZone')}
          nothingFoundMessage={t('list.noMatches')}
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('profile.zonePreview')}: {formatInstant(new Date().toISOString(), effective, user.locale)}
      </Text>
      {server.general ? <FormError error={server.general} /> : null}
      <Group>
        <Button
          loading={update.isPending}
          disabled={zone === user.timeZone}
          onClick={() =>
            update.mutate(
              { timeZone: zone },
              { onSuccess: () => notifications.show({ color: 'teal', message: t('profile.saved') }) },
            )
          }
        >
          {t('profile.saveZone')}
        </Button>
      </Group>
    </Section>
  );
}

function PasswordSection() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: () => api.post('/auth/password', { currentPassword: current, newPassword: next }),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setConfirm('');
      notifications.show({ color: 'teal', message: t('profile.passwordChanged') });
    },
  });
  const server = useServerErrors(mutation.error, ['currentPassword', 'newPassword']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!current) errors.currentPassword = t('validation.required');
    if (next.length < 12) errors.newPassword = t('validation.passwordLength');
    if (next !== confirm) errors.confirm = t('validation.passwordsDiffer');
    setLocalErrors(errors);
    if (Object.keys(errors).length === 0) mutation.mutate();
  };
  const err = (f: string) => localErrors[f] ?? server.field(f);
  // Mantine marks the wrapper of a PasswordInput invalid, not the input a screen reader is on.
  return (
    <Section title={t('profile.password')} description={t('validation.passwordLength')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {server.general ? <FormError error={server.general} /> : null}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <PasswordInput
              label={t('profile.currentPassword')}
              autoComplete="current-password"
              value={current}
              onChange={(e) => setCurrent(e.currentTarget.value)}
              error={err('currentPassword')}
              aria-invalid={err('currentPassword') ? true : undefined}
              required
            />
            <PasswordInput
              label={t('profile.newPassword')}
              autoComplete="new-password"
              value={next}
              onChange={(e) => setNext(e.currentTarget.value)}
              error={err('newPassword')}
              aria-invalid={err('newPassword') ? true : undefined}
              required
            />
            <PasswordInput
              label={t('profile.confirmPassword')}
              autoComplete="new-password"
              value={confirm}
              onChange={(e) => setConfirm(e.currentTarget.value)}
              error={err('confirm')}
              aria-invalid={err('confirm') ? true : undefined}
              required
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {t('profile.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

export default function ProfilePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <>
      <PageHeader title={t('profile.title')} subtitle={user.email} />
      <Stack gap="lg">
        <AccountSection />
        <PreferencesSection />
        <PasswordSection />
        <ApiTokensSection />
        <Text size="xs" c="dimmed">
          {t('fields.lastLoginAt')}: <Instant value={user.lastLoginAt} size="xs" />
        </Text>
      </Stack>
    </>
  );
}
