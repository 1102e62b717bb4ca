import { Button, Group, Modal, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A dialog holding a form, as forms.tsx's FormModal, whose submit button can be red when the action
 * cannot be undone (rejecting a request, revoking a feed).
 */
export function DialogForm({
  opened,
  onClose,
  title,
  submitLabel,
  busy,
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
