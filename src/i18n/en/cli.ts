/**
 * The CLI's own one-line errors and notes (src/cli/main.ts, io.ts, the command files): commander's
 * usage errors, an unknown command, a missing subcommand, a bad --lang. Each is the text after
 * `netkata: `; the `<input>: ` before it is added by the error writer.
 */
export const cli = {
  unknownOption: 'unknown option',
  missingArgument: (name: string) => `missing required argument '${name}'`,
  optionMissingArgument: 'argument missing',
  tooManyArguments: (n: { readonly expected: number; readonly got: number }) =>
    `too many arguments. Expected ${n.expected} argument${n.expected === 1 ? '' : 's'} but got ${n.got}.`,
  didYouMean: (names: string) => `(Did you mean ${names}?)`,
  notCommand: 'not a command',
  notGroupCommand: (group: string) => `not a ${group} command`,
  /** Follows notCommand: the hint when no command is near. */
  listThem: (where: string) => ` (${where} --help lists them)`,
  /** Follows notCommand: the nearest command. */
  didYouMeanCommand: (name: string) => `; did you mean ${name}?`,
  whichOne: (names: string) => `which one? a subcommand is missing: ${names}`,
  unknownLanguage: 'unknown language (use en or zh)',
  needsTerminal: 'interactive mode needs a terminal (try netkata --help)',
  stdinNoArgs: (command: string) => `${command} --stdin reads its inputs from stdin; give no address arguments`,
  subnetNeedsAddress: 'subnet needs an address, e.g. 192.168.12.87/24 (or --stdin)',
  classifyNeedsAddress: 'classify needs an address, e.g. ::ffff:127.0.0.1 (or --stdin)',
  ipNeedsAddress: 'ip needs an address, --from-int <n>, --from-binary <bits> or --stdin',
  ipOneSource: 'give one of: an address, --from-int, --from-binary or --stdin',
  ipNat64With: '--nat64 goes with an address or --stdin, not with --from-int or --from-binary',
  rangeNeedsEnd: 'range needs <start> <end>, or one argument <start>-<end>',
  splitHow: 'say how to split: --prefix <n>, --count <n> or --hosts <list>',
  splitOne: (got: readonly string[]) => `choose one of --prefix, --count, --hosts (got ${got.join(' and ')})`,
  cannotRead: (why: string) => `cannot read: ${why}`,
  /** A bad line of `--stdin` in text mode: `<line>\terror: <why>`. */
  stdinError: 'error',
  internalError: (what: string) => `internal error: ${what} (set NETKATA_DEBUG=1 for details)`,
  unknownTopic: (topics: string) => `unknown topic (topics: ${topics})`,
  jsonOnlyWithStats: 'only goes with --stats (practice itself is interactive)',
  wrongAnswers: (n: { readonly wrong: number; readonly answered: number }) => `${n.wrong} of ${n.answered} answers wrong`,
  inputEnded: (n: { readonly answered: number; readonly asked: number }) => `input ended after ${n.answered} of ${n.asked} questions`,
  /** src/cli/fs-reason.ts: why a file could not be read or written. */
  noSuchFile: 'no such file',
  isDirectory: 'is a directory',
  permissionDenied: 'permission denied',
  /** `netkata lab` and `netkata tcp`: their options' bad values. */
  paramKeyValue: 'a parameter is key=value',
  wholeNumber: (w: { readonly option: string; readonly max: number }) => `${w.option} must be a whole number from 1 to ${w.max}`,
  noCaptureDirectory: 'no such directory for the capture file',
  unknownProfile: (profiles: readonly string[]) => `unknown profile (${profiles.join(' or ')})`,
  cannotWritePcap: (why: string) => `cannot write pcap: ${why}`,
  pcapWindow: '--pcap is for segment-level scenarios; a window scenario runs in rounds',
  noFileGiven: 'no file given',
  noScenario: 'no such scenario file or built-in scenario (try netkata tcp list)',
  /** Before a warning's text: `netkata: warning: <text>`. */
  warning: 'warning: ',
} as const;
