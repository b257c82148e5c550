import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { useColor, writeJson, writeOut } from '../io.js';
import { cliLang, t } from '../text.js';
import type { LineEncoder } from './addr-stdin.js';
import type { Messages } from '../../i18n/en/index.js';

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

export async function sameSegmentAction(ip1: string, ip2: string, opts: OutputOpts & { readonly mask?: string }): Promise<void> {
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

export function registerAddressCommands(program: Command, h: Messages['help']): void {
  program
    .command('subnet')
    .description(h.subnet.description)
    .argument('[address]', h.subnet.address)
    .argument('[mask]', h.subnet.mask)
    .option('--json', h.json.lines)
    .option('--stdin', h.subnet.stdin)
    .action(subnetAction);

  program
    .command('same-segment')
    .description(h.sameSegment.description)
    .argument('<ip1>', h.sameSegment.ip1)
    .argument('<ip2>', h.sameSegment.ip2)
    .option('--mask <mask>', h.sameSegment.mask)
    .option('--json', h.json.plain)
    .action(sameSegmentAction);

  program
    .command('classify')
    .description(h.classify.description)
    .argument('[address]', h.anAddress)
    .option('--nat64 <prefix>', h.classify.nat64)
    .option('--json', h.json.lines)
    .option('--stdin', h.stdinAddress)
    .action(classifyAction);

  program
    .command('ip')
    .description(h.ip.description)
    .argument('[address]', h.anAddress)
    .option('--from-int <n>', h.ip.fromInt)
    .option('--from-binary <bits>', h.ip.fromBinary)
    .option('--v6', h.ip.v6)
    .option('--nat64 <prefix>', h.ip.nat64)
    .option('--json', h.json.lines)
    .option('--stdin', h.stdinAddress)
    .action(ipAction);
}
