import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import {
  computeSeverity,
  dateKey,
  explainResponseDue,
  getCalendar,
  type Impact,
  needsPhoneCall,
  type Policy,
  type SeverityInput,
  toJson,
  type Urgency,
} from '../../../core/index.ts';
import {
  commitNow,
  flushQueued,
  queueForResult,
  queueWrite,
  type Scope,
  type Tx,
} from '../../db/database.ts';
import type { CaseCategory, Region } from '../../db/schema.ts';
import { requireRole } from '../../http/authenticate.ts';
import { conflict, type FieldError, forbidden, unprocessable } from '../../http/errors.ts';
import { OUTBOX_CHANNEL } from '../../notify/events.ts';
import { caseEventValues } from './case-history.ts';
import { type CaseColumns, type CaseRow, presentCase, presentCaseEvent } from './cases.presenter.ts';

const OPENERS = ['partner_admin', 'partner_engineer'] as const;

export interface OpenCaseInput {
  customerId: string;
  contractNumber: string;
  title: string;
  description: string;
  category: CaseCategory;
  impact?: Impact;
  affectedShare?: number;
  urgency: Urgency;
  contact: { name: string; phone: string; email: string };
}

/**
 * What an opening needs to know of the customer and its contract, as a look-up found them valid.
 * The write checks them again inside its own statement, so a context that has gone out of date
 * (kept by the node's cache while another process changed the contract) writes nothing.
 */
export interface OpeningContext {
  customerId: string;
  customerName: string;
  region: Region;
  partnerId: string;
  partnerName: string;
  contractId: string;
  contractNumber: string;
  startsOn: string;
  endsOn: string;
}

const PHONE_SHAPE = /^\+?[0-9 ().-]+$/;

function contactErrors(contact: OpenCaseInput['contact']): FieldError[] {
  const errors: FieldError[] = [];
  const digits = contact.phone.replace(/\D/g, '').length;
  if (!PHONE_SHAPE.test(contact.phone.trim()) || digits < 6 || digits > 20)
    errors.push({
      code: 'invalid_phone',
      path: 'contact.phone',
      message: 'a phone number: digits with optional +, spaces, dashes, dots or parentheses (6 to 20 digits)',
    });
  if (contact.name.trim() === '')
    errors.push({ code: 'required', path: 'contact.name', message: 'the contact needs a name' });
  return errors;
}

function severityInput(input: OpenCaseInput): SeverityInput | FieldError {
  if (input.impact !== undefined && input.affectedShare !== undefined)
    return {
      code: 'impact_or_share',
      path: 'affectedShare',
      message: 'give either impact or affectedShare, not both',
    };
  if (input.impact !== undefined) return { impact: input.impact, urgency: input.urgency };
  if (input.affectedShare !== undefined)
    return { affectedShare: input.affectedShare, urgency: input.urgency };
  return { code: 'required', path: 'impact', message: 'give the impact or the affected share (0..1)' };
}

/** The rules of the request itself (contact, severity, blanks); the contract's come from the look-up. */
function inputErrors(input: OpenCaseInput): { errors: FieldError[]; severity: SeverityInput | null } {
  const errors = contactErrors(input.contact);
  const sev = severityInput(input);
  if ('code' in sev) errors.push(sev);
  for (const [field, value] of [
    ['title', input.title],
    ['description', input.description],
  ] as const)
    if (value.trim() === '')
      errors.push({ code: 'required', path: field, message: `${field} cannot be blank` });
  return { errors, severity: 'code' in sev ? null : sev };
}

/** Contracts are valid per calendar day, in the customer region's zone. */
function openingDay(policy: Policy, region: Region, now: Date): string {
  return dateKey(getCalendar(policy, region).dayOf(now.getTime()));
}

function contractErrors(context: OpeningContext, today: string): FieldError[] {
  if (context.startsOn <= today && context.endsOn >= today) return [];
  return [
    {
      code: 'contract_not_active',
      path: 'contractNumber',
      message: `the contract is not active on ${today} (valid ${context.startsOn} to ${context.endsOn})`,
    },
  ];
}

/**
 * Finds the customer and the contract in the caller's scope and names every broken rule at once
 * (SPEC §3.1): unknown or deactivated customer, unknown contract, another customer's, not active on
 * the opening date in the customer's region.
 */
