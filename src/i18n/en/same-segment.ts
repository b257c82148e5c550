/** `netkata same-segment` text output (src/cli/render/same-segment-text.ts). */
export const sameSegment = {
  title: (t: { readonly ip1: string; readonly ip2: string; readonly mask: string; readonly prefix: number }) =>
    `Same segment? ${t.ip1} and ${t.ip2} under mask ${t.mask} (/${t.prefix})`,
  address: 'address',
  mask: 'mask',
  and: 'AND',
  network: 'network',
  octetByOctet: 'octet by octet:',
  groupByGroup: 'group by group:',
  octet: (n: string) => `octet ${n}`,
  group: (n: string) => `group ${n}`,
  same: 'same',
  differ: 'differ',
  yes: 'yes',
  no: 'no',
  zonesDiffer: (z: { readonly zone1: string; readonly zone2: string; readonly network: string }) =>
    `: the zones differ (${z.zone1} vs ${z.zone2}): a zone is one link (RFC 4007 section 6), so these are two links even though both networks are ${z.network}.`,
  sameNetwork: (s: { readonly network: string; readonly v4: boolean }) =>
    `: both networks are ${s.network}, so the hosts reach each other directly (${s.v4 ? 'ARP' : 'neighbour discovery'} finds the MAC), without the gateway.`,
  differentNetworks: (d: { readonly network1: string; readonly network2: string }) =>
    `: the networks differ (${d.network1} vs ${d.network2}), so each host sends the packet to its default gateway, which routes it.`,
} as const;
