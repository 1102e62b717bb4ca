import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { isApiError } from '../api/problem.ts';
import { confirmAction } from './common.tsx';

/** Deactivate / reactivate an entity after a confirmation dialog; refreshes lists under `key`. */
export function useToggleActive(basePath: string, key: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      api.post(`${basePath}/${id}/${active ? 'deactivate' : 'reactivate'}`),
    onSuccess: (_data, vars) => {
      void queryClient.invalidateQueries({ queryKey: [key] });
      notifications.show({
        color: 'teal',
        message: vars.active ? t('activation.deactivated') : t('activation.reactivated'),
      });
    },
    onError: (error) => {
      notifications.show({
        color: 'red',
        title: t('states.errorTitle'),
        message: isApiError(error)
          ? t(`errors.${error.problem.code ?? ''}`, {
              defaultValue: error.problem.detail ?? error.problem.title,
            })
          : String(error),
      });
    },
  });
  return (entity: { id: string; active: boolean; label: string }) =>
    confirmAction({
      title: entity.active ? t('activation.deactivateTitle') : t('activation.reactivateTitle'),
      message: entity.active
        ? t('activation.deactivateMessage', { name: entity.label })
        : t('activation.reactivateMessage', { name: entity.label }),
      confirmLabel: entity.active ? t('actions.deactivate') : t('actions.reactivate'),
      cancelLabel: t('actions.cancel'),
      danger: entity.active,
      onConfirm: () => mutation.mutate({ id: entity.id, active: entity.active }),
    });
}
