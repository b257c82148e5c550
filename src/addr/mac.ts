import { InputError, reason } from '../errors.js';
import { fullWidthReason } from './full-width.js';
import { formatAddress } from './parse.js';

/**
 * 48-bit IEEE 802 MAC addresses: normalisation, the OUI/NIC split, the I/G and U/L bits
 * (IEEE 802-2014 section 8.2), and the modified EUI-64 interface identifier of RFC 4291
 * appendix A (RFC 2464 section 4 for Ethernet) with its fe80::/64 link-local address.
 * Multicast on Ethernet both ways: an IPv4 group goes to 01:00:5e + its low 23 bits (RFC 1112
 * section 6.4), an IPv6 group to 33:33 + its low 32 bits (RFC 2464 section 7).
 */

/** The IP multicast groups an Ethernet multicast MAC address carries. */
export interface MulticastGroups {
  readonly family: 4 | 6;
  readonly rfc: string;
  /** IPv4: all 32 groups that share this MAC (5 bits of the group address are not carried), in order. */
  readonly addresses?: readonly string[];
  /** IPv6: the low 32 bits every group on this MAC ends in, as two hextets. */
  readonly low32?: string;
  /** IPv6: the link-scope group with those bits (the solicited-node group when they start with ff). */
  readonly example?: string;
}
export interface MacInfo {
  readonly input: string;
  /** Lower-case, colon-separated. */
  readonly mac: string;
  /** The first three octets: the Organizationally Unique Identifier (when the address is universal). */
  readonly oui: string;
  /** The last three octets, assigned by the organisation. */
  readonly nic: string;
  /** I/G bit (bit 0 of the first octet): 1 = group (multicast or broadcast) address. */
  readonly multicast: boolean;
  /** U/L bit (bit 1 of the first octet): 1 = locally administered, so `oui` names no vendor. */
  readonly local: boolean;
  readonly broadcast: boolean;
  /** Modified EUI-64: ff:fe inserted in the middle and the U/L bit inverted. */
  readonly eui64: string;
  /** The same 64 bits as an IPv6 interface identifier (four hextets). */
  readonly interfaceId: string;
  /** fe80::/64 + the interface identifier, RFC 5952 text. */
  readonly linkLocalIPv6: string;
  /** For 01:00:5e:00:00:00-01:00:5e:7f:ff:ff and 33:33:xx:xx:xx:xx: the IP groups that use this address. */
  readonly multicastGroups?: MulticastGroups;
}

const HEX2 = /^[0-9a-fA-F]{2}$/;
const HEX4 = /^[0-9a-fA-F]{4}$/;

/**
 * Accept exactly `aa:bb:cc:dd:ee:ff`, `aa-bb-cc-dd-ee-ff` (IEEE's own notation) or `aabb.ccdd.eeff`
 * (Cisco), in any case. Anything else is rejected with one line that says why: a lenient parser
 * that guesses at `a:b:c:d:e:f` or twelve bare digits hides typos.
 */
export function parseMac(text: string): Uint8Array {
  if (text === '') throw new InputError(reason('emptyMac'), text);
  const fullWidth = fullWidthReason(text);
  if (fullWidth !== undefined) throw new InputError(fullWidth, text);
  if (/\s/.test(text)) throw new InputError(reason('macWhitespace'), text);
  const seps = new Set(text.replace(/[0-9a-zA-Z]/g, ''));
  if (seps.size === 0) {
    throw new InputError(/^[0-9a-fA-F]{12}$/.test(text)
      ? reason('macNoSeparators')
      : reason('notMac'), text);
  }
  if (seps.size > 1) throw new InputError(reason('macMixedSeparators', [...seps].join(' ')), text);
  const sep = [...seps][0]!;
  const groups = text.split(sep);
  if (sep === ':' || sep === '-') {
    if (groups.length === 8) throw new InputError(reason('macEui64'), text);
    if (groups.length !== 6) throw new InputError(reason('macGroupCount', groups.length), text);
    const bytes = new Uint8Array(6);
    groups.forEach((g, i) => {
      if (!HEX2.test(g)) throw new InputError(reason('macGroupHex', { k: i + 1, group: g }), text);
      bytes[i] = parseInt(g, 16);
    });
    return bytes;
  }
  if (sep === '.') {
    if (groups.length !== 3) throw new InputError(reason('macDottedCount', groups.length), text);
    const bytes = new Uint8Array(6);
    groups.forEach((g, i) => {
      if (!HEX4.test(g)) throw new InputError(reason('macDottedHex', { k: i + 1, group: g }), text);
      const v = parseInt(g, 16);
      bytes[2 * i] = v >> 8;
      bytes[2 * i + 1] = v & 0xff;
    });
    return bytes;
  }
  throw new InputError(reason('macBadSeparator', sep), text);
}

