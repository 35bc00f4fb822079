import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Hub } from '../../../electron/server/hub';
import { openTestApp, type TestApp } from '../../support/services';
import { freePort, makeHub, VENUE } from '../../support/sede';

/** The organizer's screen shows the QR code of the hub's own address: the status carries it. */
describe('Modo sede: the QR code of the hub address in the status', () => {
  let app: TestApp;
  let hub: Hub;

  beforeEach(async () => {
    app = await openTestApp();
    hub = makeHub(app);
  });
  afterEach(async () => {
    await hub.close();
    app.close();
  });

  it('is an SVG of the current address while the mode is on, and null while off', async () => {
    expect(await app.call('sede.status', {})).toMatchObject({ on: false, url: null, qrSvg: null });

    const first = await app.call('sede.start', { address: VENUE, port: await freePort() });
    expect(first.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect((await app.call('sede.status', {})).qrSvg).toBe(first.qrSvg);

    // Another port is another address: another code.
    await app.call('sede.stop', {});
    expect((await app.call('sede.status', {})).qrSvg).toBeNull();
    const second = await app.call('sede.start', { address: VENUE, port: await freePort() });
    expect(second.url).not.toBe(first.url);
    expect(second.qrSvg).toMatch(/^<svg/);
    expect(second.qrSvg).not.toBe(first.qrSvg);
  });
});
