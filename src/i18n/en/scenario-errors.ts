/**
 * Why a scenario, lab, probe or practice file is wrong (src/scenario/load.ts and the schemas): part of
 * the errors section (./errors.ts), so the core builds a Reason and the CLI words it in the chosen
 * language. Each English text is the one these errors have always printed.
 */
type S = string;
type Names = readonly S[];

/** A zod issue in the fields its code carries (zod 4's $ZodIssue), and the text zod gave it in English. */
export interface ZodIssueText {
  readonly en: S;
  readonly code: S;
  readonly origin?: S;
  readonly limit?: S;
  readonly inclusive?: boolean;
  readonly format?: S;
  /** invalid_format with format regex: the pattern, as zod shows it (`/^[a-z]+$/`). */
  readonly pattern?: S;
  readonly values?: Names;
  readonly input?: S;
  /** invalid_type: the type wanted and the one found (zod's names). */
  readonly expected?: S;
  readonly found?: S;
  /** unrecognized_keys: the keys. */
  readonly keys?: Names;
}

const typeName = (t: S): S => (t === 'object' ? 'a mapping' : t === 'array' ? 'a list' : t === 'undefined' ? 'nothing' : t === 'null' ? 'nothing (null)' : `a ${t}`);

export const scenarioErrors = {
  /** A YAML syntax error (the yaml package's code and English message; `col` is shown in zh only: en kept its form). */
  yamlSyntax: (y: { readonly file: S; readonly line: number; readonly col: number; readonly code: S; readonly en: S }) => `${y.file}:${y.line}: ${y.en}`,
  /** `x.yaml:5: steps[1].expect.c: <why>`; an empty path is the whole document. */
  fileIssue: (i: { readonly file: S; readonly line: number; readonly path: S; readonly why: S }) => `${i.file}:${i.line}: ${i.path || '(document)'}: ${i.why}`,
  fileEmpty: (want: S) => `the file is empty; expected ${want}`,
  fileNotMapping: (m: { readonly want: S; readonly found: S }) => `expected ${m.want}, found ${m.found}`,
  wantMapping: (keys: Names | undefined) => `a YAML mapping of key: value lines${keys === undefined ? '' : ` (${keys.join(', ')})`}`,
  foundNothing: 'nothing',
  foundList: 'a list',
  foundMapping: 'a mapping',
  foundValue: (v: { readonly type: S; readonly json: S }) => `the ${v.type} ${v.json}`,
  unknownKeys: (k: { readonly keys: Names; readonly valid: Names | undefined }) =>
    `unknown key${k.keys.length === 1 ? '' : 's'} ${k.keys.map((x) => `"${x}"`).join(', ')}${k.valid === undefined ? '' : k.valid.length === 0 ? ' (none are allowed here)' : ` (valid: ${k.valid.join(', ')})`}`,
  expectedType: (t: { readonly expected: S; readonly found: S | undefined }) => `expected ${typeName(t.expected)}${t.found === undefined ? '' : `, found ${typeName(t.found)}`}`,
  /** Any other zod issue: zod's English text (its "Invalid input: " cut), in zh made from the issue's fields. */
  zodIssue: (i: ZodIssueText) => i.en,
  /** A lab parameter: `handshake: holdMs: <why>`, the experiment named first. */
  labParam: (p: { readonly name: S; readonly path: S; readonly why: S }) => `${p.name}: ${p.path ? `${p.path}: ` : ''}${p.why}`,
  labUnknownParams: (k: { readonly keys: Names; readonly valid: Names | undefined; readonly name: S }) =>
    `unknown parameter${k.keys.length === 1 ? '' : 's'} ${k.keys.map((x) => `"${x}"`).join(', ')}${k.valid === undefined ? '' : k.valid.length === 0 ? ` (${k.name} takes no parameters)` : ` (valid: ${k.valid.join(', ')})`}`,
  // TCP scenarios (src/scenario/tcp.ts)
  badDuration: (v: S) => `bad duration ${v} (use 250ms, 30s, 2m, 2h or milliseconds)`,
  unknownState: (s: { readonly state: S; readonly states: Names }) => `unknown state ${s.state} (one of ${s.states.join(', ')})`,
  endpointName: 'endpoint names are letters, digits, - and _',
  flagsShape: 'flags are a string like "SYN,ACK" or a list like [SYN, ACK]',
  unknownFlags: (f: S) => `unknown flags ${f} (e.g. SYN, SYN,ACK, ACK, FIN,ACK, RST, RST,ACK, PSH,ACK)`,
  unknownAppError: (e: { readonly error: S; readonly errors: Names }) => `unknown error ${e.error} (one of ${e.errors.join(', ')})`,
  spoofedOnly: 'only spoofed floods are simulated (spoofed: true)',
  flagKeyTrap: (k: S) => `"${k}" is read as a key: inside { } a comma ends the value, so write flags: "SYN,${k}" in quotes or as a list [SYN, ${k}]`,
  zhChoicesNoChoices: 'zh.choices given but the English question has no choices',
  zhAnswerEnglish: (a: S) => `without zh.choices the answer must be the English one (${a})`,
  zhChoicesCount: (c: { readonly zh: number; readonly en: number }) => `${c.zh} zh choices for ${c.en} English ones (they pair by position)`,
  zhAnswerNotChoice: (a: S) => `${a} is not one of the zh choices`,
  zhAnswerPosition: (p: { readonly got: number; readonly want: number }) => `zh choice ${p.got} but the English answer is choice ${p.want}`,
  stepOneVerbShape: (verbs: Names) => `a step is a mapping with one verb (${verbs.join(', ')})`,
  stepVerbCount: (found: Names) => `a step has exactly one verb, found ${found.length ? found.join(', ') : 'none'}`,
  unknownVerb: (v: { readonly verb: S; readonly verbs: Names }) => `unknown verb "${v.verb}" (one of ${v.verbs.join(', ')})`,
  scenarioKebab: 'name is kebab-case (lost-final-ack)',
  twoEndpoints: 'a scenario needs at least two endpoints',
  unknownEndpoint: (e: { readonly name: S; readonly names: Names }) => `unknown endpoint "${e.name}" (endpoints: ${e.names.join(', ')})`,
  fromTo: (verb: S) => `with more than two endpoints, write ${verb}: {from, to}`,
  scriptedExpect: (k: S) => `"${k}" is scripted: it has no TCB, so no state to expect`,
  scriptedSpeaks: (k: S) => `"${k}" is scripted: it speaks only through inject steps`,
  // Window scenarios (src/scenario/window.ts)
  windowKebab: 'name is kebab-case (textbook-reno)',
  windowSendShape: 'send is { segments: n } or { bytes: n }',
  windowLossShape: 'a loss is one of { segment: n }, { seq: n }, { timeout: round }, { dupacks: round }, { update: n }, { rate: p, seed: n }',
  windowMss: 'mss is for unit: bytes (a segment is the unit otherwise)',
  windowSendSegments: 'with unit: segments, send { segments: n }',
  windowSendBytes: 'with unit: bytes, send { bytes: n }',
  // Lab scenarios (src/scenario/lab.ts)
  labState: (s: { readonly state: S; readonly states: Names }) => `unknown state "${s.state}" (one of ${s.states.join(', ')}, optionally ending in ?)`,
  socketName: 'a socket name: lower case, digits, -, or * as a wildcard',
  kebab: 'kebab-case',
  // Verify probes (src/scenario/verify.ts)
  clientName: 'a client name: lower case letters, digits and -',
  clientRef: 'a client name, or a prefix ending in * for every client it matches',
  hexBytes: 'hex digits, two per byte',
  checkName: 'a check name: lower case letters, digits and -',
  payloadOne: 'give exactly one of text, hex or frames',
  payloadOneOrEof: 'give exactly one of text, hex or frames, or eof: true',
  /** verify probes: transport and role. */
  udpVerbsOnly: (verbs: Names) => `a udp probe takes only ${verbs.join(', ')}`,
  datagramsNeedUdp: 'datagrams need transport: udp',
  clientRoleTcp: 'role: client is for tcp probes',
  clientRoleVerbsOnly: (verbs: Names) => `a role: client probe takes only ${verbs.join(', ')}`,
  verbNeedsClientRole: (verb: S) => `${verb} needs role: client`,
  clientRoleNeedsCommand: 'a role: client probe starts the program: give it after --, not --port',
  clientNotAccepted: (name: S) => `no client "${name}" was accepted at this step`,
  clientRoleReads: 'a role: client probe reads text or hex',
  udpStepsOnly: 'a udp probe has only datagrams and pause steps',
  // Practice banks (src/scenario/practice.ts; they ship with netkata, so a contributor reads these)
  bankNotEmpty: 'must not be empty',
  bankKebab: 'must be kebab-case (a-z, 0-9, "-")',
  bankAnswerChoice: (choices: Names) => `must be one of the choices (${choices.join(' | ')})`,
  bankZhChoicesCount: 'must list as many choices as the English ones, in the same order',
  bankZhChoicesMissing: 'a multiple-choice question needs its choices in Chinese too',
  bankZhAnswerChoice: 'must be one of zh.choices',
  bankChoiceCheck: 'a question with choices is checked as "choice"',
  bankUnknownGenerator: (known: Names) => `unknown generator (known: ${known.join(', ')})`,
  bankUnknownParam: (p: { readonly generator: S; readonly known: Names }) => `unknown parameter of ${p.generator} (${p.known.length ? `known: ${p.known.join(', ')}` : 'it takes none'})`,
  bankRangeShape: (r: { readonly min: number; readonly max: number }) => `expected a number or [min, max] within ${r.min}..${r.max}`,
  bankEmptyRange: (r: { readonly lo: number; readonly hi: number }) => `empty range [${r.lo}, ${r.hi}]`,
  bankOutsideRange: (r: { readonly lo: number; readonly hi: number; readonly min: number; readonly max: number }) => `[${r.lo}, ${r.hi}] is outside ${r.min}..${r.max}`,
  bankOptionsShape: (options: Names) => `expected one or more of: ${options.join(', ')}`,
  bankUnknownOption: (o: { readonly option: S; readonly options: Names }) => `unknown option "${o.option}" (known: ${o.options.join(', ')})`,
  bankUnknownTopic: (topics: Names) => `unknown topic (known: ${topics.join(', ')})`,
  bankDuplicateId: (prev: number) => `duplicate id (also questions[${prev}])`,
} as const;
