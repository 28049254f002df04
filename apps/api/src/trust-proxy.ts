/**
 * Fastify's `trustProxy` from TRUST_PROXY. `true` means one proxy (the load balancer) in front: the
 * client is the address it appended to X-Forwarded-For, never an entry the client wrote itself (as
 * trusting every hop would take). A number is that many proxies; a comma-separated list names the
 * proxies' addresses or ranges. `false` (the default): the connection's own address.
 */
export function trustProxySetting(
  value: string | undefined,
): boolean | string | ((address: string, hop: number) => boolean) {
  const setting = value?.trim() ?? '';
  if (setting === '' || setting === 'false') return false;
  const proxies = setting === 'true' ? 1 : /^\d+$/.test(setting) ? Number(setting) : null;
  // Hop 0 is the connection's peer: trust it and the next proxies - 1 hops behind it.
  if (proxies !== null) return (_address, hop) => hop < proxies;
  return setting;
}
