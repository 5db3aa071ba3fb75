// Docker's archive endpoints and image IDs, for the volume cache: tar out of and into a created (never
// started) container's mounts, so no helper process and no extra image is needed.
import type { Readable } from 'node:stream';
import Docker from 'dockerode';
import { dockerMessage } from './docker.js';

export interface ArchiveClient {
  /** The image's ID (`sha256:...`), undefined when the engine does not have it. */
  imageId(ref: string): Promise<string | undefined>;
  /** `GET /containers/{id}/archive`: a tar whose single top-level entry is `path`'s basename. */
  getArchive(containerId: string, path: string): Promise<Readable>;
  /** `PUT /containers/{id}/archive`: extract `tar` under `path`, keeping the owners and modes it carries. */
  putArchive(containerId: string, path: string, tar: Readable): Promise<void>;
}

const statusOf = (e: unknown): number | undefined =>
  typeof e === 'object' && e !== null && 'statusCode' in e && typeof e.statusCode === 'number'
    ? e.statusCode
    : undefined;

/** A client for the engine at `endpoint` (a socket path, or anything else: dockerode reads DOCKER_HOST). */
export function dockerArchiveClient(endpoint: string): ArchiveClient {
  const socketPath = endpoint.startsWith('unix://') ? endpoint.slice('unix://'.length) : endpoint;
  const docker = socketPath.startsWith('/') ? new Docker({ socketPath }) : new Docker();
  return {
    async imageId(ref) {
      try {
        return (await docker.getImage(ref).inspect()).Id;
      } catch (e: unknown) {
        if (statusOf(e) === 404) return undefined;
        throw new Error(dockerMessage(e));
      }
    },
    async getArchive(containerId, path) {
      try {
        return (await docker.getContainer(containerId).getArchive({ path })) as Readable;
      } catch (e: unknown) {
        throw new Error(`reading ${path}: ${dockerMessage(e)}`);
      }
    },
    async putArchive(containerId, path, tar) {
      try {
        // No copyUIDGID: the owners in the tar are kept, not replaced by the container user's.
        await docker.getContainer(containerId).putArchive(tar, { path });
      } catch (e: unknown) {
        throw new Error(`writing ${path}: ${dockerMessage(e)}`);
      }
    },
  };
}