async function lookUpOpening(
  tx: Tx,
  scope: Scope,
  policy: Policy,
  input: OpenCaseInput,
  now: Date,
): Promise<{ context: OpeningContext | null; errors: FieldError[] }> {
  const found = (
    await sql<{
      id: string;
      name: string;
      region: Region;
      active: boolean;
      partner_id: string;
      partner_name: string | null;
      contract_id: string | null;
      contract_number: string | null;
      contract_customer_id: string | null;
      starts_on: string | null;
      ends_on: string | null;
      contract_active: boolean | null;
    }>`
      SELECT cu.id, cu.name, cu.region, cu.active, cu.partner_id,
        ${scope.partnerName === undefined ? sql`(SELECT p.name FROM partners p WHERE p.id = cu.partner_id)` : sql`${scope.partnerName}::text`} AS partner_name,
        k.id AS contract_id, k.number AS contract_number, k.customer_id AS contract_customer_id,
        k.starts_on, k.ends_on, k.active AS contract_active
      FROM customers cu
      LEFT JOIN contracts k ON upper(k.number) = upper(${input.contractNumber.trim()})
      WHERE cu.id = ${input.customerId}::uuid AND cu.partner_id = ${scope.partnerId ?? ''}::uuid
    `.execute(tx)
  ).rows[0];
  if (!found)
    return {
      context: null,
      errors: [{ code: 'unknown_customer', path: 'customerId', message: 'no such customer' }],
    };
  const errors: FieldError[] = [];
  if (!found.active)
    errors.push({ code: 'customer_inactive', path: 'customerId', message: 'the customer is deactivated' });
  if (!found.contract_id)
    errors.push({
      code: 'unknown_contract',
      path: 'contractNumber',
      message: 'no contract with this number',
    });
  else if (found.contract_customer_id !== found.id)
    errors.push({
      code: 'contract_other_customer',
      path: 'contractNumber',
      message: 'the contract belongs to another customer',
    });
  if (!found.contract_id || found.contract_customer_id !== found.id) return { context: null, errors };
  const context: OpeningContext = {
    customerId: found.id,
    customerName: found.name,
    region: found.region,
    partnerId: found.partner_id,
    partnerName: found.partner_name ?? '',
    contractId: found.contract_id,
    contractNumber: found.contract_number ?? input.contractNumber,
    startsOn: found.starts_on ?? '',
    endsOn: found.ends_on ?? '',
  };
  const today = openingDay(policy, found.region, now);
  if (found.contract_active === false)
    errors.push({
      code: 'contract_not_active',
      path: 'contractNumber',
      message: `the contract is deactivated (valid ${context.startsOn} to ${context.endsOn})`,
    });
  else errors.push(...contractErrors(context, today));
  return { context: errors.length === 0 ? context : null, errors };
}

export type OpenedCase = NonNullable<Awaited<ReturnType<typeof writeOpening>>>;

/**
 * Opens a case (SPEC §3.1): the contract must exist, belong to the customer and be active on the
 * opening date in the customer's region; the caller must be on the partner's support team. Every
 * broken rule is named at once. S1/S2 notify the partner's `incidents` subscribers through the outbox.
 *
 * Two round trips (decision 0009): the look-up, then the writes with the COMMIT. `onLookedUp` hears
 * of a context found valid, so the caller can keep it for `openCaseInKnownContext`.
 */
export async function openCase(
  tx: Tx,
  scope: Scope,
  policy: Policy,
  input: OpenCaseInput,
  now = new Date(),
  /** `commit`: the opening is the caller's whole transaction; it commits with its last writes. */
  options: { commit?: boolean; onLookedUp?: (context: OpeningContext) => void } = {},
): Promise<OpenedCase> {
  checkOpener(scope);
  const { context, errors } = await lookUpOpening(tx, scope, policy, input, now);
  const checked = inputErrors(input);
  errors.push(...checked.errors);
  if (errors.length > 0 || !context || !checked.severity) throw unprocessable(errors);
  options.onLookedUp?.(context);
  const opened = await writeOpening(tx, scope, policy, input, now, context, checked.severity, options);
  // Only a change committed between the look-up and the write can make the write's check fail.
  if (!opened)
    throw conflict(
      'opening_raced',
      'The customer or the contract changed while the case was opening; try again.',
    );
  return opened;
}

/**
 * Opens a case in one round trip from a context looked up before (decision 0010): the write itself
 * checks that the customer and the contract still are as the context says and valid today. Answers
 * null, having written nothing, when they are not (or the context is not valid today): the caller
 * then opens the case the ordinary way, which names what is wrong.
 */
export async function openCaseInKnownContext(
  tx: Tx,
  scope: Scope,
  policy: Policy,
  input: OpenCaseInput,
  now: Date,
  context: OpeningContext,
): Promise<OpenedCase | null> {
  checkOpener(scope);
  if (scope.partnerId !== context.partnerId || scope.userName === undefined) return null;
  if (contractErrors(context, openingDay(policy, context.region, now)).length > 0) return null;
  const checked = inputErrors(input);
  if (!checked.severity || checked.errors.length > 0) throw unprocessable(checked.errors);
  return writeOpening(tx, scope, policy, input, now, context, checked.severity, { commit: true });
}

function checkOpener(scope: Scope): void {
  if (scope.kind !== 'partner') throw forbidden('Cases are opened by the partner’s support team.');
  requireRole(scope, OPENERS);
}

