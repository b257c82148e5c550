import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { writeJson, writeOut, writeOutBytes } from '../io.js';

// split, aggregate, range, port, mac. Top-level imports stay light (commander types and io only);
// each action loads its calculator with `await import(...)`.

interface JsonOpt {
  readonly json?: boolean;
}

export function registerAddressExtraCommands(program: Command): void {
  program
    .command('port')
    .description('a port number or service name: its range (well-known, registered, dynamic) and IANA services')
    .argument('<port|service>', 'a port number 0-65535 or a service name such as https or dns')
    .option('--json', 'print one JSON document')
    .action(async (query: string, opts: JsonOpt) => {
      const { lookupPort } = await import('../../addr/port.js');
      const info = lookupPort(query);
      if (opts.json) writeJson(info);
      else writeOut(renderPort(info));
    });

  program
    .command('mac')
    .description('a MAC address: normal form, OUI/NIC, multicast and local bits, modified EUI-64 and fe80:: address')
    .argument('<mac>', 'aa:bb:cc:dd:ee:ff, aa-bb-cc-dd-ee-ff or aabb.ccdd.eeff')
    .option('--json', 'print one JSON document')
    .action(async (text: string, opts: JsonOpt) => {
      const { macInfo } = await import('../../addr/mac.js');
      const info = macInfo(text);
      if (opts.json) writeJson(info);
      else writeOut(renderMac(info));
    });

  program
    .command('range')
    .description('the minimal list of CIDRs covering an inclusive address range')
    .argument('<start>', 'first address (or the whole range as start-end, the form aggregate reads)')
    .argument('[end]', 'last address (inclusive)')
    .option('--json', 'print one JSON document')
    .action(async (start: string, end: string | undefined, opts: JsonOpt) => {
      const { rangeInfo, splitRange } = await import('../../addr/range.js');
      if (end === undefined && splitRange(start) === undefined) {
        throw new InputError('range needs <start> <end>, or one argument <start>-<end>', start);
      }
      const info = rangeInfo(start, end);
      if (opts.json) {
        writeJson(info);
        return;
      }
      const n = info.cidrs.length;
      writeOut(info.cidrs.join('\n'));
      writeNote(`# ${info.start} - ${info.end}: ${fmtCount(info.addressCount)} addresses in ${n} CIDR${n === 1 ? '' : 's'}`);
    });

  program
    .command('aggregate')
    .description('merge CIDRs, addresses and start-end ranges (IPv4 and IPv6) into the minimal exact CIDR list')
    .argument('[file]', 'input file, one entry per line ("-" or none: standard input)')
    .option('--strict', 'reject CIDRs with host bits set (10.0.0.1/8) instead of reading them as their network')
    .option('--json', 'print one JSON document')
    .action(async (file: string | undefined, opts: JsonOpt & { strict?: boolean }) => {
      const useStdin = file === undefined || file === '-';
      const text = useStdin ? await readStdin() : await readTextFile(file);
      const { aggregate, aggregateText } = await import('../../addr/aggregate.js');
      const options = { strict: opts.strict === true, source: useStdin ? '<stdin>' : file };
      if (opts.json) {
        const r = aggregate(text, options);
        writeJson({ input: r.input, output: r.output, hostBitsSet: r.hostBitsSet });
        return;
      }
      const r = aggregateText(text, options);
      if (r.bytes.length > 0) writeOutBytes(r.bytes);
      // The summary is for the person at the terminal: stderr, so that a pipe gets only CIDRs.
      const notes = [`# ${r.input} input${r.input === 1 ? '' : 's'} -> ${r.count} CIDR${r.count === 1 ? '' : 's'}`];
      if (r.hostBitsExample) {
        const ex = r.hostBitsExample;
        notes.push(`# ${r.hostBitsSet} input${r.hostBitsSet === 1 ? ' had' : 's had'} host bits set and ${r.hostBitsSet === 1 ? 'was' : 'were'} read as the network (line ${ex.line}: ${ex.input} -> ${ex.network}); --strict rejects them`);
      }
      writeNote(notes.join('\n'));
    });

  program
    .command('split')
    .description('cut a block into subnets: equal ones by --prefix or --count, or VLSM by --hosts')
    .argument('<cidr>', 'the block to split, e.g. 192.168.1.0/24')
    .option('--prefix <n>', 'every subnet of this prefix length (e.g. 26 or /26)')
    .option('--count <n>', 'this many equal subnets (rounded up to a power of two)')
    .option('--hosts <list>', 'VLSM: host needs, e.g. 50,20,10,2 (largest first, smallest block that fits)')
    .option('--json', 'print one JSON document')
    .action(async (cidr: string, opts: JsonOpt & { prefix?: string; count?: string; hosts?: string }) => {
      const given = (['prefix', 'count', 'hosts'] as const).filter((k) => opts[k] !== undefined);
      if (given.length !== 1) {
        throw new InputError(given.length === 0 ? 'say how to split: --prefix <n>, --count <n> or --hosts <list>' : `choose one of --prefix, --count, --hosts (got ${given.map((g) => `--${g}`).join(' and ')})`, cidr);
      }
      const m = await import('../../addr/split.js');
      const mode: import('../../addr/split.js').SplitMode =
        opts.prefix !== undefined ? { kind: 'prefix', prefix: m.parseSplitPrefix(opts.prefix) }
        : opts.count !== undefined ? { kind: 'count', count: m.parseSplitCount(opts.count) }
        : { kind: 'hosts', hosts: m.parseHostList(opts.hosts!) };
      const r = m.split(cidr, mode);
      if (opts.json) writeJson(r);
      else writeOut(renderSplit(r));
    });
}

