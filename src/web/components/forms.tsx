import { Button, Group, Modal, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/problem.ts';
import { FormError } from './states.tsx';

/**
 * Maps the server's `problem.errors[].path` onto form fields, translating by error code where a
 * translation exists. Errors naming no known field are returned as `general`. `wording` gives a
 * form's own message for a field's rule, keyed `field.code` (`password.minLength`), for the schema
 * rules whose server text is not for people.
 */
export function useServerErrors(
  error: unknown,
  fields: readonly string[],
  wording: Readonly<Record<string, string>> = {},
) {
  const { t } = useTranslation();
  const byField: Record<string, string> = {};
  let unmatched = false;
  if (isApiError(error)) {
    for (const item of error.problem.errors ?? []) {
      const path = (item.path ?? '').replace(/^\/+/, '').replaceAll('/', '.');
      // An error on an item of a list field ("customerIds.2") is shown on the list field.
      const field = fields.includes(path) ? path : fields.find((f) => path.startsWith(`${f}.`));
      if (path && field) {
        byField[field] ??=
          wording[`${field}.${item.code}`] ?? t(`errors.${item.code}`, { defaultValue: item.message });
      } else {
        unmatched = true;
      }
    }
    if (!error.problem.errors?.length) unmatched = true;
  } else if (error) {
    unmatched = true;
  }
  return { field: (name: string) => byField[name], general: unmatched ? error : null };
}

/**
 * A dialog holding a form. `error` shows above the fields (omit it when the fields show their own);
 * `danger` makes the submit button red for what cannot be undone (rejecting, revoking).
 */
export function FormModal({
  opened,
  onClose,
  title,
  submitLabel,
  busy,
  error = null,
  danger = false,
  onSubmit,
  children,
  size = 'md',
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  submitLabel: string;
  busy: boolean;
  error?: unknown;
  danger?: boolean;
  onSubmit: () => void;
  children: ReactNode;
  size?: 'md' | 'lg';
}) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      centered
      size={size}
      closeButtonProps={{ 'aria-label': t('actions.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {error ? <FormError error={error} /> : null}
          {children}
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={busy} color={danger ? 'red.9' : undefined}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
