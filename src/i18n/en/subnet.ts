/** `netkata subnet` text output (src/cli/render/subnet-text.ts). Labels are padded by display width. */
export const subnet = {
  /** After the address: its class and the IANA blocks holding it (their registry names). */
  heading: (h: { readonly cls: string; readonly ranges: readonly string[] }) => `class ${h.cls}${h.ranges.length > 0 ? `, ${h.ranges.join(', ')}` : ''}`,
  /** IPv6 has no class: the blocks only. */
  ranges: (r: readonly string[]) => r.join(', '),
  address: 'address',
  netmask: 'netmask',
  mask: 'mask',
  and: 'AND',
  network: 'network',
  /** The header over the binary rows: `network | host`, its bar over the boundary. */
  netBits: 'network',
  hostBits: 'host',
  hostBitsOnly: 'host bits',
  byOctet: 'AND, octet by octet (a bit survives only where the mask has a 1):',
  octet: (k: number) => `octet ${k}`,
  maskLine: (m: { readonly mask: string; readonly prefix: number; readonly wildcard: string }) => `${m.mask} (/${m.prefix})   wildcard ${m.wildcard}`,
  broadcast: 'broadcast',
  none: 'none',
  hosts: 'hosts',
  hostsLine: (h: { readonly first: string; readonly last: string; readonly usable: string; readonly total: string }) =>
    `${h.first} - ${h.last}  (${h.usable} usable of ${h.total} addresses)`,
  note: 'note',
  note31: '/31 (RFC 3021): a point-to-point link; both addresses are hosts, there is no broadcast',
  note32: '/32: a single host route; the only address is the host, there is no broadcast',
  noteNet: 'the first address names the network and the last is the broadcast, so neither is a host',
  groupBinary: (g: number) => `the boundary falls inside group ${g}; that group in binary:`,
  first: 'first',
  last: 'last',
  addresses: 'addresses',
  v6Count: (c: { readonly count: string; readonly bits: number }) => `${c.count} (2^${c.bits}); IPv6 has no broadcast, every address is usable`,
} as const;
