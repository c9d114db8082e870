/** OSC settings from the environment: off unless set, checked with a sentence when wrong (O2). */
import { describe, expect, it } from 'vitest';
import { oscConfigFrom } from '../../server/osc/config';

describe('OSC configuration', () => {
  it('[O2] nothing set: OSC in and out are off, the role would be MC', () => {
    expect(oscConfigFrom({})).toEqual({ ok: true, config: { port: null, role: 'mc', out: null } });
  });

  it('[O2] OSC_PORT, OSC_ROLE and OSC_OUT (host:port, IPv6 in brackets) are read', () => {
    expect(oscConfigFrom({ OSC_PORT: '53001', OSC_ROLE: 'AV', OSC_OUT: '192.168.1.30:53000' })).toEqual({
      ok: true, config: { port: 53001, role: 'av', out: { host: '192.168.1.30', port: 53000 } },
    });
    expect(oscConfigFrom({ OSC_OUT: '[::1]:9000' })).toMatchObject({ ok: true, config: { out: { host: '::1', port: 9000 } } });
  });

  it('[O2] bad values stop the start with a reason', () => {
    expect(oscConfigFrom({ OSC_PORT: '70000' })).toMatchObject({ ok: false });
    expect(oscConfigFrom({ OSC_ROLE: 'viewer' })).toMatchObject({ ok: false, message: expect.stringMatching(/OSC_ROLE must be mc or av/) });
    expect(oscConfigFrom({ OSC_OUT: 'qlab.local' })).toMatchObject({ ok: false, message: expect.stringMatching(/host:port/) });
    expect(oscConfigFrom({ OSC_OUT: 'qlab.local:99999' })).toMatchObject({ ok: false });
  });
});
