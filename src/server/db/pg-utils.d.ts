// pg's own conversion of a JavaScript value to the text (or bytes) it sends as a bind parameter.
declare module 'pg/lib/utils.js' {
  const utils: { prepareValue(value: unknown): string | Buffer | null };
  export default utils;
}