/**
 * Writes the opening through `write_case_opening` (migration 0017, decision 0011): the case
 * (numbered there, so a refused opening leaves no gap), its history event, its audit row and, for
 * S1/S2, the incident notice — only if the customer and the contract are still as `context` says
 * and the contract is valid on the opening day. Answers the case, or null when that check wrote
 * nothing.
 */
async function writeOpening(
  tx: Tx,
  scope: Scope,
  policy: Policy,
  input: OpenCaseInput,
  now: Date,
  context: OpeningContext,
  severityOf: SeverityInput,
  options: { commit?: boolean },
) {
  const { impact, urgency, severity } = computeSeverity(policy, severityOf);
  const explanation = explainResponseDue(policy, context.region, severity, now.getTime());
  const responseDueAt = new Date(explanation.dueAt).toISOString();
  const id = randomUUID();
  const eventData = { severity, impact, urgency, responseDueAt };
  const event = {
    ...caseEventValues(
      scope,
      { id, partner_id: context.partnerId, customer_id: context.customerId },
      { kind: 'opened', data: eventData },
    ),
    id: randomUUID(),
  };
  const notice = needsPhoneCall(severity)
    ? {
        caseId: id,
        title: input.title.trim(),
        severity,
        customerName: context.customerName,
        region: context.region,
        responseDueAt,
        tacPhone: policy.tacPhone,
      }
    : null;
  // The row as written, but for what the function decides (its number, perhaps the caller's
  // name): the answer is built from it, so only those two travel back.
  const written: Omit<CaseColumns, 'number' | 'caller_name'> = {
    id,
    partner_id: context.partnerId,
    customer_id: context.customerId,
    contract_id: context.contractId,
    region: context.region,
    title: input.title.trim(),
    description: input.description.trim(),
    category: input.category,
    impact,
    urgency,
    affected_share: input.affectedShare ?? null,
    severity,
    status: 'new',
    caller_id: scope.userId,
    caller_email: scope.label,
    contact_name: input.contact.name.trim(),
    contact_phone: input.contact.phone.trim(),
    contact_email: input.contact.email.trim(),
    opened_at: now,
    response_due_at: new Date(explanation.dueAt),
    due_explanation: toJson(explanation),
    acknowledged_at: null,
    acknowledged_by: null,
    response_met: null,
    awaiting_since: null,
    awaiting_ms: 0,
    monitor_until: null,
    resolved_at: null,
    closed_at: null,
    root_cause_summary: null,
    plan_owed_since: null,
    last_plan_at: null,
    escalated_at: null,
    escalation_count: 0,
    reopen_count: 0,
    updated_at: now,
  };
  const decided = queueForResult<{ number: string | null; caller_name: string | null }>(
    tx,
    sql`
      SELECT number, caller_name FROM write_case_opening(${written.id}::uuid, ${now}::timestamptz,
        ${written.partner_id}::uuid, ${written.customer_id}::uuid, ${context.customerName}::text,
        ${written.region}::text, ${written.contract_id}::uuid, ${context.contractNumber}::text,
        ${openingDay(policy, context.region, now)}::date, ${written.title}::text, ${written.description}::text,
        ${written.category}::text, ${written.impact}::text, ${written.urgency}::text,
        ${written.affected_share}::double precision, ${written.severity}::text, ${written.caller_id}::uuid,
        ${scope.userName ?? null}::text, ${written.caller_email}::text, ${written.contact_name}::text,
        ${written.contact_phone}::text, ${written.contact_email}::text, ${responseDueAt}::timestamptz,
        ${JSON.stringify(written.due_explanation)}::jsonb, ${event.id}::uuid, ${event.data}::jsonb,
        ${JSON.stringify({ severity, impact, urgency, category: input.category })}::jsonb,
        ${scope.requestId}::text, ${notice ? randomUUID() : null}::uuid,
        ${notice ? JSON.stringify(notice) : null}::jsonb)
    `,
  );
  if (needsPhoneCall(severity)) await queueWrite(tx, sql`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`);
  await (options.commit ? commitNow(tx) : flushQueued(tx));
  const { number = null, caller_name: callerName = null } = (await decided).rows[0] ?? {};
  if (number === null || callerName === null) return null;
  // Answered from what was just written: re-reading would cost another round trip.
  const row: CaseRow = {
    ...written,
    number,
    caller_name: callerName,
    partner_name: scope.partnerName ?? context.partnerName,
    customer_name: context.customerName,
    contract_number: context.contractNumber,
  };
  return {
    ...presentCase(row, scope, policy, now.getTime()),
    timeline: [presentCaseEvent({ ...event, actor_name: callerName, at: now, seq: 0, data: eventData })],
    attachments: [],
    dueExplanation: written.due_explanation,
  };
}
