/**
 * Full-width input from an IME (Unicode's Halfwidth and Fullwidth Forms, U+FF01-U+FF5E: each is its
 * ASCII character + 0xFEE0) is refused by name, with the ASCII form, in every parser a person types
 * into: addresses, CIDRs, MACs, ports. The full-width text is built here from that offset, not by the
 * code under test; the ASCII form must then parse to what the ASCII input gives.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { macInfo } from '../../src/addr/mac.js';
import { parseAddress, parseCidr } from '../../src/addr/parse.js';
import { lookupPort } from '../../src/addr/port.js';
import { subnet } from '../../src/addr/subnet.js';

const fullWidth = (ascii: string): string => [...ascii].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');

function reasonOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).message;
  }
  throw new Error('accepted');
}

describe('full-width input', () => {
  it.each(['192.168.1.1', '10.0.0.255', '2001:db8::1', 'fe80::1:2'])('address %s typed full-width is named, with its ASCII form', (ascii) => {
    const typed = fullWidth(ascii);
    const why = reasonOf(() => parseAddress(typed));
    expect(why).toMatch(/^full-width character ".*" \(U\+FF[0-9A-F]{2}; is the input method in full-width mode\?\): in ASCII that is /);
    const shown = why.slice(why.lastIndexOf(' ') + 1);
    expect(shown).toBe(ascii);
    expect(parseAddress(shown).value).toBe(parseAddress(ascii).value);
  });

  it('one full-width character among ASCII ones is enough (the first is named)', () => {
    expect(reasonOf(() => parseAddress(`192.168.1${fullWidth('.')}1`))).toMatch(/^full-width character "．" \(U\+FF0E;.*in ASCII that is 192\.168\.1\.1$/);
    expect(reasonOf(() => parseCidr(`${fullWidth('192.168.1.0')}/24`))).toMatch(/in ASCII that is 192\.168\.1\.0$/);
    // The ideographic full stop a Chinese IME types for "." is not a full-width form; it is named too.
    expect(reasonOf(() => parseAddress('192。168。1。1'))).toMatch(/"。" \(U\+3002;.*in ASCII that is 192\.168\.1\.1$/);
  });

  it('a whole CIDR typed full-width: its ASCII form gives the same subnet', () => {
    const why = reasonOf(() => parseCidr(fullWidth('192.168.1.77/26')));
    const shown = why.slice(why.lastIndexOf(' ') + 1);
    expect(shown).toBe('192.168.1.77/26');
    expect(subnet(parseCidr(shown)).network).toBe('192.168.1.64');
  });

  it('MAC and port: named full-width, not "mixed separators" or "not a service name"', () => {
    expect(reasonOf(() => macInfo(`${fullWidth('ff')}:ff:ff:ff:ff:ff`))).toMatch(/^full-width character "ｆ" \(U\+FF46;.*in ASCII that is ff:ff:ff:ff:ff:ff$/);
    expect(reasonOf(() => lookupPort(fullWidth('80')))).toMatch(/in ASCII that is 80$/);
    expect(reasonOf(() => lookupPort(fullWidth('https')))).toMatch(/in ASCII that is https$/);
  });
});
