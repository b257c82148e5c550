/**
 * `netkata tcp replay <file>`: read a capture as a stream, split it into connections, feed both ends of
 * each to the endpoint machine and print what happened. Memory: the open connections' state, plus the
 * rows of the ladders to draw (at most LADDER_LIMIT connections of at most ROW_LIMIT rows each).
 */
import { InputError, reason } from '../../errors.js';
import type { Messages } from '../../i18n/index.js';
import { parsePortNumber } from '../../addr/port.js';
import { ipAddressLib } from '../../addr/parse.js';
import type { ProfileName } from '../../tcp/profile.js';
import { readCapture } from '../../replay/read-capture.js';
import { Replay, type ConnectionReport, type LadderRow } from '../../replay/replay.js';
import { renderLadder, renderMermaid, renderSummary, type ReplayHeader } from '../render/tcp-replay.js';
import { writeJson, writeOut } from '../io.js';
import { wrapCells } from '../../text-width.js';

/** Ladders are drawn for up to this many connections; more, and the summary asks for a filter. */
const LADDER_LIMIT = 20;
/** Rows kept per ladder: a long transfer's million segments make no ladder anyone reads. */
const ROW_LIMIT = 1000;

export interface ReplayOptions {
  readonly json?: boolean;
  readonly mermaid?: boolean;
  readonly connection?: string;
  readonly port?: string;
  readonly host?: string;
  readonly profile: ProfileName;
}

/** `127.0.0.1:80` / `[::1]:80` -> address and port. */
function split(endpoint: string): { host: string; port: number } {
  const i = endpoint.lastIndexOf(':');
  return { host: endpoint.slice(0, i).replace(/^\[|\]$/g, ''), port: Number(endpoint.slice(i + 1)) };
}

/** The filter's host as the reader writes addresses (IPv6 in RFC 5952 form, so `0:0::1` finds `::1`). */
async function hostText(host: string): Promise<string> {
  if (!host.includes(':')) return host;
  // ip-address is CommonJS: an ESM import() of it from the bundle has no named Address6 (exit 70 before).
  const { Address6 } = ipAddressLib();
  if (!Address6.isValid(host)) throw new InputError(reason('replayHost'), host);
  return new Address6(host).correctForm();
}

export async function runReplay(file: string, o: ReplayOptions, m: Messages['replay']): Promise<void> {
  let id: number | undefined;
  if (o.connection !== undefined) {
    if (!/^\d+$/.test(o.connection)) throw new InputError(reason('replayConnection'), o.connection);
    id = Number(o.connection);
  }
  const port = o.port === undefined ? undefined : parsePortNumber(o.port);
  const host = o.host === undefined ? undefined : await hostText(o.host);
  const matches = (c: { id: number; a: string; b: string }): boolean => {
    if (id !== undefined && c.id !== id) return false;
    const ends = [split(c.a), split(c.b)];
    if (port !== undefined && !ends.some((e) => e.port === port)) return false;
    if (host !== undefined && !ends.some((e) => e.host === host)) return false;
    return true;
  };
  let kept = 0;
  const replay = new Replay({ profile: o.profile, keepRows: (c) => matches(c) && kept++ < LADDER_LIMIT, rowLimit: ROW_LIMIT });
  let segments = 0;
  const read = await readCapture(file, (s) => {
    segments++;
    replay.push(s);
  });
  const all = replay.finish();
  const shown = all.filter(matches);
  const drawn = shown.length <= LADDER_LIMIT;
  const conns = drawn ? shown : shown.map(({ rows: _rows, ...rest }): ConnectionReport => rest);
  const header: ReplayHeader = {
    file, format: read.gzip ? `${read.format}.gz` : read.format, frames: read.frames, segments, connections: all.length,
    profile: o.profile, truncatedBytes: read.truncatedBytes, gzipTruncated: read.gzipTruncated,
  };
  if (o.mermaid) {
    if (conns.length !== 1) throw new InputError(m.mermaidOne(conns.length), file);
    return writeOut(renderMermaid(conns[0]!, m));
  }
  if (o.json) {
    return writeJson({
      ...header,
      shown: conns.length,
      laddersOmitted: !drawn,
      connections: conns.map((c) => ({ ...c, ...(c.rows ? { rows: c.rows.map(jsonRow) } : {}) })),
    });
  }
  const lines = renderSummary(header, conns, m);
  if (!drawn) lines.push('', ...wrapCells(m.laddersOmitted(conns.length), 80));
  else for (const c of conns) lines.push(...renderLadder(c, m));
  writeOut(lines.join('\n'));
}

const jsonRow = (r: LadderRow) => ({ ...r, time: `${r.sec}.${String(r.nsec).padStart(9, '0')}` });
