import { CsvError, parse } from 'csv-parse/sync';
import type { ApplicationKind, ApplicationNode, Region } from '../../db/schema.ts';
import { REGIONS } from '../../db/schema.ts';
import { csvDocument } from '../../http/csv.ts';
import type { FieldError } from '../../http/errors.ts';
import type { ApplicationDraft } from './application-rules.ts';
import { APPLICATION_KINDS } from './inventory.schemas.ts';

/**
 * The instance CSV: one application per line. Nodes are `host` or `host@DATACENTRE` (default: the
 * primary data centre); subscribers are separated by `;` or spaces. The same columns come out of
 * the export, so an exported file imports back unchanged.
 */
export const CSV_COLUMNS = [
  'customerId',
  'customer',
  'application',
  'kind',
  'version',
  'region',
  'publisher',
  'subscribers',
  'primaryDataCentre',
  'failoverDataCentre',
  'sso',
] as const;
type Column = (typeof CSV_COLUMNS)[number];
const REQUIRED: readonly Column[] = [
  'customerId',
  'application',
  'kind',
  'version',
  'publisher',
  'primaryDataCentre',
];

export interface CsvApplication extends ApplicationDraft {
  line: number;
  customerId: string;
  ssoEnabled: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/;
const DATA_CENTRE = /^[A-Za-z0-9][A-Za-z0-9 _.-]{0,39}$/;
const KIND_ALIASES: Record<string, ApplicationKind> = {
  'unity connection': 'cucxn',
  'im&p': 'imp',
  'im and presence': 'imp',
};
const TRUE = new Set(['true', 'yes', 'y', '1', 'sí', 'si']);
const FALSE = new Set(['false', 'no', 'n', '0', '']);

/** `rows[12].version`: 12 is the line in the file (the header is line 1). */
export const cellPath = (line: number, column: string) => `rows[${line}].${column}`;

export type ParsedCsv = { ok: true; rows: CsvApplication[] } | { ok: false; errors: FieldError[] };

/** Reads and checks the file's shape and every cell; the inventory rules run afterwards. */
export function parseApplicationsCsv(text: string): ParsedCsv {
  let records: string[][];
  try {
    records = parse(text, { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    const message = error instanceof CsvError ? error.message : 'the file is not CSV';
    return { ok: false, errors: [{ code: 'csv_malformed', path: 'file', message }] };
  }
  const [header, ...body] = records;
  if (!header)
    return { ok: false, errors: [{ code: 'csv_empty', path: 'file', message: 'the file is empty' }] };
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    index.set(name.trim().toLowerCase(), i);
  });
  const errors: FieldError[] = [];
  for (const column of REQUIRED)
    if (!index.has(column.toLowerCase()))
      errors.push({
        code: 'csv_column_missing',
        path: 'header',
        message: `the header has no "${column}" column`,
      });
  const known = new Set(CSV_COLUMNS.map((c) => c.toLowerCase()));
  for (const name of header)
    if (!known.has(name.trim().toLowerCase()))
      errors.push({ code: 'csv_column_unknown', path: 'header', message: `unknown column "${name}"` });
  if (errors.length > 0) return { ok: false, errors };
  if (body.length === 0)
    return { ok: false, errors: [{ code: 'csv_empty', path: 'file', message: 'the file has no rows' }] };

  const rows: CsvApplication[] = [];
  const seen = new Map<string, number>();
  body.forEach((record, i) => {
    const line = i + 2;
    const cell = (column: Column) => record[index.get(column.toLowerCase()) ?? -1]?.trim() ?? '';
    const rowErrors: FieldError[] = [];
    const fail = (column: string, code: string, message: string) =>
      rowErrors.push({ code, path: cellPath(line, column), message: `line ${line}: ${message}` });
    if (record.length !== header.length)
      fail('line', 'csv_cell_count', `${record.length} cells where the header has ${header.length}`);
    for (const column of REQUIRED) if (cell(column) === '') fail(column, 'required', `${column} is empty`);

    const customerId = cell('customerId');
    if (customerId !== '' && !UUID.test(customerId)) fail('customerId', 'uuid', 'customerId is not a UUID');
    const name = cell('application');
    if (name.length > 100)
      fail('application', 'too_long', 'the application name has more than 100 characters');
    const kindText = cell('kind').toLowerCase();
    const kind = (APPLICATION_KINDS as readonly string[]).includes(kindText)
      ? (kindText as ApplicationKind)
      : KIND_ALIASES[kindText];
    if (kindText !== '' && !kind) fail('kind', 'kind', `kind must be one of ${APPLICATION_KINDS.join(', ')}`);
    const regionText = cell('region').toUpperCase();
    if (regionText !== '' && !(REGIONS as readonly string[]).includes(regionText))
      fail('region', 'region', `region must be one of ${REGIONS.join(', ')}`);
    const primary = cell('primaryDataCentre');
    const failover = cell('failoverDataCentre');
    for (const [column, value] of [
      ['primaryDataCentre', primary],
      ['failoverDataCentre', failover],
    ] as const)
      if (value !== '' && !DATA_CENTRE.test(value))
        fail(column, 'data_centre', `"${value}" is not a data centre code`);
    const ssoText = cell('sso').toLowerCase();
    if (!TRUE.has(ssoText) && !FALSE.has(ssoText)) fail('sso', 'boolean', 'sso must be true or false');

    const nodes: ApplicationNode[] = [];
    const readNode = (column: 'publisher' | 'subscribers', text: string, role: ApplicationNode['role']) => {
      const [host = '', centre] = text.split('@');
      if (!HOST.test(host) || host.length > 253) fail(column, 'hostname', `"${host}" is not a host name`);
      else nodes.push({ hostname: host, role, dataCentre: centre?.trim() || primary });
    };
    if (cell('publisher') !== '') readNode('publisher', cell('publisher'), 'publisher');
    for (const text of cell('subscribers')
      .split(/[;\s]+/)
      .filter(Boolean))
      readNode('subscribers', text, 'subscriber');

    const key = `${customerId.toLowerCase()}\u0000${name.toLowerCase()}`;
    const earlier = seen.get(key);
    if (earlier !== undefined && name !== '')
      fail('application', 'duplicate_row', `the same application as line ${earlier}`);
    seen.set(key, line);
    errors.push(...rowErrors);
    if (rowErrors.length === 0 && kind)
      rows.push({
        line,
        customerId: customerId.toLowerCase(),
        kind,
        name,
        version: cell('version'),
        nodes,
        primaryDataCentre: primary,
        failoverDataCentre: failover === '' ? null : failover,
        region: regionText === '' ? null : (regionText as Region),
        ssoEnabled: TRUE.has(ssoText),
      });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

/** Maps an inventory rule's field to the CSV column that holds it. */
export function csvColumnOf(field: string): string {
  return field === 'nodes' ? 'subscribers' : field;
}

export interface ExportRow {
  customer_id: string;
  customer_name: string;
  name: string;
  kind: ApplicationKind;
  version: string;
  region: Region;
  nodes: ApplicationNode[];
  primary_dc: string;
  failover_dc: string | null;
  sso_enabled: boolean;
}

export function applicationsCsv(rows: readonly ExportRow[]): string {
  const nodeText = (node: ApplicationNode) => `${node.hostname}@${node.dataCentre}`;
  return csvDocument(
    CSV_COLUMNS,
    rows.map((row) => [
      row.customer_id,
      row.customer_name,
      row.name,
      row.kind,
      row.version,
      row.kind === 'sme' ? row.region : '',
      row.nodes
        .filter((n) => n.role === 'publisher')
        .map(nodeText)
        .join(';'),
      row.nodes
        .filter((n) => n.role === 'subscriber')
        .map(nodeText)
        .join(';'),
      row.primary_dc,
      row.failover_dc,
      row.sso_enabled,
    ]),
  );
}
