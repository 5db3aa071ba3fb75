// Reading a pull from the engine's words: the kind of a failure (on messages dockerd 20.10 gave against
// a real registry and the test proxy), the bytes of a pull, and the digest that ran.
import { describe, expect, it } from 'vitest';
import {
  classifyPullFailure,
  digestFor,
  digestOf,
  familiarRepository,
  PullTally,
  referenceParts,
} from '../../../src/runtime/pull.js';

describe('classifyPullFailure', () => {
  it.each([
    ['Head "http://127.0.0.1:45123/v2/t/busybox/manifests/1": no basic auth credentials', 'unauthorized'],
    ['unauthorized: authentication required', 'unauthorized'],
    [
      "pull access denied for private/app, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
      'unauthorized',
    ],
    ['manifest for 127.0.0.1:45124/t/busybox:nope not found: manifest unknown: manifest unknown', 'notFound'],
    [
      'Get "http://127.0.0.1:45199/v2/": dial tcp 127.0.0.1:45199: connect: connection refused',
      'unreachable',
    ],
    ['Get "https://nowhere.invalid/v2/": dial tcp: lookup nowhere.invalid: no such host', 'unreachable'],
    ['received unexpected HTTP status: 503 Service Unavailable', 'transient'],
    ['toomanyrequests: You have reached your pull rate limit', 'transient'],
    ['Head "http://127.0.0.1:33505/v2/probe/app/manifests/1": EOF', 'transient'],
    ['read tcp 127.0.0.1:1->127.0.0.1:2: read: connection reset by peer', 'transient'],
    [
      'error pulling image configuration: download failed after attempts=6: received unexpected HTTP status: 500 Internal Server Error',
      'transient',
    ],
    ['write /var/lib/docker/tmp/x: no space left on device', 'other'],
  ])('%s → %s', (message, kind) => expect(classifyPullFailure(message)).toBe(kind));
});

describe('PullTally', () => {
  it('sums downloading layers by bytes and finished or present layers whole', () => {
    const t = new PullTally();
    t.add({ status: 'Pulling from t/app' });
    t.add({ layer: 'aaaaaaaaaaaa', status: 'Pulling fs layer' });
    t.add({ layer: 'bbbbbbbbbbbb', status: 'Pulling fs layer' });
    t.add({ layer: 'aaaaaaaaaaaa', status: 'Downloading', current: 100, total: 1000 });
    t.add({ layer: 'bbbbbbbbbbbb', status: 'Downloading', current: 50, total: 500 });
    expect(t.bytes()).toEqual({ done: 150, total: 1500 });
    t.add({ layer: 'bbbbbbbbbbbb', status: 'Download complete' });
    t.add({ layer: 'aaaaaaaaaaaa', status: 'Downloading', current: 700, total: 1000 });
    expect(t.bytes()).toEqual({ done: 1200, total: 1500 });
  });
});

describe('digests', () => {
  const d = `sha256:${'1'.repeat(64)}`;
  it('reads the announced digest', () => {
    expect(digestOf({ status: `Digest: ${d}` })).toBe(d);
    expect(digestOf({ status: 'Pull complete', layer: 'aaaaaaaaaaaa' })).toBeUndefined();
  });

  it('picks the RepoDigest of the reference’s own repository', () => {
    const other = `sha256:${'2'.repeat(64)}`;
    const repoDigests = [`127.0.0.1:5001/t/app@${other}`, `127.0.0.1:5000/t/app@${d}`];
    expect(digestFor('127.0.0.1:5000/t/app:1', repoDigests)).toBe(d);
    expect(digestFor('docker.io/library/busybox:latest', [`busybox@${d}`])).toBe(d);
    expect(digestFor(`x/app@${other}`, [])).toBe(other);
    expect(digestFor('local:1', [], d)).toBe(d);
    expect(digestFor('local:1', [])).toBeUndefined();
  });

  it('splits references', () => {
    expect(referenceParts('127.0.0.1:5000/t/app')).toEqual({
      repository: '127.0.0.1:5000/t/app',
      tag: 'latest',
    });
    expect(referenceParts('app:1')).toEqual({ repository: 'app', tag: '1' });
    expect(referenceParts(`app@${d}`)).toEqual({ repository: 'app', digest: d });
    expect(familiarRepository('docker.io/library/busybox')).toBe('busybox');
  });
});
