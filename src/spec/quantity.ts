// Kubernetes-style quantities (cpu, memory/capacity) and Docker-style port strings.

export const CPU_PATTERN = '^(\\d+(?:\\.\\d+)?|\\d+m)$';
export const MEMORY_PATTERN = '^(\\d+(?:\\.\\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|k|K|M|G|T|P|E)?$';
const CPU = new RegExp(CPU_PATTERN);
const MEMORY = new RegExp(MEMORY_PATTERN);
const MEMORY_FACTOR: Record<string, number> = {
  '': 1,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
  k: 1e3,
  K: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/** Nano-CPUs ("500m" = 5e8, "2" = 2e9); undefined when invalid or not positive. */
export function parseCpu(text: string): number | undefined {
  const s = text.trim();
  if (!CPU.test(s)) return undefined;
  const nano = s.endsWith('m') ? Number(s.slice(0, -1)) * 1e6 : Number(s) * 1e9;
  return Number.isSafeInteger(Math.round(nano)) && nano > 0 ? Math.round(nano) : undefined;
}

/** Bytes ("512Mi", "1G", "1000"); undefined when invalid or not positive. */
export function parseMemory(text: string): number | undefined {
  const m = MEMORY.exec(text.trim());
  if (!m) return undefined;
  const bytes = Math.round(Number(m[1]) * (MEMORY_FACTOR[m[2] ?? ''] ?? NaN));
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}

export interface ParsedPort {
  containerPort: number;
  hostIp?: string;
  hostPort?: number;
  protocol?: 'tcp' | 'udp';
}

// [ip:][hostPort:]containerPort[/proto]; an ip needs the hostPort slot (possibly empty: "127.0.0.1::3000").
export const PORT_PATTERN =
  '^(?:(?:(\\[[0-9a-fA-F:.]+\\]|[0-9.]+):(\\d*):)|(?:(\\d+):))?(\\d+)(?:/([tT][cC][pP]|[uU][dD][pP]))?$';
const PORT = new RegExp(PORT_PATTERN);

const portNumber = (s: string): number | undefined => {
  const n = Number(s);
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? n : undefined;
};

/** A port string as in docs/spec.md (`"3000"`, `"13000:3000"`, `"127.0.0.1:13000:3000/udp"`). */
export function parsePort(text: string): ParsedPort | undefined {
  const m = PORT.exec(text.trim());
  if (!m) return undefined;
  const [, ip, ipHostPort, hostPortOnly, container, proto] = m;
  const containerPort = portNumber(container ?? '');
  if (containerPort === undefined) return undefined;
  const hostText = ip !== undefined ? ipHostPort : hostPortOnly;
  const hostPort = hostText ? portNumber(hostText) : undefined;
  if (hostText && hostPort === undefined) return undefined;
  return {
    containerPort,
    ...(ip !== undefined ? { hostIp: ip.replace(/^\[|\]$/g, '') } : {}),
    ...(hostPort !== undefined ? { hostPort } : {}),
    ...(proto ? { protocol: proto.toLowerCase() as 'tcp' | 'udp' } : {}),
  };
}
