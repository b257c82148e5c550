import { ALIAS_NOTES_EN } from '../alias-notes.js';

/**
 * `netkata port` text output. Service descriptions are IANA's data (English). The alias notes are
 * netkata's: `alias.note` in `--json` is the English one here (src/addr/port.ts), the text output the
 * language's.
 */
export const port = {
  range: {
    'well-known': 'well-known (system) port, 0-1023',
    registered: 'registered (user) port, 1024-49151',
    dynamic: 'dynamic (private, ephemeral) port, 49152-65535: never assigned by IANA',
  },
  reserved: 'reserved by IANA; binding to port 0 asks the OS for any free ephemeral port',
  duplicateOf: (name: string) => ` (IANA: duplicate of ${name})`,
  noService: "no service in netkata's table (a subset of the IANA registry)",
  notServiceName: (a: { readonly name: string; readonly note: string }) => `"${a.name}" is not an IANA service name: ${a.note}`,
  footer: '(IANA records who registered a number, not what listens on it)',
  /** Everyday service words that are not IANA names (src/addr/services.ts SERVICE_ALIASES): what IANA calls them. */
  aliasNotes: ALIAS_NOTES_EN,
} as const;
