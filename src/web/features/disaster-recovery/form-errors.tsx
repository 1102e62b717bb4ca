import { Alert, Code, List, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type FieldError, isApiError } from '../../api/problem.ts';
import { IconAlert } from '../../components/icons.tsx';

/**
 * A server error for people: the feature's own wording first (`<ns>.errors.<code>`), then the app's
 * (`errors.<code>`), else the server's message. Field errors the form cannot place, and problems
 * naming no field (a 409 after someone else moved the record), go to `general`.
 */
export function errorText(ns: string, code: string | undefined, fallback: string, t: TFunction): string {
  if (!code) return fallback;
  return t(`${ns}.errors.${code}`, { defaultValue: t(`errors.${code}`, { defaultValue: fallback }) });
}

export function useFormErrors(ns: string, error: unknown, fields: readonly string[]) {
  const { t } = useTranslation();
  const byField: Record<string, string> = {};
  const general: string[] = [];
  if (isApiError(error)) {
    const items: FieldError[] = error.problem.errors ?? [];
    for (const item of items) {
      const path = (item.path ?? '').replace(/^\/+/, '').replaceAll('/', '.');
      const text = errorText(ns, item.code, item.message, t);
      if (path && fields.includes(path)) byField[path] ??= text;
      else general.push(text);
    }
    if (items.length === 0)
      general.push(errorText(ns, error.problem.code, error.problem.detail ?? error.problem.title, t));
  } else if (error) {
    general.push(error instanceof Error ? error.message : String(error));
  }
  return {
    field: (name: string): string | undefined => byField[name],
    general: [...new Set(general)],
    requestId: isApiError(error) ? error.problem.requestId : undefined,
  };
}

/** The errors a form could not put on a field, in words, with the request id for support. */
export function GeneralErrors({ errors }: { errors: ReturnType<typeof useFormErrors> }) {
  const { t } = useTranslation();
  if (errors.general.length === 0) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlert />} role="alert">
      {errors.general.length === 1 ? (
        <Text size="sm">{errors.general[0]}</Text>
      ) : (
        <List size="sm">
          {errors.general.map((text) => (
            <List.Item key={text}>{text}</List.Item>
          ))}
        </List>
      )}
      {errors.requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('states.requestId')}: <Code>{errors.requestId}</Code>
        </Text>
      )}
    </Alert>
  );
}
