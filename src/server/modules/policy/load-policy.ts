import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { type Policy, validatePolicy } from '../../../core/index.ts';
import { projectRoot } from '../../config.ts';
import { StartupError } from '../../db/embedded-postgres.ts';

export const DEFAULT_POLICY_FILE = path.join(projectRoot, 'policy', 'default.json');

export interface LoadedPolicy {
  policy: Policy;
  /** The document as written, served by GET /policy. */
  document: unknown;
  file: string;
}

function parse(file: string, text: string): unknown {
  if (/\.ya?ml$/i.test(file)) return YAML.parse(text);
  return JSON.parse(text);
}

/** Reads and validates a policy document; an invalid one names each bad field and its rule. */
export function loadPolicy(file: string = DEFAULT_POLICY_FILE): LoadedPolicy {
  let document: unknown;
  try {
    document = parse(file, fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new StartupError(`policy ${file} cannot be read: ${(error as Error).message}`);
  }
  const result = validatePolicy(document);
  if (!result.ok) {
    const problems = result.errors.map((e) => `${e.path || '/'} (${e.rule}): ${e.message}`).join('; ');
    throw new StartupError(`policy ${file} is invalid: ${problems}`);
  }
  return { policy: result.policy, document, file };
}
