/**
 * `--help`: every command's and option's description, and commander's own words (its headings, the help
 * and version options, the `help` command). The English is what commander prints by itself and what
 * docs/cli.md shows; the zh help (src/cli/help-zh.ts) maps commander's headings, which are these English
 * strings, to the Chinese ones. Not in the shortcuts (subnet, exam): they never print help.
 */
export const help = {
  /** commander's headings (lib/help.js formatHelp), exactly as it writes them. */
  usage: 'Usage:',
  arguments: 'Arguments:',
  options: 'Options:',
  commands: 'Commands:',
  /** commander's defaults for the help option, the `help` command and --version. */
  helpOption: 'display help for command',
  helpCommand: 'display help for command',
  version: 'output the version number',
  /** After an option's description: commander's `(default: "10")`. */
  defaultValue: (value: string) => `(default: ${JSON.stringify(value)})`,

  program: {
    description: 'A terminal lab for network fundamentals: calculators, a TCP simulator, a socket lab, practice.',
    noColor: 'no ANSI colours (NO_COLOR is honoured too)',
    lang: 'language of the output, the app and practice: en or zh (default from LC_ALL, LC_MESSAGES or LANG)',
  },
  json: {
    plain: 'print JSON',
    lines: 'print JSON (JSON Lines with --stdin)',
    document: 'print one JSON document',
  },
  anAddress: 'an IPv4 or IPv6 address',
  stdinAddress: 'read one address per line from stdin',
  subnet: {
    description: 'network, mask, broadcast, host range and the binary AND for an address and prefix',
    address: 'a.b.c.d/n, a.b.c.d/mask, a.b.c.d (with [mask]) or an IPv6 address/n',
    mask: 'dotted mask or /n when the address has no "/"',
    stdin: 'read one input per line from stdin',
  },
  sameSegment: {
    description: 'are two addresses on the same network? the AND, step by step',
    ip1: 'first address, or <ip>/<prefix>',
    ip2: 'second address',
    mask: 'dotted mask or /prefix',
  },
  classify: {
    description: 'special-purpose ranges (IANA registries), scope, global and private',
    nat64: 'read IPv6 addresses under this NAT64 prefix (RFC 6052: /32, /40, /48, /56, /64 or /96)',
  },
  ip: {
    description: 'an address in every notation: integer, hex, binary, reverse DNS, RFC 5952',
    fromInt: 'convert an integer (decimal or 0x hex) back to an address',
    fromBinary: 'convert 32 or 128 bits back to an address',
    v6: 'with --from-int: treat a small integer as IPv6',
    nat64: 'RFC 6052 under this NAT64 prefix: IPv4 in, the IPv6 address carrying it out; IPv6 in, its IPv4',
  },
  port: {
    description: 'a port number or service name: its range (well-known, registered, dynamic) and IANA services',
    query: 'a port number 0-65535 or a service name such as https or dns',
  },
  mac: {
    description: 'a MAC address: normal form, OUI/NIC, multicast and local bits, modified EUI-64 and fe80:: address',
    mac: 'aa:bb:cc:dd:ee:ff, aa-bb-cc-dd-ee-ff or aabb.ccdd.eeff',
  },
  range: {
    description: 'the minimal list of CIDRs covering an inclusive address range',
    start: 'first address (or the whole range as start-end, the form aggregate reads)',
    end: 'last address (inclusive)',
  },
  aggregate: {
    description: 'merge CIDRs, addresses and start-end ranges (IPv4 and IPv6) into the minimal exact CIDR list',
    file: 'input file, one entry per line ("-" or none: standard input)',
    strict: 'reject CIDRs with host bits set (10.0.0.1/8) instead of reading them as their network',
  },
  split: {
    description: 'cut a block into subnets: equal ones by --prefix or --count, or VLSM by --hosts',
    cidr: 'the block to split, e.g. 192.168.1.0/24',
    prefix: 'every subnet of this prefix length (e.g. 26 or /26)',
    count: 'this many equal subnets (rounded up to a power of two)',
    hosts: 'VLSM: host needs, e.g. 50,20,10,2 (largest first, smallest block that fits)',
  },
  tcp: {
    description: 'the RFC 9293 TCP simulator: run scenarios, replay captures, list them, show the endpoint machine',
    run: 'run a scenario (a file or a built-in name): ladder diagram, or --json; exit 1 if an expectation failed',
    scenario: 'scenario file or built-in name (see netkata tcp list)',
    runJson: 'print the run as one JSON document',
    pcap: 'also write the segments as a pcapng file (tshark/Wireshark); a dropped segment carries the packet comment "netkata: DROPPED"',
    runProfile: "endpoint profile: rfc9293 or linux (default: the scenario's, else rfc9293)",
    list: 'built-in scenarios with their titles',
    listJson: 'print as JSON',
    states: 'the endpoint machine: every state and transition, read from the machine itself',
    mermaid: 'print a Mermaid stateDiagram-v2',
    statesJson: 'print the transitions as JSON',
    statesProfile: 'rfc9293 (default) or linux',
    replay: "a capture file (pcap, pcapng, .gz) through the endpoint machine: connections, both ends' states, anomalies",
    replayFile: 'capture file: pcap or pcapng (Ethernet, VLAN, Linux cooked, BSD loopback, raw IP), gzip too',
    replayConnection: "only connection n (numbered as tshark's tcp.stream: 0, 1, ...)",
    replayPort: 'only connections with this port at either end',
    replayHost: 'only connections with this address at either end',
    replayProfile: 'endpoint profile: linux (default) or rfc9293',
    replayJson: 'print the summary and ladders as one JSON document',
    replayMermaid: "print one connection's ladder as a Mermaid sequenceDiagram",
  },
  verify: {
    description: "start a program (or use one already running), run a probe's clients against it on loopback, and check its sockets' kernel TCP states",
    command: 'the program to start, after --; {port} in its arguments (and PORT in its environment) is the port it must listen on',
    probe: 'a built-in probe (echo, close-behaviour, framing, concurrent, file, udp-echo; client-close for a client program) or a probe file (.yaml)',
    port: 'test a program already listening on this port instead of starting one',
    json: 'print the report as one JSON document',
    timeout: "bound on the probe's steps (default: the probe's timeout)",
    startTimeout: 'how long the program has to start listening',
  },
  watch: {
    description: "follow this machine's TCP sockets live (/proc/net/tcp, tcp6): each transition as it happens, each sequence checked against the endpoint machine",
    port: 'only sockets with this local or remote port',
    pid: 'only sockets of this process and its children (their file descriptors, /proc/PID/fd)',
    state: (states: string) => `only transitions from or to these states (${states})`,
    interval: 'time between two reads of the tables',
    for: 'stop after this long (default: until Ctrl-C)',
    json: 'JSON Lines: one object per transition, then the summary',
  },
  lab: {
    description: "real sockets on loopback, with the kernel's TCP states read from /proc/net/tcp and checked against the endpoint machine",
    experiment: 'an experiment name, or "list"',
    json: 'print the report as one JSON document',
    timeout: 'give up (and close every socket) after this many ms',
    compare: 'replay the same actions in the simulator (linux profile), side by side',
    period: 'target polling period of /proc/net/tcp, ms',
    ipv6: 'use ::1 instead of 127.0.0.1',
    param: "override a parameter of the experiment's scenario (scenarios/lab/<name>.yaml)",
    capture: 'also record the segments on lo with dumpcap (root), feed them to the machine and check it against the kernel; keep the pcap in <file>',
    /** The first line of the experiments list after the options. */
    experiments: 'Experiments (netkata lab list; parameters in scenarios/lab/<name>.yaml, set with --param):',
  },
  practice: {
    description: 'practise: seeded questions with verdicts, working and explanations; progress is saved',
    topic: (topics: string) => `one of: ${topics}`,
    seed: 'replay exactly these questions (0-4294967295)',
    count: 'number of questions',
    check: 'line mode: exit 1 if any answer is wrong or input ends before the last question',
    stats: 'show accuracy, streaks and what is due when (FSRS) per topic, then exit',
    json: 'with --stats: one JSON document {now, topics, schedule}',
    /** After the options of practice and exam: --lang is the program's option. */
    lang: 'Language: --lang en|zh (before or after the command; default from LC_ALL, LC_MESSAGES or LANG)',
  },
  exam: {
    description: 'print an exam and its answer key (Markdown, or JSON with --json)',
    seed: 'seed (a random one is chosen and printed when omitted)',
    json: 'one JSON document: {seed, questions: [{id, topic, prompt, answer, accepts, explanation}]}',
  },
} as const;
