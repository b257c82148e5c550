/** `netkata ip` text output (src/cli/render/notation-text.ts): row labels and notes. */
export const ip = {
  address: 'address',
  integer: 'integer',
  hex: 'hex',
  binary: 'binary',
  octets: 'octets',
  ipv4Mapped: 'ipv4-mapped',
  /** Follows the IPv4-mapped address: the same address in hex. */
  mappedHex: (hex: string) => `  (${hex})`,
  reverse: 'reverse',
  groupMac: 'group MAC',
  /** Follows the group MAC: how it is made. */
  groupMac4: '  (01:00:5e + the low 23 bits; RFC 1112 6.4)',
  groupMac6: '  (33:33 + the low 32 bits; RFC 2464 7)',
  expanded: 'expanded',
  zone: 'zone',
  hexForm: 'hex form',
  embedded: 'embedded',
  /** Follows the embedded IPv4: how it sits in the IPv6 address, one of `kinds`. */
  embeddedKind: (kind: string) => ` (${kind})`,
  /** How the IPv4 address sits in the IPv6 one (the JSON's `embeddedKind`). */
  kinds: { 'ipv4-mapped': 'ipv4-mapped', nat64: 'nat64', '6to4': '6to4', teredo: 'teredo' },
} as const;
