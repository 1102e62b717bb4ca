import { Ajv, type ErrorObject } from 'ajv';
import formats from 'ajv-formats';

// ajv-formats is CommonJS with a default export; under Node's ESM interop it arrives wrapped.
const addFormats = formats.default;

import type { FastifySchemaCompiler } from 'fastify';
import type { FieldError } from './errors.ts';

/**
 * Two validators: bodies are checked strictly (no coercion, unknown properties rejected, which
 * Fastify's default Ajv setup would silently strip), query strings and params are coerced from text.
 */
function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    removeAdditional: false,
    useDefaults: true,
    coerceTypes: coerce ? 'array' : false,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

const bodyAjv = makeAjv(false);
const textAjv = makeAjv(true);

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : textAjv;
  return ajv.compile(schema as object);
};

function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .filter(Boolean)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function joinPath(base: string, key: string): string {
  return base ? `${base}.${key}` : key;
}

/** Ajv errors → our field errors; `unknown` tells whether any were unknown fields (→ 400). */
export function toFieldErrors(
  errors: ErrorObject[],
  part: string,
): { errors: FieldError[]; unknown: boolean } {
  const out: FieldError[] = [];
  let unknown = false;
  const seen = new Set<string>();
  for (const error of errors) {
    const base = pointerToPath(error.instancePath);
    let path = base;
    let code = error.keyword;
    let message = error.message ?? 'is invalid';
    const params = error.params as Record<string, unknown>;
    if (error.keyword === 'additionalProperties') {
      unknown = true;
      path = joinPath(base, String(params.additionalProperty));
      code = 'unknown_field';
      message = `unknown field "${path}"`;
    } else if (error.keyword === 'required') {
      path = joinPath(base, String(params.missingProperty));
      message = `${path} is required`;
    } else if (error.keyword === 'anyOf' || error.keyword === 'oneOf' || error.keyword === 'if') {
      continue;
    } else {
      message = `${path || part} ${message}`;
    }
    const key = `${code}:${path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ code, path: path || part, message });
  }
  return { errors: out, unknown };
}
