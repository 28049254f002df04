import { isIP } from 'node:net';

/** An IPv4 dotted quad as two IPv6 groups (for `::ffff:1.2.3.4` and the like). */
function ipv4Groups(dotted: string): string[] {
  const [a, b, c, d] = dotted.split('.').map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}

/**
 * The client as a per-address limit counts it: an IPv4 address as it is, an IPv6 address by its
 * /64. One host (a home connection, a cloud server) is given a whole /64, so counting its 2^64
 * addresses apart would be no limit at all. An IPv4-mapped IPv6 address is its IPv4 address.
 */
export function addressBucket(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  const address = ip.split('%')[0].toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) return mapped[1];
  const groups = (part: string) =>
    part === '' ? [] : part.split(':').flatMap((g) => (g.includes('.') ? ipv4Groups(g) : [g]));
  const [head, tail] = address.includes('::') ? address.split('::') : [address, null];
  const start = groups(head);
  const end = tail === null ? [] : groups(tail);
  const all = [...start, ...Array<string>(8 - start.length - end.length).fill('0'), ...end];
  return `${all
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
