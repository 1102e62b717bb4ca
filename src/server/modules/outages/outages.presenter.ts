import type { Selectable } from 'kysely';
import type { NetworkActivitiesTable, OutagesTable, OutageUpdatesTable } from '../../db/schema.ts';

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function presentOutage(row: Selectable<OutagesTable>) {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    summary: row.summary,
    impact: row.impact,
    status: row.status,
    regions: row.regions,
    services: row.services,
    startedAt: iso(row.started_at) ?? '',
    resolvedAt: iso(row.resolved_at),
    createdAt: iso(row.created_at) ?? '',
    updatedAt: iso(row.updated_at) ?? '',
  };
}

export function presentOutageUpdate(row: Selectable<OutageUpdatesTable>) {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    message: row.message,
    author: row.author_label,
    at: iso(row.at) ?? '',
  };
}

/** A customer named by a network activity; `name` is empty when the viewer cannot read it. */
export interface ActivityCustomer {
  id: string;
  name: string;
}

/** A network activity as audit rows record it (without names read from customers). */
export function presentNetworkActivity(
  row: Selectable<NetworkActivitiesTable> & { partner_name: string },
  now: Date,
) {
  const state: 'cancelled' | 'finished' | 'in_progress' | 'planned' = row.cancelled_at
    ? 'cancelled'
    : row.ends_at.getTime() <= now.getTime()
      ? 'finished'
      : row.starts_at.getTime() <= now.getTime()
        ? 'in_progress'
        : 'planned';
  return {
    id: row.id,
    partnerId: row.partner_id,
    partnerName: row.partner_name,
    customerIds: row.customer_ids,
    title: row.title,
    description: row.description,
    expectedAlarms: row.expected_alarms,
    startsAt: iso(row.starts_at) ?? '',
    endsAt: iso(row.ends_at) ?? '',
    cancelledAt: iso(row.cancelled_at),
    state,
    createdAt: iso(row.created_at) ?? '',
  };
}

/** A network activity as the API answers it: with its customers' names, in `customerIds` order. */
export function presentNamedNetworkActivity(
  row: Selectable<NetworkActivitiesTable> & { partner_name: string; customers: ActivityCustomer[] },
  now: Date,
) {
  return { ...presentNetworkActivity(row, now), customers: row.customers };
}
