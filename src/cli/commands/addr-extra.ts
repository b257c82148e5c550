import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { writeJson, writeOut, writeOutBytes } from '../io.js';
import { cliLang, t } from '../text.js';
import type { Messages } from '../../i18n/en/index.js';
import { displayWidth, padEndCells, wrapCells } from '../../text-width.js';

// split, aggregate, range, port, mac. Top-level imports stay light (commander types and io only);
// each action loads its calculator with `await import(...)`.

interface JsonOpt {
  readonly json?: boolean;
}

export async function portAction(query: string, opts: JsonOpt): Promise<void> {
  const { lookupPort, aliasNote } = await import('../../addr/port.js');
  const info = lookupPort(query);
  if (opts.json) writeJson(info);
  else writeOut(renderPort(info, t().port, info.alias ? aliasNote(t().port.aliasNotes, info.alias.name) : ''));
}

export async function macAction(text: string, opts: JsonOpt): Promise<void> {
  const { macInfo } = await import('../../addr/mac.js');
  const info = macInfo(text);
  if (opts.json) writeJson(info);
  else writeOut(renderMac(info, t().mac, cliLang() === 'zh' ? 80 : undefined));
}

export async function rangeAction(start: string, end: string | undefined, opts: JsonOpt): Promise<void> {
  const { rangeInfo, splitRange } = await import('../../addr/range.js');
  if (end === undefined && splitRange(start) === undefined) {
    throw new InputError(t().cli.rangeNeedsEnd, start);
  }
  const info = rangeInfo(start, end);
  if (opts.json) {
    writeJson(info);
    return;
  }
  const n = info.cidrs.length;
  writeOut(info.cidrs.join('\n'));
  writeNote(t().ranges.rangeNote({ start: info.start, end: info.end, count: fmtCount(info.addressCount), cidrs: n }));
}

export async function aggregateAction(file: string | undefined, opts: JsonOpt & { strict?: boolean }): Promise<void> {
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
  const notes = [t().ranges.aggregateNote({ inputs: r.input, cidrs: r.count })];
  if (r.hostBitsExample) {
    const ex = r.hostBitsExample;
    notes.push(t().ranges.hostBitsNote({ count: r.hostBitsSet, line: ex.line, input: ex.input, network: ex.network }));
  }
  writeNote(notes.join('\n'));
}

export async function splitAction(cidr: string, opts: JsonOpt & { prefix?: string; count?: string; hosts?: string }): Promise<void> {
  const given = (['prefix', 'count', 'hosts'] as const).filter((k) => opts[k] !== undefined);
  if (given.length !== 1) {
    throw new InputError(given.length === 0 ? t().cli.splitHow : t().cli.splitOne(given.map((g) => `--${g}`)), cidr);
  }
  const m = await import('../../addr/split.js');
  const mode: import('../../addr/split.js').SplitMode =
    opts.prefix !== undefined ? { kind: 'prefix', prefix: m.parseSplitPrefix(opts.prefix) }
    : opts.count !== undefined ? { kind: 'count', count: m.parseSplitCount(opts.count) }
    : { kind: 'hosts', hosts: m.parseHostList(opts.hosts!) };
  const r = m.split(cidr, mode);
  if (opts.json) writeJson(r);
  else writeOut(renderSplit(r, t().split, cliLang() === 'zh' ? 80 : undefined));
}

export function registerAddressExtraCommands(program: Command, h: Messages['help']): void {
  program
    .command('port')
    .description(h.port.description)
    .argument('<port|service>', h.port.query)
    .option('--json', h.json.document)
    .action(portAction);

  program
    .command('mac')
    .description(h.mac.description)
    .argument('<mac>', h.mac.mac)
    .option('--json', h.json.document)
    .action(macAction);

  program
    .command('range')
    .description(h.range.description)
    .argument('<start>', h.range.start)
    .argument('[end]', h.range.end)
    .option('--json', h.json.document)
    .action(rangeAction);

  program
    .command('aggregate')
    .description(h.aggregate.description)
    .argument('[file]', h.aggregate.file)
    .option('--strict', h.aggregate.strict)
    .option('--json', h.json.document)
    .action(aggregateAction);

  program
    .command('split')
    .description(h.split.description)
    .argument('<cidr>', h.split.cidr)
    .option('--prefix <n>', h.split.prefix)
    .option('--count <n>', h.split.count)
    .option('--hosts <list>', h.split.hosts)
    .option('--json', h.json.document)
    .action(splitAction);
}

