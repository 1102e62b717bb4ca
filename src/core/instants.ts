// The public edge for instants. Inside the core every instant is epoch milliseconds (a number):
// fast to compare and add, no allocation. At the edge we accept Date, epoch ms, or an ISO 8601
// string WITH an offset or Z (a bare local time would silently depend on the server's zone), and
// answer ISO strings in UTC ('…Z'), as SPEC §7 wants.

export type InstantInput = Date | number | string;

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

export function toEpochMs(input: InstantInput): number {
  let ms: number;
  if (typeof input === 'number') ms = input;
  else if (input instanceof Date) ms = input.getTime();
  else if (typeof input === 'string' && ISO_WITH_OFFSET.test(input)) ms = Date.parse(input);
  else throw new RangeError(`not an ISO 8601 instant with offset: ${String(input)}`);
  if (!Number.isFinite(ms)) throw new RangeError(`invalid instant: ${String(input)}`);
  return ms;
}

export const toIso = (epochMs: number): string => new Date(epochMs).toISOString();

/** Fields of explanation objects that hold instants (epoch ms) and become ISO strings in JSON. */
const INSTANT_KEYS = new Set([
  'start',
  'end',
  'from',
  'to',
  'at',
  'dueAt',
  'countedFrom',
  'changedAt',
  'previousDueAt',
  'candidateDueAt',
  'noticeAt',
  'earliestStart',
  'latestStart',
  'certificateExpiresAt',
  'searchFrom',
  'searchUntil',
  'earliestAllowedStart',
  'onTimeUntil',
]);

/**
 * JSON-ready copy of a core result: instant fields → ISO strings, `businessMs` → `businessMinutes`.
 * For the explanation data the UI and e-mails show.
 */
export function toJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJson);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'businessMs' && typeof v === 'number') out.businessMinutes = v / 60_000;
    else if (INSTANT_KEYS.has(k) && typeof v === 'number' && Number.isFinite(v)) out[k] = toIso(v);
    else out[k] = toJson(v);
  }
  return out;
}
