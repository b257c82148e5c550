import { InputError, reason } from '../errors.js';
import { fullWidthReason } from './full-width.js';
import { port as EN } from '../i18n/en/port.js';
import { RESERVED_PORTS, SERVICE_ALIASES, SERVICES, type ServiceRow, type Transport } from './services.js';

/** RFC 6335 section 6: System (well-known) 0-1023, User (registered) 1024-49151, Dynamic 49152-65535. */
export type PortRange = 'well-known' | 'registered' | 'dynamic';

export interface PortService {
  readonly name: string;
  readonly protocol: Transport;
  readonly description: string;
  readonly duplicateOf?: string;
}

export interface PortMatch {
  readonly port: number;
  readonly range: PortRange;
  readonly services: readonly PortService[];
  /** True when IANA reserves the port itself (port 0). */
  readonly reserved: boolean;
}

export interface PortAlias {
  readonly name: string;
  readonly names: readonly string[];
  /** What IANA calls it, in English (the JSON's language); text output takes the language's from `port.aliasNotes`. */
  readonly note: string;
}

/** The `port` command's result: the first match's fields at top level, every match in `matches`. */
export interface PortInfo extends PortMatch {
  readonly query: string;
  /** `number` when the query was a port number, `service` when it was a name. */
  readonly lookup: 'number' | 'service';
  readonly alias?: PortAlias;
  readonly matches: readonly PortMatch[];
}

export function portRange(port: number): PortRange {
  if (port <= 1023) return 'well-known';
  if (port <= 49151) return 'registered';
  return 'dynamic';
}

const byPort = new Map<number, ServiceRow[]>();
const byName = new Map<string, ServiceRow[]>();
for (const row of SERVICES) {
  const p = byPort.get(row.port);
  if (p) p.push(row);
  else byPort.set(row.port, [row]);
  const n = byName.get(row.name);
  if (n) n.push(row);
  else byName.set(row.name, [row]);
}

function matchFor(port: number): PortMatch {
  const services: PortService[] = [];
  for (const row of byPort.get(port) ?? []) {
    for (const protocol of row.protocols) {
      const s: PortService = row.duplicateOf === undefined
        ? { name: row.name, protocol, description: row.description }
        : { name: row.name, protocol, description: row.description, duplicateOf: row.duplicateOf };
      services.push(s);
    }
  }
  return { port, range: portRange(port), services, reserved: RESERVED_PORTS.has(port) };
}

/**
 * Parse a port number strictly: decimal digits only, no sign, no leading zero (a leading zero
 * reads as octal in some tools), at most 65535 (the TCP and UDP port fields are 16 bits).
 */
export function parsePortNumber(text: string): number {
  if (text === '') throw new InputError(reason('emptyPort'), text);
  if (!/^[0-9]+$/.test(text)) throw new InputError(reason('portNotNumber'), text);
  if (text.length > 1 && text.startsWith('0')) throw new InputError(reason('portLeadingZero'), text);
  if (text.length > 5 || Number(text) > 65535) throw new InputError(reason('portRange'), text);
  return Number(text);
}

/** RFC 6335 section 5.1: 1-15 characters, letters, digits and hyphens, at least one letter. */
const SERVICE_NAME = /^[a-z0-9](?:[a-z0-9-]{0,13}[a-z0-9])?$/;

/** An alias's note from a language's `port.aliasNotes` (src/i18n/<lang>/port.ts), which has every SERVICE_ALIASES key. */
export function aliasNote(notes: { readonly [K in keyof typeof EN.aliasNotes]: string }, name: string): string {
  return (notes as Readonly<Record<string, string>>)[name] ?? '';
}

/** Look up a port by number, or the ports of a service by IANA name or everyday alias. */
export function lookupPort(query: string): PortInfo {
  const fullWidth = fullWidthReason(query);
  if (fullWidth !== undefined) throw new InputError(fullWidth, query);
  if (/^[0-9]/.test(query) || query === '') {
    const port = parsePortNumber(query);
    const m = matchFor(port);
    return { query, lookup: 'number', ...m, matches: [m] };
  }
  const name = query.toLowerCase();
  if (!SERVICE_NAME.test(name) || name.includes('--')) {
    throw new InputError(reason('portNotName'), query);
  }
  const alias = SERVICE_ALIASES[name];
  const names = alias ? alias.names : [name];
  const ports = new Set<number>();
  for (const n of names) for (const row of byName.get(n) ?? []) ports.add(row.port);
  if (ports.size === 0) {
    throw new InputError(reason('unknownService', byName.size), query);
  }
  const matches = [...ports].sort((a, b) => a - b).map(matchFor);
  const first = matches[0]!;
  const base = { query, lookup: 'service' as const, ...first, matches };
  return alias ? { ...base, alias: { name, names: alias.names, note: aliasNote(EN.aliasNotes, name) } } : base;
}