/**
 * The `# ...` summary of `range` and `aggregate` goes to stderr: stdout carries only CIDRs, one per
 * line, so `netkata aggregate f | while read cidr` or `> list.txt` gets nothing else.
 */
function writeNote(text: string): void {
  const lines = cliLang() === 'zh' ? text.split('\n').flatMap((l) => wrapCells(l, 80, '#   ')) : [text];
  process.stderr.write(`${lines.join('\n')}\n`);
}

function fmtCount(n: number | string): string {
  return typeof n === 'number' ? n.toLocaleString('en-US') : BigInt(n).toLocaleString('en-US');
}

async function readStdin(): Promise<string> {
  // A person at a terminal may not know the command is waiting for them.
  if (process.stdin.isTTY) process.stderr.write(`${t().ranges.readingTerminal}\n`);
  const { readStdinText } = await import('./addr-stdin.js');
  return readStdinText();
}

async function readTextFile(file: string): Promise<string> {
  const [{ readFile }, { fsReason }] = await Promise.all([import('node:fs/promises'), import('../fs-reason.js')]);
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw new InputError(t().cli.cannotRead(fsReason(e)), file);
  }
}

type PortInfo = import('../../addr/port.js').PortInfo;
type PortMatch = import('../../addr/port.js').PortMatch;
type MacInfo = import('../../addr/mac.js').MacInfo;
type SplitResult = import('../../addr/split.js').SplitResult;

type PortText = Messages['port'];
type MacText = Messages['mac'];
type SplitText = Messages['split'];

function renderPortMatch(m: PortMatch, t: PortText): string[] {
  const lines = [`${m.port}  ${t.range[m.range]}`];
  if (m.reserved) lines.push(`  ${t.reserved}`);
  const byName = new Map<string, { protocols: string[]; description: string; duplicateOf?: string }>();
  for (const s of m.services) {
    const e = byName.get(s.name);
    if (e) e.protocols.push(s.protocol);
    else byName.set(s.name, { protocols: [s.protocol], description: s.description, ...(s.duplicateOf ? { duplicateOf: s.duplicateOf } : {}) });
  }
  const width = Math.max(0, ...[...byName.keys()].map((n) => n.length));
  for (const [name, e] of byName) {
    const dup = e.duplicateOf ? t.duplicateOf(e.duplicateOf) : '';
    lines.push(`  ${name.padEnd(width)}  ${e.protocols.join(', ').padEnd(14)}  ${e.description}${dup}`.trimEnd());
  }
  if (m.services.length === 0 && !m.reserved) lines.push(`  ${t.noService}`);
  return lines;
}

/** `aliasNote`: the alias's note in the output's language (port.aliasNotes). */
function renderPort(info: PortInfo, t: PortText, aliasNote: string): string {
  const lines: string[] = [];
  if (info.alias) lines.push(t.notServiceName({ name: info.alias.name, note: aliasNote }));
  for (const m of info.matches) lines.push(...renderPortMatch(m, t));
  lines.push(t.footer);
  return lines.join('\n');
}

function renderMac(m: MacInfo, t: MacText, wrapAt?: number): string {
  const first = parseInt(m.mac.slice(0, 2), 16);
  const firstBits = first.toString(2).padStart(8, '0');
  const flipped = (first ^ 2).toString(16).padStart(2, '0');
  // Labels padded to one column by display width (13 cells in English, as `first octet` and two spaces).
  const width = Math.max(13, ...[t.mac, t.oui, t.nic, t.firstOctet, t.igBit, t.ulBit, t.eui64, t.linkLocal, t.ipv4Group, t.ipv6Group, t.note].map((l) => displayWidth(l) + 2));
  const row = (label: string, value: string): string => `${padEndCells(label, width)}${value}`;
  const wrap = (line: string): string[] => (wrapAt === undefined ? [line] : wrapCells(line, wrapAt, ' '.repeat(width)));
  // A note in parentheses follows its value after three spaces, or directly when it is full-width.
  const after = (value: string, note: string): string => (note.startsWith('（') ? `${value}${note}` : `${value}   ${note}`);
  const bitsNote = (note: string): string => (note.startsWith('（') ? note : `  ${note}`);
  return [
    row(t.mac, m.mac),
    row(t.oui, after(m.oui, m.local ? t.ouiLocal : m.multicast ? t.ouiGroup : t.ouiOrg)),
    row(t.nic, m.nic),
    row(t.firstOctet, `${m.mac.slice(0, 2)} = ${firstBits}${bitsNote(t.bits)}`),
    row(t.igBit, `${m.multicast ? 1 : 0}  ${m.broadcast ? t.broadcast : m.multicast ? t.multicast : t.unicast}`),
    row(t.ulBit, `${m.local ? 1 : 0}  ${m.local ? t.local : t.universal}`),
    row(t.eui64, after(m.eui64, t.eui64How({ from: m.mac.slice(0, 2), to: flipped }))),
    row(t.linkLocal, m.linkLocalIPv6),
    ...macGroupLines(m, t, row),
    ...(m.multicast ? [row(t.note, t.groupNote)] : []),
    row(t.note, t.privacyNote),
  ].flatMap(wrap).join('\n');
}

