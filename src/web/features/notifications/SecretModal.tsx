import {
  ActionIcon,
  Alert,
  Button,
  CopyButton,
  Group,
  Modal,
  Stack,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconAlert, IconCheck, IconCopy } from '../../components/icons.tsx';

export interface RevealedSecret {
  name: string;
  secret: string;
}

/** Shows a webhook signing secret the one time the API answers it, in a copyable field. */
export function SecretModal({ revealed, onClose }: { revealed: RevealedSecret | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={revealed !== null}
      onClose={onClose}
      title={t('subscriptions.secretTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('actions.close') }}
    >
      {revealed && (
        <Stack gap="md">
          <Alert color="orange" variant="light" icon={<IconAlert />} title={t('subscriptions.secretOnce')}>
            {t('subscriptions.secretOnceHint')}
          </Alert>
          <TextInput
            label={t('subscriptions.secretLabel', { name: revealed.name })}
            value={revealed.secret}
            readOnly
            data-testid="webhook-secret"
            onFocus={(e) => e.currentTarget.select()}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
            rightSectionWidth={40}
            rightSection={
              <CopyButton value={revealed.secret}>
                {({ copied, copy }) => (
                  <Tooltip
                    label={copied ? t('subscriptions.copied') : t('subscriptions.copySecret')}
                    withArrow
                  >
                    <ActionIcon
                      variant="subtle"
                      color={copied ? 'teal.9' : 'gray.8'}
                      onClick={copy}
                      aria-label={copied ? t('subscriptions.copied') : t('subscriptions.copySecret')}
                    >
                      {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            }
          />
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('actions.done')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
