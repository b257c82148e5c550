/**
 * The zh sections of the command-line output, in one module: a zh command loads this one file (one
 * chunk of the bundle, and the CommonJS file dist/bundle/cli-zh.cjs on the address shortcut), and an
 * en command loads none of it (src/cli/text.ts).
 */
export { classify } from './classify.js';
export { cli } from './cli.js';
export { errors } from './errors.js';
export { ip } from './ip.js';
export { mac } from './mac.js';
export { port } from './port.js';
export { ranges } from './ranges.js';
export { sameSegment } from './same-segment.js';
export { split } from './split.js';
export { subnet } from './subnet.js';
// The ladder's words, for the `tcp run` shortcut (src/cli/commands/tcp-direct.ts).
export { tcp } from './tcp.js';
