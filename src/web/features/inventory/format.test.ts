import { describe, expect, test } from 'vitest';
import {
  errorText,
  exportHref,
  formatShare,
  importErrorRows,
  messageParams,
  normalizePath,
  normalizeSu,
  shareOnN,
  shiftTrain,
  splitErrors,
  stackSegments,
  TIER_COLOR,
  TIER_FILL,
  type Translate,
} from './format.ts';
import { parseComplianceSearch, parseInventorySearch } from './search.ts';
import type { ReleaseTrain } from './types.ts';

const TRAIN: ReleaseTrain = {
  n: { version: '15.0', sus: ['SU1', 'SU2'] },
  n1: { version: '14.0', sus: ['SU3', 'SU4'] },
  n2: { version: '12.5', sus: ['SU7a'] },
  target: '15.0 SU2',
};

/** A stand-in for i18next: known keys render their template, unknown ones the default value. */
function fakeT(templates: Record<string, string>): Translate {
  return (key, options) => {
    const template = templates[key];
    if (template === undefined) return options.defaultValue ?? key;
    return template.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => options[name] ?? `{{${name}}}`);
  };
}

describe('tier colours', () => {
  test('n green, n-1 yellow, n-2 orange, unsupported red', () => {
    expect(TIER_COLOR).toEqual({ n: 'green', 'n-1': 'yellow', 'n-2': 'orange', unsupported: 'red' });
  });

  test('chart fills keep at least 3:1 contrast against white', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (const fill of Object.values(TIER_FILL))
      expect(1.05 / (luminance(fill) + 0.05)).toBeGreaterThanOrEqual(3);
  });
});

describe('the import error table', () => {
  test('rows[12].version becomes line 12, column version, without the "line 12:" prefix', () => {
    const rows = importErrorRows([
      { code: 'new_deployment_not_on_n', path: 'rows[12].version', message: 'line 12: something' },
      { code: 'hostname', path: 'rows[3].subscribers', message: 'line 3: "bad host" is not a host name' },
      { code: 'csv_cell_count', path: 'rows[3].line', message: 'line 3: 10 cells where the header has 11' },
    ]);
    expect(rows.map((r) => [r.line, r.column, r.code, r.message])).toEqual([
      [3, 'subscribers', 'hostname', '"bad host" is not a host name'],
      [3, 'line', 'csv_cell_count', '10 cells where the header has 11'],
      [12, 'version', 'new_deployment_not_on_n', 'something'],
    ]);
  });

  test('header errors sit on line 1, whole-file errors on no line and come first', () => {
    const rows = importErrorRows([
      { code: 'csv_column_unknown', path: 'header', message: 'unknown column "colour"' },
      { code: 'csv_malformed', path: 'file', message: 'Invalid Closing Quote' },
    ]);
    expect(rows.map((r) => [r.line, r.column])).toEqual([
      [null, null],
      [1, null],
    ]);
  });

  test('messages are translated by code with the values they name, else kept', () => {
    const t = fakeT({
      'inventory.errors.hostname': '«{{value}}» no es un nombre de host.',
      'inventory.errors.csv_cell_count': '{{cells}} celdas donde el encabezado tiene {{expected}}.',
      'inventory.errors.new_deployment_not_on_n':
        'Las implementaciones nuevas solo se admiten en n ({{allowed}}); {{value}} es {{tier}}.',
    });
    expect(errorText({ code: 'hostname', message: 'line 4: "a b" is not a host name' }, t)).toBe(
      '«a b» no es un nombre de host.',
    );
    expect(
      errorText({ code: 'csv_cell_count', message: 'line 9: 10 cells where the header has 11' }, t),
    ).toBe('10 celdas donde el encabezado tiene 11.');
    expect(
      errorText(
        {
          code: 'new_deployment_not_on_n',
          message: 'new deployments go only on n (15.0 SU1, 15.0 SU2); 14.0 SU3 is n-1',
        },
        t,
      ),
    ).toBe('Las implementaciones nuevas solo se admiten en n (15.0 SU1, 15.0 SU2); 14.0 SU3 es n-1.');
    // No translation: the server's message, less its line prefix.
    expect(errorText({ code: 'something_new', message: 'line 2: odd' }, t)).toBe('odd');
    // The wording changed and the values cannot be read: the server's message rather than a broken template.
    expect(errorText({ code: 'hostname', message: 'line 2: bad host' }, t)).toBe('bad host');
  });

  test('the values each rule message carries', () => {
    expect(messageParams('one_publisher', 'an application has exactly one publisher (found 2)')).toEqual({
      found: '2',
    });
    expect(
      messageParams(
        'node_data_centre',
        'sub1.x.example is in LON1, which is neither the primary nor the failover data centre',
      ),
    ).toEqual({ value: 'sub1.x.example', centre: 'LON1' });
    expect(messageParams('release_not_newer', 'a published release must be newer than n (15.0)')).toEqual({
      value: '15.0',
    });
    expect(messageParams('distinct_data_centres', 'anything')).toEqual({});
  });
});

