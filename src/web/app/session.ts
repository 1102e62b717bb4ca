import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, setCsrfToken } from '../api/client.ts';
import { isApiError } from '../api/problem.ts';
import type { Locale, Session, User } from '../api/types.ts';
import { browserTimeZone } from '../components/time.ts';
import { applyLocale, isLocale } from '../i18n/index.ts';

export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async (): Promise<Session | null> => {
    try {
      const session = await api.get<Session>('/auth/me');
      setCsrfToken(session.csrfToken);
      if (isLocale(session.user.locale)) await applyLocale(session.user.locale);
      return session;
    } catch (error) {
      if (isApiError(error) && error.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: Number.POSITIVE_INFINITY,
  retry: false,
});

/** The signed-in user; only valid below the authenticated layout route. */
export function useCurrentUser(): User {
  const { data } = useQuery(sessionQuery);
  if (!data) throw new Error('useCurrentUser outside an authenticated route');
  return data.user;
}

export function useTimeZone(): string {
  const { data } = useQuery(sessionQuery);
  return data?.user.timeZone ?? browserTimeZone();
}

export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return isLocale(i18n.language) ? i18n.language : 'en';
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name?: string; locale?: Locale; timeZone?: string | null }) =>
      api.patch<User>('/auth/me', body),
    onSuccess: (user) => {
      queryClient.setQueryData(sessionQuery.queryKey, (old) => (old ? { ...old, user } : old));
    },
  });
}

/** Switches the language at once; when signed in, also keeps it on the user's profile. */
export function useSetLocale() {
  const queryClient = useQueryClient();
  const update = useUpdateMe();
  return async (locale: Locale) => {
    await applyLocale(locale);
    const session = queryClient.getQueryData(sessionQuery.queryKey);
    if (session && session.user.locale !== locale) await update.mutateAsync({ locale });
  };
}
