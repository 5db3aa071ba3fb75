import { describe, expect, it } from 'vitest';
import { RunResults } from '../../../src/engine/results.js';
import type { RunEvent } from '../../../src/engine/types.js';
import { service } from '../../support/model.js';

const db = service({
  name: 'db',
  replicas: 2,
  command: ['sleep', '1'],
  steps: [
    { name: 'initdb', command: ['true'] },
    { name: 'migrate', command: ['true'] },
  ],
});

function results() {
  const events: RunEvent[] = [];
  const r = new RunResults((e) => events.push(e));
  r.add(db);
  return { r, events };
}

describe('RunResults', () => {
  it('starts every service, instance and step Pending, in spec order', () => {
    const { r } = results();
    expect(r.services().map((s) => [s.name, s.status, s.instances.map((i) => i.status)])).toEqual([
      ['db', 'Pending', ['Pending', 'Pending']],
    ]);
    expect(r.steps().map((s) => `${s.instance}/${s.step}:${s.status}`)).toEqual([
      'db-0/initdb:Pending',
      'db-0/migrate:Pending',
      'db-1/initdb:Pending',
      'db-1/migrate:Pending',
    ]);
  });

  it('announces each status change as it records it', () => {
    const { r, events } = results();
    const inst = db.instances[1];
    if (!inst) throw new Error('no db-1');
    r.setInstance(db, inst, 'Failed', 'StartFailed', 'main container: no such image');
    r.setService('db', 'Failed', 'StartFailed', 'db-1: main container: no such image');
    expect(r.instance('db', 'db-1')).toMatchObject({ status: 'Failed', reason: 'StartFailed' });
    expect(r.service('db')).toMatchObject({
      status: 'Failed',
      message: 'db-1: main container: no such image',
    });
    expect(events).toEqual([
      {
        type: 'service-status',
        service: 'db',
        instance: 'db-1',
        status: 'Failed',
        reason: 'StartFailed',
        message: 'main container: no such image',
      },
      {
        type: 'service-status',
        service: 'db',
        status: 'Failed',
        reason: 'StartFailed',
        message: 'db-1: main container: no such image',
      },
    ]);
  });

  it('says why the steps from one on will not run', () => {
    const { r } = results();
    const inst = db.instances[0];
    if (!inst) throw new Error('no db-0');
    r.notRun(inst, 1, 'dependency "cache" failed');
    expect(r.step('db-0', 'initdb').message).toBeUndefined();
    expect(r.step('db-0', 'migrate').message).toBe('not run: dependency "cache" failed');
  });

  it('treats a result it does not have as a bug, and finds none for a service it does not try', () => {
    const { r } = results();
    expect(() => r.step('db-0', 'seed')).toThrow('internal: no result for step db-0/seed');
    expect(() => r.instance('db', 'db-2')).toThrow('internal: no result for instance db-2');
    expect(r.findService('cache')).toBeUndefined();
  });
});
