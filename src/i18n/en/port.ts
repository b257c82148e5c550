/** `netkata port` text output. Service descriptions and alias notes are IANA's and netkata's data (English). */
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
} as const;
