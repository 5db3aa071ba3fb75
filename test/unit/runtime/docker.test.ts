import { describe, expect, it } from 'vitest';
import { dockerEndpoint, dockerMessage, remoteHostOf } from '../../../src/runtime/docker.js';

describe('endpoints', () => {
  it('uses DOCKER_HOST, else the default socket', () => {
    expect(dockerEndpoint({})).toBe('/var/run/docker.sock');
    expect(dockerEndpoint({ DOCKER_HOST: 'tcp://10.0.0.5:2376' })).toBe('tcp://10.0.0.5:2376');
  });

  it('knows a remote engine by its host and a socket as local', () => {
    expect(remoteHostOf('/var/run/docker.sock')).toBeUndefined();
    expect(remoteHostOf('unix:///run/user/1000/docker.sock')).toBeUndefined();
    expect(remoteHostOf('npipe:////./pipe/docker_engine')).toBeUndefined();
    expect(remoteHostOf('tcp://10.0.0.5:2376')).toBe('10.0.0.5');
    expect(remoteHostOf('ssh://me@build-host')).toBe('build-host');
    expect(remoteHostOf('tcp://[fd00::1]:2375')).toBe('fd00::1');
  });
});

describe('dockerMessage', () => {
  it("prefers the daemon's own message", () => {
    const e = Object.assign(new Error('(HTTP code 404) unexpected - No such image: x '), {
      json: { message: 'No such image: x' },
    });
    expect(dockerMessage(e)).toBe('No such image: x');
    expect(dockerMessage(new Error(' plain '))).toBe('plain');
  });
});
