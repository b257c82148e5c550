import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { useColor, writeJson, writeOut } from '../io.js';
import { cliLang, t } from '../text.js';
import type { LineEncoder } from './addr-stdin.js';

// subnet, same-segment, classify, ip. Registration imports nothing heavy: each action loads its
// calculator and renderer with `await import`, and none of them loads ink, react or yaml.

interface OutputOpts {
  readonly json?: boolean;
  readonly stdin?: boolean;
}

function noArgsWithStdin(command: string, args: readonly (string | undefined)[]): void {
  if (args.some((a) => a !== undefined)) {
    throw new InputError(t().cli.stdinNoArgs(command));
  }
}

/**
 * `--stdin`: every line through `compute`, printed as one JSON line (`encode` may write the bytes
 * directly, see addr-stdin.ts) or as the one line `textLine` renders; a bad line is reported in place.
 */
async function stdinLines<T>(
  json: boolean | undefined,
  compute: (line: string) => T,
  textLine: () => Promise<(result: T) => string>,
  encode?: LineEncoder,
): Promise<void> {
  const [{ runLines, jsonErrorLine, textErrorLine }, render] = await Promise.all([
    import('./addr-stdin.js'),
    json === true ? undefined : textLine(),
  ]);
  if (render === undefined) await runLines((line) => JSON.stringify(compute(line)), jsonErrorLine, encode);
  else await runLines((line) => render(compute(line)), textErrorLine);
}

export async function subnetAction(address: string | undefined, mask: string | undefined, opts: OutputOpts): Promise<void> {
  if (opts.stdin === true) {
    noArgsWithStdin('subnet', [address, mask]);
    const bulk = await import('../../addr/subnet-bulk.js');
    const text = async () => {
      const { renderSubnetLine } = await import('../render/subnet-text.js');
      return (s: import('../../addr/subnet.js').SubnetInfo) => renderSubnetLine(s, t().subnet);
    };
    await stdinLines(opts.json, bulk.subnetOfLine, text, bulk.encodeSubnetJsonLine);
    return;
  }
  if (address === undefined) throw new InputError(t().cli.subnetNeedsAddress);
  const [{ parseCidr, parseCidrLine }, { subnet }] = await Promise.all([import('../../addr/parse.js'), import('../../addr/subnet.js')]);
  // One quoted argument "a.b.c.d mask" reads like the two-argument form.
  const cidr = mask === undefined && /\s/.test(address.trim()) ? parseCidrLine(address) : parseCidr(address, mask);
  const info = subnet(cidr);
  if (opts.json === true) {
    writeJson(info);
    return;
  }
  const { renderSubnetText } = await import('../render/subnet-text.js');
  writeOut(renderSubnetText(info, useColor(), t().subnet));
}

async function sameSegmentAction(ip1: string, ip2: string, opts: OutputOpts & { readonly mask?: string }): Promise<void> {
  const { sameSegment } = await import('../../addr/same-segment.js');
  const result = sameSegment(ip1, ip2, opts.mask);
  if (opts.json === true) {
    writeJson(result);
    return;
  }
  const { renderSameSegmentText } = await import('../render/same-segment-text.js');
  writeOut(renderSameSegmentText(result, useColor(), t().sameSegment, cliLang() === 'zh' ? 80 : undefined));
}

/** `--nat64 <prefix>`, parsed before any input is read (a bad prefix is one error, not one per line). */
async function nat64Of(text: string | undefined) {
  if (text === undefined) return undefined;
  const { parseNat64Prefix } = await import('../../addr/nat64.js');
  return parseNat64Prefix(text);
}

export async function classifyAction(address: string | undefined, opts: OutputOpts & { readonly nat64?: string }): Promise<void> {
  const [{ classify: classifyText }, nat64] = await Promise.all([import('../../addr/classify.js'), nat64Of(opts.nat64)]);
  const classify = (line: string) => classifyText(line, nat64);
  if (opts.stdin === true) {
    noArgsWithStdin('classify', [address]);
    await stdinLines(opts.json, classify, async () => (await import('../render/classify-text.js')).renderClassifyLine);
    return;
  }
  if (address === undefined) throw new InputError(t().cli.classifyNeedsAddress);
  const c = classify(address);
  if (opts.json === true) {
    writeJson(c);
    return;
  }
  const { renderClassifyText } = await import('../render/classify-text.js');
  writeOut(renderClassifyText(c, useColor(), t().classify));
}

