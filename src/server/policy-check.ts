import { StartupError } from './db/embedded-postgres.ts';
import { loadPolicy } from './modules/policy/load-policy.ts';

/** `diops policy check FILE`: exit 0 and a summary when valid, 1 and every problem when not. */
export async function checkPolicyCommand(args: string[]): Promise<number> {
  const [verb, file] = args;
  if (verb !== 'check' || !file) {
    process.stderr.write('usage: diops policy check FILE\n');
    return 2;
  }
  try {
    const { policy } = loadPolicy(file);
    process.stdout.write(
      `diops: policy ${file} is valid (version ${policy.version}, effective from ${policy.effectiveFrom})\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof StartupError) {
      process.stderr.write(`diops: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
