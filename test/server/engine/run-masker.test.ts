import { describe, expect, it } from 'vitest';
import { RunMasker } from '../../../server/engine/run-masker.js';

describe('the run masker', () => {
  it('masks each cookie value of 8 or more characters on its own and leaves shorter ones', () => {
    const masker = new RunMasker().note({ cookie: 'session=abcdefgh123; theme=dark' });
    expect(masker.text('echo abcdefgh123 theme=dark')).toBe('echo **** theme=dark');
  });

  it('masks a Basic credential as sent, decoded, and its password in base64 and percent-encoding', () => {
    const password = 'p@ss word/123';
    const masker = new RunMasker().note({ Authorization: `Basic ${Buffer.from(`me:${password}`).toString('base64')}` });
    const shown = masker.text(`${password} ${Buffer.from(password).toString('base64')} ${encodeURIComponent(password)} me:${password}`);
    expect(shown).toBe('**** **** **** ****');
  });

  it('masks credential-named query values in any URL, whatever their length, and no other parameter', () => {
    const masker = new RunMasker();
    expect(masker.text('GET /x?Token=a&page=2&code=xyz#k')).toBe('GET /x?Token=****&page=2&code=****#k');
    expect(masker.text('GET /x?monkey=banana')).toBe('GET /x?monkey=banana');
  });

  it('replaces the value under a credential header name in details whatever its length', () => {
    expect(new RunMasker().value({ headers: { 'X-Api-Key': 'short', accept: '*/*' } })).toEqual({ headers: { 'X-Api-Key': '****', accept: '*/*' } });
  });
});
