import { PasswordInput, Select, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { type Locale, ROLES, type Role, type User } from '../../api/types.ts';
import { useCurrentUser } from '../../app/session.ts';
import { CustomerPicker, PartnerPicker } from '../../components/entity-picker.tsx';
import { FormModal, useServerErrors } from '../../components/forms.tsx';
import { allTimeZones } from '../../components/time.ts';
import { useSaveEntity } from '../../components/use-save-entity.ts';

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
const MIN_PASSWORD_LENGTH = 12;

/** Characters as the server counts them (code points: an emoji is one, not two). */
function passwordLength(password: string): number {
  return [...password].length;
}

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

  const server = useServerErrors(mutation.error, FIELDS, {
    'email.format': t('validation.email'),
    'email.maxLength': t('validation.email'),
    'password.minLength': t('validation.passwordLength'),
    'password.maxLength': t('validation.passwordTooLong'),
    'name.maxLength': t('validation.tooLong'),
  });
  const err = (f: string) => localErrors[f] ?? server.field(f);
  const submit = () => {
    const errors: Record<string, string> = {};
    if (!name.trim()) errors.name = t('validation.required');
    if (!editing) {
      if (!email.trim()) errors.email = t('validation.required');
      if (passwordLength(password) < MIN_PASSWORD_LENGTH) errors.password = t('validation.passwordLength');
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
          // Mantine marks the wrapper, not the inner input, as invalid: say it where it is read.
          aria-invalid={err('password') ? true : undefined}
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
        <PartnerPicker
          label={t('fields.partner')}
          required
          value={partnerId}
          onChange={(v) => {
            setPartnerId(v);
            // A customer of another partner would not fit any more.
            setCustomerId(null);
          }}
          error={err('partnerId')}
        />
      )}
      {needsCustomer && (
        <CustomerPicker
          label={t('fields.customer')}
          required
          partnerId={needsPartner ? partnerId : null}
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
