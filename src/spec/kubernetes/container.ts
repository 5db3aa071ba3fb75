// One container of a pod → a ContainerSpec: image, command, user, env, mounts, resources, and the
// securityContext (pod-level defaults, what needs --allow-privileged) (docs/kubernetes.md#mapping).
import type { ContainerSpec, SecurityContext } from '../model.js';
import { parseCpu, parseMemory } from '../quantity.js';
import { GATED_CAPABILITIES } from '../rules.js';
import { containerEnv } from './env.js';
import type { LMap } from './located.js';
import type { Reader } from './reader.js';
import { ALLOW_HINT, NOT_YET, texts, type Context, type PodContext } from './shared.js';
import { mounts } from './volumes.js';

/** A container; `isMain` is false for an init container (its ports publish nothing). */
export function container(t: Context, c: LMap, pod: PodContext, isMain: boolean): ContainerSpec {
  const { r } = t;
  const name = r.str(c, 'name');
  if (name === undefined && !c.entries.has('name')) r.problem(c, 'missing required field `name`');
  const image = r.str(c, 'image');
  if (image === undefined && !c.entries.has('image')) r.problem(c, 'missing required field `image`');
  const command = texts(r, c, 'command');
  const args = texts(r, c, 'args');
  const workingDir = r.str(c, 'workingDir');
  const security = r.map(c, 'securityContext');
  const sc = securityContext(r, t.options.allowPrivileged, security, pod, name ?? '?');
  const user = (security && runAs(r, security)) ?? pod.podUser;
  if (security) r.ignoreRest(security, 'container securityContext');
  const env = containerEnv(t, c, pod);
  const volumes = mounts(r, c, pod.volumes);
  const res = r.map(c, 'resources');
  const limits = res && r.map(res, 'limits');
  const cpu = limits && r.text(limits, 'cpu');
  const memory = limits && r.text(limits, 'memory');
  const nanoCpus = cpu !== undefined ? parseCpu(cpu) : undefined;
  const memoryBytes = memory !== undefined ? parseMemory(memory) : undefined;
  if (cpu !== undefined && nanoCpus === undefined)
    r.problem(limits?.entries.get('cpu')?.value ?? c, `"${cpu}" is not a CPU quantity`);
  if (memory !== undefined && memoryBytes === undefined)
    r.problem(limits?.entries.get('memory')?.value ?? c, `"${memory}" is not a quantity`);
  if (limits) r.ignoreRest(limits, 'resources.limits');
  if (res) r.ignoreRest(res, 'container resources');
  if (!isMain) r.entry(c, 'ports'); // an init container's ports publish nothing in Kubernetes either
  return {
    ...(image !== undefined && { image }),
    ...(command && { command }),
    ...(args && { args }),
    ...(workingDir !== undefined && { workingDir }),
    ...(user !== undefined && { user }),
    env,
    volumes,
    securityContext: sc,
    resources: {
      ...(nanoCpus !== undefined && { nanoCpus }),
      ...(memoryBytes !== undefined && { memoryBytes }),
    },
  };
}

/** The pod's `securityContext`: the user and seccomp profile its containers default to. */
export function podSecurity(
  r: Reader,
  allowPrivileged: boolean,
  pod: LMap,
): Pick<PodContext, 'podUser' | 'podSeccomp'> {
  const sc = r.map(pod, 'securityContext');
  const podUser = sc ? runAs(r, sc) : undefined;
  const podSeccomp = sc ? seccomp(r, allowPrivileged, sc) : undefined;
  if (sc) r.ignoreRest(sc, 'pod securityContext');
  return { podUser, podSeccomp };
}

function runAs(r: Reader, sc: LMap): string | undefined {
  const uid = r.int(sc, 'runAsUser');
  const gid = r.int(sc, 'runAsGroup');
  return uid === undefined ? undefined : gid === undefined ? String(uid) : `${uid}:${gid}`;
}

function seccomp(
  r: Reader,
  allowPrivileged: boolean,
  sc: LMap,
): SecurityContext['seccompProfile'] | undefined {
  const profile = r.map(sc, 'seccompProfile');
  if (!profile) return undefined;
  const type = r.str(profile, 'type');
  r.ignoreRest(profile, 'seccompProfile');
  if (type === 'RuntimeDefault' || type === undefined) return undefined;
  if (type === 'Unconfined') {
    if (!allowPrivileged) {
      r.problem(r.keyAt(profile, 'type'), `seccompProfile type Unconfined; ${ALLOW_HINT}`);
    }
    return { type: 'Unconfined' };
  }
  r.problem(
    r.keyAt(profile, 'type'),
    `seccompProfile type ${type} is ${NOT_YET}: RuntimeDefault and Unconfined are`,
  );
  return undefined;
}

function securityContext(
  r: Reader,
  allowPrivileged: boolean,
  sc: LMap | undefined,
  pod: PodContext,
  container: string,
): SecurityContext {
  const out: SecurityContext = {
    ...(pod.podSeccomp && { seccompProfile: pod.podSeccomp }),
    capAdd: [],
    capDrop: [],
    privileged: false,
  };
  if (!sc) return out;
  const profile = seccomp(r, allowPrivileged, sc);
  if (profile) out.seccompProfile = profile;
  if (r.bool(sc, 'privileged') === true) {
    if (!allowPrivileged) {
      r.problem(r.keyAt(sc, 'privileged'), `container "${container}": privileged; ${ALLOW_HINT}`);
    }
    out.privileged = true;
  }
  const caps = r.map(sc, 'capabilities');
  if (caps) {
    const names = (field: string) =>
      (r.list(caps, field)?.items ?? []).flatMap((i) => {
        const text = r.textOf(i);
        return text === undefined ? [] : [{ text, node: i }];
      });
    for (const { text, node } of names('add')) {
      if (GATED_CAPABILITIES.has(text.toUpperCase().replace(/^CAP_/, '')) && !allowPrivileged) {
        r.problem(
          node,
          `container "${container}": capability ${text} reaches past the container; ${ALLOW_HINT}`,
        );
      }
      out.capAdd.push(text);
    }
    out.capDrop = names('drop').map((n) => n.text);
    r.ignoreRest(caps, 'capabilities');
  }
  return out;
}
