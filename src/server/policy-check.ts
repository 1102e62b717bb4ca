/** `diops policy check FILE` — wired to the policy core's validator once it lands. */
export async function checkPolicyCommand(args: string[]): Promise<number> {
  process.stderr.write(`diops: policy ${args.join(' ')}: not available yet\n`);
  return 2;
}