/**
 * The `# ...` summary of `range` and `aggregate` goes to stderr: stdout carries only CIDRs, one per
 * line, so `netkata aggregate f | while read cidr` or `> list.txt` gets nothing else.
 */
function writeNote(text: string): void {
  process.stderr.write(`${text}\n`);
}

function fmtCount(n: number | string): string {
  return typeof n === 'number' ? n.toLocaleString('en-US') : BigInt(n).toLocaleString('en-US');
}

async function readStdin(): Promise<string> {
  // A person at a terminal may not know the command is waiting for them.
  if (process.stdin.isTTY) process.stderr.write('netkata aggregate: reading entries from the terminal, one per line; end with Ctrl-D\n');
  const { readStdinText } = await import('./addr-stdin.js');
  return readStdinText();
}

async function readTextFile(file: string): Promise<string> {
  const [{ readFile }, { fsReason }] = await Promise.all([import('node:fs/promises'), import('../fs-reason.js')]);
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read: ${fsReason(e)}`, file);
  }
}

type PortInfo = import('../../addr/port.js').PortInfo;
type PortMatch = import('../../addr/port.js').PortMatch;
type MacInfo = import('../../addr/mac.js').MacInfo;
type SplitResult = import('../../addr/split.js').SplitResult;

const RANGE_TEXT: Record<string, string> = {
  'well-known': 'well-known (system) port, 0-1023',
  registered: 'registered (user) port, 1024-49151',
  dynamic: 'dynamic (private, ephemeral) port, 49152-65535: never assigned by IANA',
};

function renderPortMatch(m: PortMatch): string[] {
  const lines = [`${m.port}  ${RANGE_TEXT[m.range]}`];
  if (m.reserved) lines.push('  reserved by IANA; binding to port 0 asks the OS for any free ephemeral port');
  const byName = new Map<string, { protocols: string[]; description: string; duplicateOf?: string }>();
  for (const s of m.services) {
    const e = byName.get(s.name);
    if (e) e.protocols.push(s.protocol);
    else byName.set(s.name, { protocols: [s.protocol], description: s.description, ...(s.duplicateOf ? { duplicateOf: s.duplicateOf } : {}) });
  }
  const width = Math.max(0, ...[...byName.keys()].map((n) => n.length));
  for (const [name, e] of byName) {
    const dup = e.duplicateOf ? ` (IANA: duplicate of ${e.duplicateOf})` : '';
    lines.push(`  ${name.padEnd(width)}  ${e.protocols.join(', ').padEnd(14)}  ${e.description}${dup}`.trimEnd());
  }
  if (m.services.length === 0 && !m.reserved) {
    lines.push("  no service in netkata's table (a subset of the IANA registry)");
  }
  return lines;
}

function renderPort(info: PortInfo): string {
  const lines: string[] = [];
  if (info.alias) lines.push(`"${info.alias.name}" is not an IANA service name: ${info.alias.note}`);
  for (const m of info.matches) lines.push(...renderPortMatch(m));
  lines.push('(IANA records who registered a number, not what listens on it)');
  return lines.join('\n');
}

function renderMac(m: MacInfo): string {
  const first = parseInt(m.mac.slice(0, 2), 16);
  const firstBits = first.toString(2).padStart(8, '0');
  const flipped = (first ^ 2).toString(16).padStart(2, '0');
  return [
    `MAC          ${m.mac}`,
    `OUI          ${m.oui}   ${m.local ? '(locally administered: names no vendor)' : m.multicast ? '(a group address: the assigning OUI with the I/G bit set)' : '(organisation that assigned it)'}`,
    `NIC          ${m.nic}`,
    `first octet  ${m.mac.slice(0, 2)} = ${firstBits}  (bit 0 = I/G, bit 1 = U/L)`,
    `I/G bit      ${m.multicast ? 1 : 0}  ${m.broadcast ? 'group address: broadcast' : m.multicast ? 'group (multicast) address' : 'individual (unicast) address'}`,
    `U/L bit      ${m.local ? 1 : 0}  ${m.local ? 'locally administered' : 'universally administered'}`,
    `EUI-64       ${m.eui64}   (ff:fe inserted, U/L bit inverted: ${m.mac.slice(0, 2)} -> ${flipped}; RFC 4291 appendix A)`,
    `link-local   ${m.linkLocalIPv6}`,
    ...macGroupLines(m),
    ...(m.multicast ? ['note         a group address is not an interface: no real interface has this identifier'] : []),
    'note         modern hosts usually form stable private interface IDs instead (RFC 7217, RFC 8064)',
  ].join('\n');
}

function macGroupLines(m: MacInfo): string[] {
  const g = m.multicastGroups;
  if (g === undefined) return [];
  if (g.family === 4) {
    const [first, ...rest] = g.addresses ?? [];
    return [
      `IPv4 group   ${first} and ${rest.length} more (${rest.slice(0, 3).join(', ')}, ... ${rest.at(-1)})`,
      `             only the low 23 bits of a group reach the MAC (${g.rfc}), so ${rest.length + 1} groups share it`,
    ];
  }
  return [
    `IPv6 group   any group ending in ${g.low32}, e.g. ${g.example} (${g.rfc}: 33:33 + the low 32 bits)`,
  ];
}

function renderSplit(r: SplitResult): string {
  const lines: string[] = [];
  if (r.parentHostBits) lines.push(`# ${r.parentInput} has host bits set; splitting its network ${r.parent}`);
  if (r.mode === 'prefix') lines.push(`# ${r.parent} into ${r.produced} x /${r.prefix}`);
  if (r.mode === 'count') {
    const rounded = r.requested !== r.produced ? ` (${r.requested} rounded up to a power of two: a prefix bit only halves)` : '';
    lines.push(`# ${r.parent} into ${r.produced} x /${r.prefix}${rounded}`);
  }
  if (r.mode === 'hosts') lines.push(`# VLSM in ${r.parent}: largest need first, each gets the smallest block that fits`);
  const v4 = r.version === 4;
  const rows: string[][] = [];
  const head = r.mode === 'hosts' ? ['need', 'hosts'] : [];
  rows.push([...head, 'cidr', 'first host', 'last host', ...(v4 ? ['broadcast'] : []), v4 ? 'usable' : 'addresses']);
  for (const s of r.subnets) {
    const needCols = r.mode === 'hosts' ? [`#${s.need}`, String(s.hostsNeeded)] : [];
    const bcast = s.version === 4 ? [s.broadcast ?? '-'] : [];
    rows.push([...needCols, s.cidr, s.firstHost, s.lastHost, ...bcast, fmtCount(s.version === 4 ? s.hostCount : s.addressCount)]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  for (const row of rows) lines.push(row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd());
  if (r.mode === 'hosts') {
    if (v4) lines.push('# each block holds its hosts + network + broadcast (the textbook reservation)');
    if (!v4) {
      // RFC 4291 2.5.1 and RFC 7421: interface IDs are 64 bits, so a LAN is a /64 (SLAAC, RFC 4862,
      // works on nothing longer); sizing by host count is IPv4 thinking. Longer prefixes suit links
      // numbered by hand, such as a point-to-point /127 (RFC 6164).
      lines.push('# note: an IPv6 LAN is a /64 whatever its host count (RFC 4291 2.5.1, RFC 7421; SLAAC needs it): for LANs use --prefix 64');
      lines.push('#       blocks sized by host count suit only links numbered by hand, such as a point-to-point /127 (RFC 6164)');
    }
    if (v4 && r.subnets.some((s) => s.hostsNeeded === 2)) {
      lines.push('# a 2-host point-to-point link could use a /31 instead (RFC 3021) where both ends support it');
    }
    const free = r.free ?? [];
    lines.push(free.length === 0 ? '# no space left in the parent' : `# free: ${free.join(', ')}`);
  }
  return lines.join('\n');
}
