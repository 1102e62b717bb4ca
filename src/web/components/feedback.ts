import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { isApiError } from '../api/problem.ts';

/** A problem's text for people: translated by its code where a translation exists. */
export function problemText(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    return t(`errors.${error.problem.code ?? ''}`, {
      defaultValue: error.problem.detail ?? error.problem.title,
    });
  }
  return error instanceof Error ? error.message : String(error);
}

/** A red toast for an action that failed outside a form (pause, retry, cancel …). */
export function showActionError(error: unknown, t: TFunction): void {
  notifications.show({ color: 'red', title: t('states.errorTitle'), message: problemText(error, t) });
}

export function showDone(message: string): void {
  notifications.show({ color: 'teal', message });
}