const hex = (b: number): string => b.toString(16).padStart(2, '0');

/** RFC 1112 section 6.4: 01:00:5e, a zero bit, then the low 23 bits of the IPv4 group. */
export function multicastMacOfIPv4(group: number): string {
  return ['01', '00', '5e', hex((group >>> 16) & 0x7f), hex((group >>> 8) & 0xff), hex(group & 0xff)].join(':');
}

/** RFC 2464 section 7: 33:33, then the last four octets of the IPv6 group. */
export function multicastMacOfIPv6(group: bigint): string {
  const low = Number(group & 0xffffffffn);
  return ['33', '33', hex(low >>> 24), hex((low >>> 16) & 0xff), hex((low >>> 8) & 0xff), hex(low & 0xff)].join(':');
}

function multicastGroupsOf(b: Uint8Array): MulticastGroups | undefined {
  if (b[0] === 0x01 && b[1] === 0x00 && b[2] === 0x5e && (b[3]! & 0x80) === 0) {
    const addresses: string[] = [];
    for (let first = 224; first <= 239; first++) {
      for (const high of [0, 0x80]) addresses.push(`${first}.${b[3]! | high}.${b[4]}.${b[5]}`);
    }
    return { family: 4, rfc: 'RFC 1112 section 6.4', addresses };
  }
  if (b[0] === 0x33 && b[1] === 0x33) {
    const low = ((b[2]! << 24) | (b[3]! << 16) | (b[4]! << 8) | b[5]!) >>> 0;
    const example = (b[2] === 0xff ? 0xff0200000000000000000001_00000000n : 0xff02n << 112n) | BigInt(low);
    return {
      family: 6,
      rfc: 'RFC 2464 section 7',
      low32: `${((low >>> 16) & 0xffff).toString(16)}:${(low & 0xffff).toString(16)}`,
      example: formatAddress(6, example),
    };
  }
  return undefined;
}

export function macInfo(text: string): MacInfo {
  const b = parseMac(text);
  const octets = [...b].map(hex);
  // RFC 4291 appendix A: insert 0xFFFE between the OUI and the NIC part and invert the
  // universal/local bit, so that a locally administered ID can be written with zeros (::1).
  const e = [b[0]! ^ 0x02, b[1]!, b[2]!, 0xff, 0xfe, b[3]!, b[4]!, b[5]!];
  let iid = 0n;
  for (const x of e) iid = (iid << 8n) | BigInt(x);
  const linkLocal = (0xfe80n << 112n) | iid;
  const words = [0, 2, 4, 6].map((i) => ((e[i]! << 8) | e[i + 1]!).toString(16));
  const groups = multicastGroupsOf(b);
  return {
    input: text,
    mac: octets.join(':'),
    oui: octets.slice(0, 3).join(':'),
    nic: octets.slice(3).join(':'),
    multicast: (b[0]! & 0x01) === 1,
    local: (b[0]! & 0x02) === 2,
    broadcast: b.every((x) => x === 0xff),
    eui64: e.map(hex).join(':'),
    interfaceId: words.join(':'),
    linkLocalIPv6: formatAddress(6, linkLocal),
    ...(groups === undefined ? {} : { multicastGroups: groups }),
  };
}
