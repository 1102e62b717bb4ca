import { expect } from 'vitest';
import type { Tenant, TestApp } from './test-app.ts';

/** Opens a case for the tenant's first customer under its contract, as the tenant's engineer. */
export async function openTenantCase(t: TestApp, tenant: Tenant, fields: { title?: string } = {}) {
  const { number } = await t.database.db
    .selectFrom('contracts')
    .select('number')
    .where('id', '=', tenant.contractId)
    .executeTakeFirstOrThrow();
  const response = await tenant.engineer.post('/cases', {
    customerId: tenant.customerId,
    contractNumber: number,
    title: fields.title ?? 'Capacity expansion plan',
    description: 'The customer grows by 400 knowledge workers next quarter; we need an expansion plan.',
    category: 'configuration',
    impact: 'individualized',
    urgency: 'low',
    contact: { name: 'Ana Ruiz', phone: '+34 600 123 456', email: 'ana@partner.example' },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{
    id: string;
    number: string;
    customerName: string;
    contractNumber: string;
    partnerName: string;
  }>();
}
