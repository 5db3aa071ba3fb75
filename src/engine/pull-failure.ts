// What a failed pull means for the user, in words (docs/images.md, "Failed pulls"): the engine's own
// message, then which registry refused what, and what to do about it.
import { referenceParts, type PullError } from '../runtime/pull.js';
import { formatMs } from './attempt.js';

/** The message of a pull that failed for good: the engine's words, then what they mean for the user. */
export function describePullFailure(ref: string, f: PullError, attempts: number, stallMs: number): string {
  const head = `pulling ${ref}: ${f.message}`;
  switch (f.kind) {
    case 'unauthorized': {
      const login = f.registry === 'docker.io' ? 'docker login' : `docker login ${f.registry}`;
      const sent =
        f.credentialSource !== undefined
          ? `the credentials from ${f.credentialSource} were refused`
          : `no credentials for ${f.registry} were found${f.configFile ? ` in ${f.configFile}` : ''}`;
      return (
        `${head} — registry ${f.registry} refused the pull (${sent}); log in before initsteps runs ` +
        `(\`${login}\`, in a workflow a docker/login-action step) and check the image name`
      );
    }
    case 'notFound': {
      const { repository, tag, digest } = referenceParts(ref);
      const what = digest !== undefined ? `digest ${digest}` : `tag "${tag ?? 'latest'}"`;
      return `${head} — ${what} of ${repository} is not in registry ${f.registry}`;
    }
    case 'unreachable':
      return `${head} — registry ${f.registry} is unreachable`;
    case 'stalled':
      return `pulling ${ref}: registry ${f.registry} sent nothing for ${formatMs(stallMs)}; the pull was stopped`;
    case 'transient':
      return `${head} (gave up after ${attempts} attempts)`;
    case 'other':
      return head;
  }
}
