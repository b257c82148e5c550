/** `netkata classify` text output (src/cli/render/classify-text.ts). Scope names are the JSON values. */
export const classify = {
  scope: 'scope',
  global: 'global',
  private: 'private',
  yes: 'yes',
  no: 'no',
  embeddedNotGlobal: (e: { readonly address: string; readonly scope: string }) => `  (its IPv4 ${e.address} is ${e.scope})`,
  /** A wrapper not globally reachable although its embedded IPv4 address is (::ffff:0:0/96, the registry). */
  wrapperNotGlobal: (r: { readonly cidr: string }) => `  (IANA: ${r.cidr} is not marked globally reachable)`,
  ranges: 'ranges, most specific first:',
  noRange: '(no special-purpose block)',
  embedded: (e: { readonly kind: string; readonly address: string; readonly scope: string; readonly global: string; readonly private: string }) =>
    `embedded IPv4 (${e.kind}): ${e.address}  scope ${e.scope}, global ${e.global}, private ${e.private}`,
  teredo: 'teredo',
  /** How the IPv4 address sits in the IPv6 one (the JSON's `embedded.kind`). */
  kinds: { 'ipv4-mapped': 'ipv4-mapped', nat64: 'nat64', '6to4': '6to4', teredo: 'teredo' },
  teredoParts: (t: { readonly server: string; readonly client: string; readonly port: number; readonly flags: string }) =>
    `server ${t.server}, client ${t.client} port ${t.port}, flags ${t.flags}`,
  scopes: {
    unspecified: 'unspecified',
    loopback: 'loopback',
    private: 'private',
    shared: 'shared',
    'link-local': 'link-local',
    multicast: 'multicast',
    broadcast: 'broadcast',
    documentation: 'documentation',
    benchmarking: 'benchmarking',
    reserved: 'reserved',
    'unique-local': 'unique-local',
    'ipv4-mapped': 'ipv4-mapped',
    translation: 'translation',
    teredo: 'teredo',
    '6to4': '6to4',
    special: 'special',
    global: 'global',
  },
} as const;
