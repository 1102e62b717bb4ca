import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';

export type EntityKind = 'partners' | 'customers';

/** What the pickers and name look-ups read of a partner or customer. */
export interface NamedEntity {
  id: string;
  name: string;
  active: boolean;
  /** Customers only. */
  region?: string;
}

/**
 * One partner or customer by id (`GET /{kind}/{id}`), cached under the key the pickers and
 * `useCustomer` share, so a name looked up once is not asked for again.
 */
export function entityQuery(kind: EntityKind, id: string) {
  return {
    queryKey: [kind, 'one', id] as const,
    queryFn: () => api.get<NamedEntity>(`/${kind}/${id}`),
    staleTime: 60_000,
  };
}

/** The names of these ids, each looked up by id (one request per id not yet in the cache). */
export function useEntityNames(kind: EntityKind, ids: readonly string[]) {
  return useQueries({ queries: ids.map((id) => entityQuery(kind, id)) });
}

/** A short stand-in for an id whose name cannot be read (out of the viewer's scope, or gone). */
export function shortId(id: string): string {
  return id.slice(0, 8);
}

function Pending({ label }: { label: string }) {
  return (
    <>
      <span aria-hidden>…</span>
      <span className="visually-hidden">{label}</span>
    </>
  );
}

/** One entity's name, looked up by id; "…" while asking, a short id when it cannot be read. */
function EntityName({ kind, id }: { kind: EntityKind; id: string }) {
  const { t } = useTranslation();
  const one = useQuery(entityQuery(kind, id));
  if (one.data) return <>{one.data.name}</>;
  if (one.isError) return <>{shortId(id)}</>;
  return <Pending label={t('picker.loadingName')} />;
}

/**
 * A partner's name, looked up by id (whatever its place among the partners); "…" while asking, a
 * short id when it cannot be read.
 */
export function PartnerName({ id }: { id: string }) {
  return <EntityName kind="partners" id={id} />;
}
