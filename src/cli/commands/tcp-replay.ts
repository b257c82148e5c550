/**
 * `netkata tcp replay <file>`: read a capture as a stream, split it into connections, feed both ends of
 * each to the endpoint machine and print what happened. Memory: the open connections' state, plus the
 * rows of the ladders to draw (at most LADDER_LIMIT connections of at most ROW_LIMIT rows each); the
 * finished connections wait on disk (src/replay/spill.ts) and the output is written as it is made.
 */
import { InputError, reason } from '../../errors.js';
import type { Messages } from '../../i18n/index.js';
import { parsePortNumber } from '../../addr/port.js';
import { ipAddressLib } from '../../addr/parse.js';
import type { ProfileName } from '../../tcp/profile.js';
import { readCapture } from '../../replay/read-capture.js';
import { Replay, type ConnectionReport, type LadderRow } from '../../replay/replay.js';
import { renderLadder, renderMermaid, renderSummaryConnection, renderSummaryHead, type ReplayHeader } from '../render/tcp-replay.js';
import { writeJsonList, writeOut } from '../io.js';
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
  try {
    let segments = 0;
    const read = await readCapture(file, (s) => {
      segments++;
      replay.push(s);
    });
    // Two passes over the reports (the finished ones come back from disk, src/replay/spill.ts): one to
    // count what the filter shows, one to write it, so that no list of every connection is ever held.
    // (Without a filter every connection is shown: the first pass only takes the first few.)
    const filtered = id !== undefined || port !== undefined || host !== undefined;
    let total = 0;
    let shownCount = 0;
    const firstShown: ConnectionReport[] = [];
    for (const c of replay.reports()) {
      total++;
      if (!matches(c)) continue;
      shownCount++;
      if (firstShown.length <= LADDER_LIMIT) firstShown.push(c);
      else if (!filtered) break;
    }
    if (!filtered) total = shownCount = replay.connections;
    const drawn = shownCount <= LADDER_LIMIT;
    const shown = function* (): Generator<ConnectionReport> {
      if (drawn) return yield* firstShown;
      for (const c of replay.reports()) {
        if (!matches(c)) continue;
        const { rows: _rows, ...rest } = c;
        yield rest;
      }
    };
    const header: ReplayHeader = {
      file, format: read.gzip ? `${read.format}.gz` : read.format, frames: read.frames, segments, connections: total,
      profile: o.profile, truncatedBytes: read.truncatedBytes, gzipTruncated: read.gzipTruncated,
    };
    if (o.mermaid) {
      if (shownCount !== 1) throw new InputError(m.mermaidOne(shownCount), file);
      return writeOut(renderMermaid(firstShown[0]!, m));
    }
    if (o.json) {
      const list = function* (): Generator<unknown> {
        for (const c of shown()) yield { ...c, ...(c.rows ? { rows: c.rows.map(jsonRow) } : {}) };
      };
      return writeJsonList({ ...header, shown: shownCount, laddersOmitted: !drawn }, 'connections', list());
    }
    // Written in parts of about 64 KB: writeOut ends each with a newline, so a part is whole lines.
    let lines = renderSummaryHead(header, shownCount, m);
    let size = 0;
    for (const c of shown()) {
      for (const l of renderSummaryConnection(c, m)) {
        lines.push(l);
        size += l.length + 1;
      }
      if (size >= 1 << 16) {
        writeOut(lines.join('\n'));
        lines = [];
        size = 0;
      }
    }
    if (!drawn) lines.push('', ...wrapCells(m.laddersOmitted(shownCount), 80));
    else for (const c of firstShown) lines.push(...renderLadder(c, m));
    if (lines.length > 0) writeOut(lines.join('\n'));
  } finally {
    replay.close();
  }
}

const jsonRow = (r: LadderRow) => ({ ...r, time: `${r.sec}.${String(r.nsec).padStart(9, '0')}` });
