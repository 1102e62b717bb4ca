import { PasswordInput, Select, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { type Locale, ROLES, type Role, type User } from '../../api/types.ts';
import { useCurrentUser } from '../../app/session.ts';
import { FormModal, useServerErrors } from '../../components/forms.tsx';
import { allTimeZones } from '../../components/time.ts';
import { useSaveEntity } from '../../components/use-save-entity.ts';
import { useCustomerOptions } from '../customers/queries.ts';
import { usePartners } from '../partners/queries.ts';

const FIELDS = [
  'email',
  'name',
  'password',
  'role',
  'partnerId',
  'customerId',
  'locale',
  'timeZone',
] as const;
const PARTNER_SIDE: Role[] = ['partner_admin', 'partner_engineer', 'customer_viewer'];

export function UserFormModal({
  opened,
  onClose,
  user,
}: {
  opened: boolean;
  onClose: () => void;
  user?: User;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const editing = user !== undefined;
  const isProviderAdmin = me.role === 'provider_admin';
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role | null>(null);
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [locale, setLocale] = useState<Locale>('en');
  const [timeZone, setTimeZone] = useState<string | null>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const zones = useMemo(() => allTimeZones(), []);

  const needsPartner = !editing && isProviderAdmin && role !== null && PARTNER_SIDE.includes(role);
  const needsCustomer = !editing && role === 'customer_viewer';
  const partners = usePartners(opened && needsPartner);
  const customers = useCustomerOptions(opened && needsCustomer);

  const roleOptions = (
    editing
      ? ROLES.filter((r) => r.startsWith('provider_') === user.role.startsWith('provider_')).filter(
          (r) => (r === 'customer_viewer') === (user.role === 'customer_viewer'),
        )
      : isProviderAdmin
        ? ROLES
        : PARTNER_SIDE
  ).map((r) => ({ value: r, label: t(`roles.${r}`) }));

  const mutation = useSaveEntity({
    save: () =>
      editing
        ? api.patch<User>(`/users/${user.id}`, {
            name: name.trim(),
            ...(role && role !== user.role ? { role } : {}),
            locale,
            timeZone,
          })
        : api.post<User>('/users', {
            email: email.trim(),
            name: name.trim(),
            password,
            role,
            ...(needsPartner && partnerId ? { partnerId } : {}),
            ...(needsCustomer && customerId ? { customerId } : {}),
            locale,
            ...(timeZone ? { timeZone } : {}),
          }),
    listKey: 'users',
    message: (saved) =>
      editing ? t('users.updated', { name: saved.name }) : t('users.created', { name: saved.name }),
    onClose,
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (!opened) return;
    setEmail(user?.email ?? '');
    setName(user?.name ?? '');
    setPassword('');
    setRole(user?.role ?? null);
    setPartnerId(null);
    setCustomerId(null);
    setLocale(user?.locale ?? 'en');
    setTimeZone(user?.timeZone ?? null);
    setLocalErrors({});
    mutation.reset();
  }, [opened, user]);

  const server = useServerErrors(mutation.error, FIELDS);
  const err = (f: string) => localErrors[f] ?? server.field(f);
  const submit = () => {
    const errors: Record<string, string> = {};
    if (!name.trim()) errors.name = t('validation.required');
    if (!editing) {
      if (!email.trim()) errors.email = t('validation.required');
      if (password.length < 12) errors.password = t('validation.passwordLength');
      if (!role) errors.role = t('validation.required');
      if (needsPartner && !partnerId) errors.partnerId = t('validation.required');
      if (needsCustomer && !customerId) errors.customerId = t('validation.required');
    }
    setLocalErrors(errors);
    if (Object.keys(errors).length === 0) mutation.mutate();
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={editing ? t('users.editTitle') : t('users.createTitle')}
      submitLabel={editing ? t('actions.save') : t('actions.create')}
      busy={mutation.isPending}
      error={server.general}
      onSubmit={submit}
    >
      {!editing && (
        <TextInput
          label={t('fields.email')}
          type="email"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={err('email')}
          data-autofocus
        />
      )}
      <TextInput
        label={t('fields.name')}
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={err('name')}
      />
      {!editing && (
        <PasswordInput
          label={t('fields.initialPassword')}
          description={t('validation.passwordLength')}
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={err('password')}
          autoComplete="new-password"
        />
      )}
      <Select
        label={t('fields.role')}
        required
        data={roleOptions}
        value={role}
        onChange={(v) => setRole(v as Role | null)}
        error={err('role')}
        allowDeselect={false}
        disabled={editing && user.id === me.id}
      />
      {needsPartner && (
        <Select
          label={t('fields.partner')}
          required
          searchable
          data={(partners.data?.items ?? [])
            .filter((p) => p.active)
            .map((p) => ({ value: p.id, label: p.name }))}
          value={partnerId}
          onChange={setPartnerId}
          error={err('partnerId')}
        />
      )}
      {needsCustomer && (
        <Select
          label={t('fields.customer')}
          required
          searchable
          data={(customers.data?.items ?? [])
            .filter((c) => c.active && (!needsPartner || !partnerId || c.partnerId === partnerId))
            .map((c) => ({ value: c.id, label: c.name }))}
          value={customerId}
          onChange={setCustomerId}
          error={err('customerId')}
        />
      )}
      <Select
        label={t('fields.language')}
        data={[
          { value: 'en', label: 'English' },
          { value: 'es', label: 'Español' },
        ]}
        value={locale}
        onChange={(v) => setLocale((v as Locale) ?? 'en')}
        allowDeselect={false}
        error={err('locale')}
      />
      <Select
        label={t('fields.timeZone')}
        placeholder={t('profile.browserZone')}
        searchable
        clearable
        data={zones}
        value={timeZone}
        onChange={setTimeZone}
        error={err('timeZone')}
        limit={100}
      />
    </FormModal>
  );
}