describe('form errors', () => {
  const fields = ['name', 'version', 'nodes', 'region'];

  test('paths are dotted whatever their spelling', () => {
    expect(normalizePath('/nodes/0/hostname')).toBe('nodes.0.hostname');
    expect(normalizePath('nodes[1].role')).toBe('nodes.1.role');
    expect(normalizePath(undefined)).toBe('');
  });

  test('errors land on their fields, node cells on their rows, the rest above the form', () => {
    const { byField, unmatched } = splitErrors(
      [
        { code: 'new_deployment_not_on_n', path: 'version', message: 'not on n' },
        { code: 'one_publisher', path: 'nodes', message: 'one publisher' },
        { code: 'duplicate_node', path: 'nodes', message: 'twice' },
        { code: 'pattern', path: 'nodes.1.hostname', message: 'bad host' },
        { code: 'minItems', path: 'nodes.7', message: 'odd' },
        { code: 'customer_inactive', path: 'customerId', message: 'inactive' },
        { code: 'no_path', message: 'somewhere' },
      ],
      fields,
    );
    expect(byField.version?.code).toBe('new_deployment_not_on_n');
    expect(byField.nodes?.code).toBe('one_publisher');
    expect(byField['nodes.1.hostname']?.message).toBe('bad host');
    expect(unmatched.map((e) => e.code)).toEqual(['customer_inactive', 'no_path']);
  });
});

describe('charts and shares', () => {
  test('stacked segments in tier order, proportional, skipping empty tiers', () => {
    const segments = stackSegments({ n: 6, 'n-1': 0, 'n-2': 3, unsupported: 3 }, 600);
    expect(segments).toEqual([
      { tier: 'n', count: 6, x: 0, width: 300 },
      { tier: 'n-2', count: 3, x: 300, width: 150 },
      { tier: 'unsupported', count: 3, x: 450, width: 150 },
    ]);
    expect(stackSegments({ n: 0, 'n-1': 0, 'n-2': 0, unsupported: 0 }, 600)).toEqual([]);
  });

  test('share on n never rounds up to full compliance', () => {
    expect(shareOnN({ n: 199, 'n-1': 1, 'n-2': 0, unsupported: 0 })).toBeCloseTo(0.995);
    expect(formatShare(0.995)).toBe('99 %');
    expect(formatShare(1)).toBe('100 %');
    expect(shareOnN({ n: 0, 'n-1': 0, 'n-2': 0, unsupported: 0 })).toBe(1);
  });
});

describe('releases', () => {
  test('publishing shifts n → n-1 → n-2 and drops n-2; the target defaults to the newest SU', () => {
    const { next, dropped } = shiftTrain(TRAIN, { version: '16.0', sus: ['SU1', 'SU2'] });
    expect(next).toEqual({
      n: { version: '16.0', sus: ['SU1', 'SU2'] },
      n1: TRAIN.n,
      n2: TRAIN.n1,
      target: '16.0 SU2',
    });
    expect(dropped).toEqual(TRAIN.n2);
    expect(shiftTrain(TRAIN, { version: '16.0', sus: ['SU1', 'SU2'] }, '16.0 SU1').next.target).toBe(
      '16.0 SU1',
    );
  });

  test('service updates are written SU…', () => {
    expect(normalizeSu(' su1 ')).toBe('SU1');
    expect(normalizeSu('SU7a')).toBe('SU7a');
    expect(normalizeSu('7')).toBe('7');
  });
});

describe('search and links', () => {
  test('the instances URL keeps only what the API accepts', () => {
    const id = '3f0c1a2b-1111-4222-8333-444455556666';
    expect(
      parseInventorySearch({ customerId: id, kind: 'cucm', tier: 'n-1', mustUpgrade: 'true', q: 15, x: 1 }),
    ).toEqual({ customerId: id, kind: 'cucm', tier: 'n-1', mustUpgrade: true, q: '15' });
    expect(
      parseInventorySearch({ customerId: 'nope', kind: 'pbx', tier: 'n-3', mustUpgrade: false }),
    ).toEqual({});
    expect(parseComplianceSearch({ partnerId: id })).toEqual({ partnerId: id });
    expect(parseComplianceSearch({ partnerId: 'x' })).toEqual({});
  });

  test('the export keeps the customer and partner filters only', () => {
    expect(exportHref({})).toBe('/api/v1/applications/export.csv');
    expect(exportHref({ customerId: 'c1', partnerId: 'p1' })).toBe(
      '/api/v1/applications/export.csv?customerId=c1&partnerId=p1',
    );
  });
});
