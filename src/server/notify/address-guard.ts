import { lookup } from 'node:dns/promises';
import net from 'node:net';
import type { WebhookNetwork } from '../config.ts';

/** Address ranges a webhook may not reach unless the operator allows that kind of network. */
const RANGES: Record<WebhookNetwork | 'never', [string, number, 'ipv4' | 'ipv6'][]> = {
  loopback: [
    ['127.0.0.0', 8, 'ipv4'],
    ['::1', 128, 'ipv6'],
  ],
  private: [
    ['10.0.0.0', 8, 'ipv4'],
    ['172.16.0.0', 12, 'ipv4'],
    ['192.168.0.0', 16, 'ipv4'],
    ['100.64.0.0', 10, 'ipv4'],
    ['fc00::', 7, 'ipv6'],
  ],
  'link-local': [
    ['169.254.0.0', 16, 'ipv4'],
    ['fe80::', 10, 'ipv6'],
  ],
  // Never a valid destination, whatever is allowed.
  never: [
    ['0.0.0.0', 8, 'ipv4'],
    ['224.0.0.0', 4, 'ipv4'],
    ['240.0.0.0', 4, 'ipv4'],
    ['::', 128, 'ipv6'],
    ['ff00::', 8, 'ipv6'],
  ],
};

export class RefusedAddress extends Error {
  readonly code = 'refused_address';
}

const blockLists = new Map<string, net.BlockList>();

/** One list per allowance (the operator's setting), built on first use. */
function blockListFor(allowed: readonly WebhookNetwork[]): net.BlockList {
  const key = [...allowed].sort().join(',');
  const cached = blockLists.get(key);
  if (cached) return cached;
  const list = new net.BlockList();
  for (const [kind, ranges] of Object.entries(RANGES)) {
    if (allowed.includes(kind as WebhookNetwork)) continue;
    for (const [address, prefix, family] of ranges) list.addSubnet(address, prefix, family);
  }
  blockLists.set(key, list);
  return list;
}

/** IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) are judged as the IPv4 address they carry. */
function normalise(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return { address: mapped[1], family: 'ipv4' };
  return { address, family: net.isIPv6(address) ? 'ipv6' : 'ipv4' };
}

export function isAddressAllowed(address: string, allowed: readonly WebhookNetwork[]): boolean {
  const { address: plain, family } = normalise(address);
  return !blockListFor(allowed).check(plain, family);
}

/**
 * Resolves `hostname` and returns one address that may be reached. Every resolved address must
 * pass (a name that also points inside is refused), and the caller connects to exactly the
 * address returned, so a second DNS answer cannot swap in an internal one.
 */
export async function resolveAllowedAddress(
  hostname: string,
  allowed: readonly WebhookNetwork[],
): Promise<{ address: string; family: 4 | 6 }> {
  const bare = hostname.replace(/^\[|\]$/g, '');
  const answers = net.isIP(bare)
    ? [{ address: bare, family: net.isIP(bare) as 4 | 6 }]
    : await lookup(bare, { all: true, verbatim: true });
  if (answers.length === 0) throw new RefusedAddress(`${hostname} does not resolve`);
  for (const answer of answers) {
    if (!isAddressAllowed(answer.address, allowed))
      throw new RefusedAddress(`${hostname} resolves to ${answer.address}, a private or reserved address`);
  }
  const first = answers[0] as { address: string; family: number };
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}
