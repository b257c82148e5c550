/**
 * Presentation of the network/host boundary in an address string that src/addr produced: where the
 * `|` goes, given the prefix length. No address arithmetic happens here.
 */
export interface BoundaryParts {
  readonly network: string;
  readonly host: string;
}

/**
 * Dotted binary (`11000000.10101000.00001100.01010111`) cut after `prefix` bits. When the cut falls
 * on an octet edge the dot there is dropped, so `network + '|' + host` keeps the row's width.
 */
export function cutDottedBinary(dotted: string, prefix: number): BoundaryParts {
  let bits = 0;
  let i = 0;
  while (i < dotted.length && bits < prefix) {
    if (dotted[i] !== '.') bits++;
    i++;
  }
  const network = dotted.slice(0, i);
  const rest = dotted.slice(i);
  return { network, host: rest.startsWith('.') ? rest.slice(1) : rest };
}

/**
 * Expanded IPv6 (`2001:0db8:0000:...`) cut after the hex digit that holds bit `prefix`; `inside` is
 * true when the boundary falls inside that digit (prefix not a multiple of 4).
 */
export function cutExpandedHex(expanded: string, prefix: number): BoundaryParts & { readonly inside: boolean } {
  const digits = Math.ceil(prefix / 4);
  let seen = 0;
  let i = 0;
  while (i < expanded.length && seen < digits) {
    if (expanded[i] !== ':') seen++;
    i++;
  }
  const rest = expanded.slice(i);
  return { network: expanded.slice(0, i), host: rest.startsWith(':') ? rest.slice(1) : rest, inside: prefix % 4 !== 0 };
}
