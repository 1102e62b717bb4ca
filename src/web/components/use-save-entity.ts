import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';

/** A create/edit form's save: on success refresh the entity's lists, say so, close the dialog. */
export function useSaveEntity<T>({
  save,
  listKey,
  message,
  onClose,
}: {
  save: () => Promise<T>;
  listKey: string;
  message: (saved: T) => string;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: save,
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: [listKey] });
      notifications.show({ color: 'teal', message: message(saved) });
      onClose();
    },
  });
}
