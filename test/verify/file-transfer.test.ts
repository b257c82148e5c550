/**
 * The `file` probe's reading of a transfer (src/verify/file-transfer.ts), fed bytes cut at every point.
 * The checksum is FIPS 180-2's own SHA-256 example ("abc", appendix B.1), not one computed here.
 */
import { describe, expect, it } from 'vitest';
import { examineFile } from '../../src/verify/file-transfer.js';

const ABC_SHA256 = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

/** 4-byte big-endian length (network byte order, RFC 1700's "big-endian"), written out byte by byte. */
function transfer(header: string, body: string): Buffer {
  const h = Buffer.from(header, 'utf8');
  return Buffer.concat([Buffer.from([(h.length >>> 24) & 255, (h.length >>> 16) & 255, (h.length >>> 8) & 255, h.length & 255]), h, Buffer.from(body, 'latin1')]);
}
const good = transfer(`{"name":"abc.txt","size":3,"sha256":"${ABC_SHA256}"}`, 'abc');

describe('examineFile', () => {
  it('accepts the whole transfer only once the sender ended it, whatever the cut', () => {
    for (let n = 0; n < good.length; n++) {
      expect(examineFile(good.subarray(0, n), false).settled, `cut at ${n}`).toBe(false);
      expect(examineFile(good.subarray(0, n), true).why, `ended at ${n}`).toMatch(/^(header|short)$/);
    }
    expect(examineFile(good, false)).toMatchObject({ settled: false, sha256: ABC_SHA256 });
    const r = examineFile(good, true);
    expect(r).toMatchObject({ settled: true, header: { name: 'abc.txt', size: 3 }, bytes: 3, sha256: ABC_SHA256 });
    expect(r.why).toBeUndefined();
  });

  it('names each fault: checksum, extra bytes, no header, a header without its keys', () => {
    expect(examineFile(transfer(`{"name":"abc.txt","size":3,"sha256":"${ABC_SHA256}"}`, 'abd'), true).why).toBe('checksum');
    expect(examineFile(Buffer.concat([good, Buffer.from('!')]), false)).toMatchObject({ settled: true, why: 'extra' });
    expect(examineFile(Buffer.from('abcdefgh'), false)).toMatchObject({ settled: true, why: 'header', problem: { code: 'length', hex: '61626364' } });
    expect(examineFile(transfer('{"name":"a","size":3}', 'abc'), true)).toMatchObject({ why: 'header', problem: { code: 'missing', keys: 'sha256' } });
    expect(examineFile(transfer('not json', 'abc'), true)).toMatchObject({ why: 'header', problem: { code: 'json', n: 8 } });
    expect(examineFile(transfer(`{"name":"a","size":-1,"sha256":"${ABC_SHA256}"}`, ''), true)).toMatchObject({ why: 'header', problem: { code: 'size' } });
  });
});
