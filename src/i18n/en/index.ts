import { app } from './app.js';
import { windows } from './windows.js';
import { classify } from './classify.js';
import { cli } from './cli.js';
import { errors } from './errors.js';
import { ip } from './ip.js';
import { mac } from './mac.js';
import { port } from './port.js';
import { ranges } from './ranges.js';
import { sameSegment } from './same-segment.js';
import { split } from './split.js';
import { subnet } from './subnet.js';
import { tcp } from './tcp.js';
import { lab } from './lab.js';
import { help } from './help.js';
import { replay } from './replay.js';
import { verify } from './verify.js';
import { watch } from './watch.js';
import { traffic } from './traffic.js';

/**
 * The English message catalogue: one section per part of netkata, each in its own file. The Chinese
 * catalogue (`../zh/index.ts`) is typed as `Messages`, so a key missing there (or one only there)
 * fails `tsc`; test/i18n/catalogue.test.ts checks the same at run time and the zh typography.
 *
 * Leaves are strings, or functions for messages with values in them (`(n: number) => string`), so
 * word order can differ between the languages. JSON output never goes through this catalogue.
 */
export const en = { app, tcp, lab, replay, verify, watch, traffic, windows, subnet, sameSegment, classify, ip, split, ranges, port, mac, errors, cli, help };

/** The catalogue's shape with every string leaf widened to `string`, so `as const` sections still type zh. */
type Widen<T> = T extends string ? string : T extends (...args: never[]) => unknown ? T : { readonly [K in keyof T]: Widen<T[K]> };

export type Messages = Widen<typeof en>;
