/** Reading an event payload in a template: absent values read as empty, never as "undefined". */
export type Payload = Record<string, unknown>;

export const str = (payload: Payload, key: string): string => {
  const value = payload[key];
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
};
export const num = (payload: Payload, key: string): number => Number(payload[key] ?? 0);
export const list = (payload: Payload, key: string): string[] => {
  const value = payload[key];
  return Array.isArray(value) ? value.map(String) : [];
};
