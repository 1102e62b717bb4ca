import { describe, expect, it } from 'vitest';
import type { ChangeTask, ChangeTaskKind } from '../changes/types.ts';
import { applyToggle, canToggle, groupKey, groupTasks } from './tasks.ts';

const KINDS: ChangeTaskKind[] = ['disable_sso', 'reimport_idp_metadata', 'enable_sso', 'validate_sign_in'];

function steps(changeId: string, customerName: string, done: number, createdAt = '2026-11-20T10:00:00.000Z') {
  return KINDS.map(
    (kind, i): ChangeTask => ({
      id: `${changeId}-${customerName}-${i + 1}`,
      changeId,
      changeReference: `CHG-${changeId}`,
      changeTitle: 'Certificate renewal',
      customerId: `id-${customerName}`,
      customerName,
      partnerId: 'p',
      kind,
      position: i + 1,
      doneAt: i < done ? '2026-11-21T10:00:00.000Z' : null,
      doneBy: i < done ? 'engineer@northwind.example' : null,
      createdAt,
    }),
  );
}

describe('SSO follow-up tasks', () => {
  it('groups by change (newest first) and customer (by name), steps in order', () => {
    const older = steps('000001', 'Fabrikam', 0, '2026-11-01T10:00:00.000Z');
    const newer = [...steps('000002', 'Tailspin', 4), ...steps('000002', 'Contoso', 1)];
    const shuffled = [...newer, ...older].reverse();
    const groups = groupTasks(shuffled);
    expect(groups.map((g) => g.changeReference)).toEqual(['CHG-000002', 'CHG-000001']);
    expect(groups[0]?.customers.map((c) => [c.customerName, c.done])).toEqual([
      ['Contoso', false],
      ['Tailspin', true],
    ]);
    expect(groups[0]?.customers[0]?.tasks.map((t) => t.kind)).toEqual(KINDS);
  });

  it('filters whole customer groups: open ones keep their finished steps', () => {
    const tasks = [
      ...steps('000002', 'Tailspin', 4),
      ...steps('000002', 'Contoso', 1),
      ...steps('000001', 'Fabrikam', 4, '2026-11-01T10:00:00.000Z'),
    ];
    const open = groupTasks(tasks, 'open');
    expect(open).toHaveLength(1);
    expect(open[0]?.customers.map((c) => c.customerName)).toEqual(['Contoso']);
    expect(open[0]?.customers[0]?.tasks).toHaveLength(4);
    // A group just finished stays in the open list while the user is on it.
    const sticky = groupTasks(tasks, 'open', new Set([groupKey('000002', 'id-Tailspin')]));
    expect(sticky[0]?.customers.map((c) => [c.customerName, c.done])).toEqual([
      ['Contoso', false],
      ['Tailspin', true],
    ]);
    const done = groupTasks(tasks, 'done');
    expect(done.map((g) => g.customers.map((c) => c.customerName))).toEqual([['Tailspin'], ['Fabrikam']]);
  });

  it('ticks the steps in order and unticks them from the last', () => {
    const group = steps('000003', 'Contoso', 2);
    const [first, second, third, fourth] = group as [ChangeTask, ChangeTask, ChangeTask, ChangeTask];
    expect(canToggle(group, third)).toBe(true);
    expect(canToggle(group, fourth)).toBe(false);
    expect(canToggle(group, second)).toBe(true);
    expect(canToggle(group, first)).toBe(false);
  });

  it('applies a tick or an untick to one task only (the optimistic view)', () => {
    const group = steps('000003', 'Contoso', 1);
    const ticked = applyToggle(group, '000003-Contoso-2', true, '2026-11-22T08:00:00.000Z', 'me');
    expect(ticked.map((t) => t.doneAt !== null)).toEqual([true, true, false, false]);
    expect(ticked[1]?.doneBy).toBe('me');
    const unticked = applyToggle(ticked, '000003-Contoso-1', false, 'x', 'me');
    expect(unticked[0]).toMatchObject({ doneAt: null, doneBy: null });
    expect(group[1]?.doneAt).toBeNull();
  });
});
