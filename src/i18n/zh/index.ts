import type { Messages } from '../en/index.js';
import { app } from './app.js';
import { tcp } from './tcp.js';
import { lab } from './lab.js';
import { replay } from './replay.js';
import { verify } from './verify.js';
import { watch } from './watch.js';
import { traffic } from './traffic.js';
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
import { help } from './help.js';

/** 简体中文消息目录，与 `../en/index.ts` 键一一对应（类型检查保证不缺项、不多项）。 */
export const zh: Messages = { app, tcp, lab, replay, verify, watch, traffic, windows, subnet, sameSegment, classify, ip, split, ranges, port, mac, errors, cli, help };