interface IpOpts extends OutputOpts {
  readonly nat64?: string;
  readonly fromInt?: string;
  readonly fromBinary?: string;
  readonly v6?: boolean;
}

export async function ipAction(address: string | undefined, opts: IpOpts): Promise<void> {
  const n = await import('../../addr/notation.js');
  const sources = [address !== undefined, opts.fromInt !== undefined, opts.fromBinary !== undefined, opts.stdin === true];
  if (sources.filter(Boolean).length > 1) {
    throw new InputError(t().cli.ipOneSource);
  }
  if (opts.nat64 !== undefined && (opts.fromInt !== undefined || opts.fromBinary !== undefined)) {
    throw new InputError(t().cli.ipNat64With);
  }
  const nat64 = await nat64Of(opts.nat64);
  if (opts.stdin === true) {
    const notation = (line: string) => n.notation(line, nat64);
    await stdinLines(opts.json, notation, async () => (await import('../render/notation-text.js')).renderNotationLine);
    return;
  }
  let result;
  if (opts.fromInt !== undefined) result = n.fromInteger(opts.fromInt, opts.v6 === true ? 6 : undefined);
  else if (opts.fromBinary !== undefined) result = n.fromBinary(opts.fromBinary);
  else if (address !== undefined) result = n.notation(address, nat64);
  else throw new InputError(t().cli.ipNeedsAddress);
  if (opts.json === true) {
    writeJson(result);
    return;
  }
  const { renderNotationText } = await import('../render/notation-text.js');
  writeOut(renderNotationText(result, t().ip));
}

export function registerAddressCommands(program: Command): void {
  program
    .command('subnet')
    .description('network, mask, broadcast, host range and the binary AND for an address and prefix')
    .argument('[address]', 'a.b.c.d/n, a.b.c.d/mask, a.b.c.d (with [mask]) or an IPv6 address/n')
    .argument('[mask]', 'dotted mask or /n when the address has no "/"')
    .option('--json', 'print JSON (JSON Lines with --stdin)')
    .option('--stdin', 'read one input per line from stdin')
    .action(subnetAction);

  program
    .command('same-segment')
    .description('are two addresses on the same network? the AND, step by step')
    .argument('<ip1>', 'first address, or <ip>/<prefix>')
    .argument('<ip2>', 'second address')
    .option('--mask <mask>', 'dotted mask or /prefix')
    .option('--json', 'print JSON')
    .action(sameSegmentAction);

  program
    .command('classify')
    .description('special-purpose ranges (IANA registries), scope, global and private')
    .argument('[address]', 'an IPv4 or IPv6 address')
    .option('--nat64 <prefix>', 'read IPv6 addresses under this NAT64 prefix (RFC 6052: /32, /40, /48, /56, /64 or /96)')
    .option('--json', 'print JSON (JSON Lines with --stdin)')
    .option('--stdin', 'read one address per line from stdin')
    .action(classifyAction);

  program
    .command('ip')
    .description('an address in every notation: integer, hex, binary, reverse DNS, RFC 5952')
    .argument('[address]', 'an IPv4 or IPv6 address')
    .option('--from-int <n>', 'convert an integer (decimal or 0x hex) back to an address')
    .option('--from-binary <bits>', 'convert 32 or 128 bits back to an address')
    .option('--v6', 'with --from-int: treat a small integer as IPv6')
    .option('--nat64 <prefix>', 'RFC 6052 under this NAT64 prefix: IPv4 in, the IPv6 address carrying it out; IPv6 in, its IPv4')
    .option('--json', 'print JSON (JSON Lines with --stdin)')
    .option('--stdin', 'read one address per line from stdin')
    .action(ipAction);
}