function macGroupLines(m: MacInfo, t: MacText, row: (label: string, value: string) => string): string[] {
  const g = m.multicastGroups;
  if (g === undefined) return [];
  if (g.family === 4) {
    const [first, ...rest] = g.addresses ?? [];
    return [
      row(t.ipv4Group, t.v4Groups({ first: first ?? '', more: rest.length, some: rest.slice(0, 3).join(', '), last: rest.at(-1) ?? '' })),
      row('', t.v4Share({ count: rest.length + 1 })),
    ];
  }
  return [row(t.ipv6Group, t.v6Groups({ low32: g.low32 ?? '', example: g.example ?? '' }))];
}

function renderSplit(r: SplitResult, t: SplitText, width?: number): string {
  const lines: string[] = [];
  if (r.parentHostBits) lines.push(t.hostBitsSet({ input: r.parentInput, network: r.parent }));
  // The equal modes always set prefix (and count mode requested): split.ts's `equal()`.
  if (r.mode === 'prefix') lines.push(t.into({ parent: r.parent, count: r.produced, prefix: r.prefix! }));
  if (r.mode === 'count') {
    const rounded = r.requested !== r.produced ? t.roundedUp(r.requested!) : '';
    lines.push(`${t.into({ parent: r.parent, count: r.produced, prefix: r.prefix! })}${rounded}`);
  }
  if (r.mode === 'hosts') lines.push(t.vlsm(r.parent));
  const v4 = r.version === 4;
  const rows: string[][] = [];
  const head = r.mode === 'hosts' ? [t.need, t.hosts] : [];
  rows.push([...head, t.cidr, t.firstHost, t.lastHost, ...(v4 ? [t.broadcast] : []), v4 ? t.usable : t.addresses]);
  for (const s of r.subnets) {
    const needCols = r.mode === 'hosts' ? [`#${s.need}`, String(s.hostsNeeded)] : [];
    const bcast = s.version === 4 ? [s.broadcast ?? '-'] : [];
    rows.push([...needCols, s.cidr, s.firstHost, s.lastHost, ...bcast, fmtCount(s.version === 4 ? s.hostCount : s.addressCount)]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => displayWidth(row[c]!))));
  for (const row of rows) lines.push(row.map((cell, c) => padEndCells(cell, widths[c]!)).join('  ').trimEnd());
  if (r.mode === 'hosts') {
    if (v4) lines.push(t.reservation);
    if (!v4) {
      // RFC 4291 2.5.1 and RFC 7421: interface IDs are 64 bits, so a LAN is a /64 (SLAAC, RFC 4862,
      // works on nothing longer); sizing by host count is IPv4 thinking. Longer prefixes suit links
      // numbered by hand, such as a point-to-point /127 (RFC 6164).
      lines.push(t.v6Lan);
      lines.push(t.v6ByHand);
    }
    if (v4 && r.subnets.some((s) => s.hostsNeeded === 2)) lines.push(t.p2p);
    const free = r.free ?? [];
    lines.push(free.length === 0 ? t.noSpace : t.free(free.join(', ')));
  }
  // The `#` comment lines wrap (continuing as comments) when a width is asked for; table rows never do.
  return width === undefined ? lines.join('\n') : lines.flatMap((l) => (l.startsWith('#') ? wrapCells(l, width, '#   ') : [l])).join('\n');
}
