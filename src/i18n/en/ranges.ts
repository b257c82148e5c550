/** The stderr summaries of `netkata range` and `netkata aggregate` (stdout carries only CIDRs). */
export const ranges = {
  rangeNote: (r: { readonly start: string; readonly end: string; readonly count: string; readonly cidrs: number }) =>
    `# ${r.start} - ${r.end}: ${r.count} addresses in ${r.cidrs} CIDR${r.cidrs === 1 ? '' : 's'}`,
  aggregateNote: (a: { readonly inputs: number; readonly cidrs: number }) =>
    `# ${a.inputs} input${a.inputs === 1 ? '' : 's'} -> ${a.cidrs} CIDR${a.cidrs === 1 ? '' : 's'}`,
  hostBitsNote: (h: { readonly count: number; readonly line: number; readonly input: string; readonly network: string }) =>
    `# ${h.count} input${h.count === 1 ? ' had' : 's had'} host bits set and ${h.count === 1 ? 'was' : 'were'} read as the network (line ${h.line}: ${h.input} -> ${h.network}); --strict rejects them`,
  readingTerminal: 'netkata aggregate: reading entries from the terminal, one per line; end with Ctrl-D',
} as const;
