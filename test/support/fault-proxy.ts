// A fault-injecting HTTP proxy between the AWS SDK (--endpoint-url) and the moto emulator, for the
// faults the emulator cannot produce: IAM denials (moto enforces no IAM), malformed 200s, 5xx,
// hangs, slow answers and a dead upstream. Loopback only, started and stopped by the test.

import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createNetServer, type Socket } from "node:net";

/** The AWS operation a request calls, as the three wire protocols the scan uses name it. */
export interface ProxiedCall {
  /** DescribeUserPool, GetRole, GetRestApis... */
  readonly operation: string;
  readonly protocol: "json" | "query" | "rest";
}

export type Fault =
  | { readonly kind: "pass" }
  /** AccessDenied as the service's protocol returns it. */
  | { readonly kind: "deny" }
  | { readonly kind: "status"; readonly status: number; readonly body?: string }
  /** HTTP 200 with an empty body. */
  | { readonly kind: "empty" }
  /** Accepts the request and never answers. */
  | { readonly kind: "hang" }
  /** Forwards the request after a pause. */
  | { readonly kind: "delay"; readonly ms: number };

export type FaultPlan = (call: ProxiedCall) => Fault;

export interface FaultProxy {
  readonly url: string;
  /** Replaces the plan for the requests that follow. */
  setPlan(plan: FaultPlan): void;
  /** Operations seen since the last reset, in order. */
  readonly calls: ProxiedCall[];
  close(): Promise<void>;
}

const JSON_TARGET = /^[A-Za-z0-9_]+\.(\w+)$/;

/** API Gateway's REST routes that the scan reads, by path shape. */
function restOperation(method: string, path: string): string {
  const p = path.split("?")[0]!;
  if (/^\/restapis\/?$/.test(p)) return method === "GET" ? "GetRestApis" : `${method} ${p}`;
  if (/^\/restapis\/[^/]+\/authorizers\/?$/.test(p)) return method === "GET" ? "GetAuthorizers" : `${method} ${p}`;
  if (/^\/restapis\/[^/]+\/resources\/?$/.test(p)) return method === "GET" ? "GetResources" : `${method} ${p}`;
  return `${method} ${p}`;
}

export function identifyCall(req: IncomingMessage, body: string): ProxiedCall {
  const target = req.headers["x-amz-target"];
  if (typeof target === "string") return { operation: JSON_TARGET.exec(target)?.[1] ?? target, protocol: "json" };
  const contentType = String(req.headers["content-type"] ?? "");
  if (req.method === "POST" && contentType.startsWith("application/x-www-form-urlencoded")) {
    return { operation: new URLSearchParams(body).get("Action") ?? "(no Action)", protocol: "query" };
  }
  return { operation: restOperation(req.method ?? "GET", req.url ?? "/"), protocol: "rest" };
}

/** The body and headers AWS sends for an explicit deny, per protocol (JSON 1.1, IAM query, REST-JSON). */
function denial(call: ProxiedCall): { status: number; headers: Record<string, string>; body: string } {
  const message = `User: arn:aws:sts::123456789012:assumed-role/authwarden-scanner/nightly is not authorized to perform: ${call.operation} because no identity-based policy allows the action`;
  if (call.protocol === "query")
    return {
      status: 403,
      headers: { "content-type": "text/xml" },
      body: `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>${message}</Message></Error><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>`,
    };
  if (call.protocol === "rest")
    return {
      status: 403,
      headers: { "content-type": "application/json", "x-amzn-errortype": "AccessDeniedException" },
      body: JSON.stringify({ message }),
    };
  return {
    status: 400,
    headers: { "content-type": "application/x-amz-json-1.1", "x-amzn-errortype": "AccessDeniedException" },
    body: JSON.stringify({ __type: "AccessDeniedException", message }),
  };
}

export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const target = new URL(upstream);
  let plan: FaultPlan = () => ({ kind: "pass" });
  const calls: ProxiedCall[] = [];
  const sockets = new Set<Socket>();

  const forward = (req: IncomingMessage, body: Buffer, res: ServerResponse) => {
    const upstreamReq = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
        upstreamRes.pipe(res);
      },
    );
    // A dead upstream: the client sees its connection dropped, as it would through a real network.
    upstreamReq.on("error", () => res.socket?.destroy());
    upstreamReq.end(body);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const call = identifyCall(req, body.toString("utf8"));
      calls.push(call);
      const fault = plan(call);
      switch (fault.kind) {
        case "pass":
          return forward(req, body, res);
        case "deny": {
          const d = denial(call);
          res.writeHead(d.status, { ...d.headers, "x-amzn-requestid": "00000000-0000-0000-0000-000000000000" });
          return res.end(d.body);
        }
        case "status":
          res.writeHead(fault.status, { "content-type": "application/json" });
          return res.end(fault.body ?? "");
        case "empty":
          res.writeHead(200, { "content-type": "application/x-amz-json-1.1", "content-length": "0" });
          return res.end();
        case "hang":
          return;
        case "delay": {
          const timer = setTimeout(() => forward(req, body, res), fault.ms);
          res.on("close", () => clearTimeout(timer));
          return;
        }
      }
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((res) => server.listen(0, "127.0.0.1", res));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    setPlan: (next) => {
      plan = next;
      calls.length = 0;
    },
    calls,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((res) => server.close(res));
    },
  };
}

/** A deterministic pseudo-random sequence (mulberry32), so "80% of calls fail" is the same calls on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface SilentServer {
  readonly port: number;
  readonly url: string;
  readonly close: () => Promise<void>;
}

/**
 * A hang the emulator cannot play: a loopback TCP server that accepts every connection and never
 * answers (a stuck endpoint, or instance metadata that is unreachable but not refused).
 */
export async function startSilentServer(): Promise<SilentServer> {
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((res) => server.listen(0, "127.0.0.1", res));
  const { port } = server.address() as { port: number };
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((res) => server.close(res));
    },
  };
}
