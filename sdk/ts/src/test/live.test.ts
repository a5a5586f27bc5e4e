// Subscriptions across processes, with clients nobody here wrote: the npm graphql-ws client
// (through the SDK's createSubscriptionClient) and the graphql-sse client, connected to
// process B, follow runs started through process A. Both processes share a PostgreSQL
// schema; events travel over PostgreSQL LISTEN/NOTIFY, then over NATS.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import WebSocket from "ws";
import { createClient as createSSEClient } from "graphql-sse";
import { print } from "graphql";

import {
  createClient, createSubscriptionClient, FlowlineError, CreateWorkflowDocument, TriggerWorkflowDocument,
  ExecutionUpdatedDocument, type Request,
} from "../index";

const repo = resolve(__dirname, "../../../..");
const pgURL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test?sslmode=disable";
const natsURL = process.env.TEST_NATS_URL ?? "nats://127.0.0.1:4222";
const servers: ChildProcess[] = [];
let dir: string;
let bin: string;
let schema: string;
let databaseURL: string;
let token: string;
let unavailable = "";

function reachable(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((ok) => {
    const s = connect(Number(u.port), u.hostname);
    s.once("connect", () => { s.destroy(); ok(true); });
    s.once("error", () => ok(false));
  });
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

function flowline(args: string[]): string {
  return execFileSync(bin, args, { cwd: dir, env: { ...process.env, DATABASE_URL: databaseURL }, encoding: "utf8" });
}

/** Starts a server process with extra settings and waits until it is ready. */
async function start(env: Record<string, string>): Promise<string> {
  const port = await freePort();
  const p = spawn(bin, [], {
    cwd: dir,
    env: { ...process.env, ADDR: `127.0.0.1:${port}`, DATABASE_URL: databaseURL, POLL_INTERVAL: "100ms", LOG_LEVEL: "warn", RATE_LIMIT: "0", ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  servers.push(p);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) return `${base}/query`;
    } catch {
      // not listening yet
    }
    if (i > 300) throw new Error("server not ready");
    await new Promise((r) => setTimeout(r, 100));
  }
}

before(async () => {
  if (!(await reachable(pgURL.replace(/^postgres/, "http"))) || !(await reachable(natsURL.replace(/^nats/, "http")))) {
    unavailable = `PostgreSQL (${pgURL}) or NATS (${natsURL}) is unreachable`;
    if (process.env.CI) throw new Error(unavailable);
    console.error(`\n!!! ${unavailable}: the subscription tests are SKIPPED (set CI=true to fail) !!!\n`);
    return;
  }
  dir = mkdtempSync(join(tmpdir(), "flowline-live-"));
  bin = join(dir, "flowline");
  execFileSync("go", ["build", "-o", bin, "."], { cwd: repo, stdio: "inherit" });
  schema = `sdk_${randomBytes(6).toString("hex")}`;
  execFileSync("psql", [pgURL, "-qc", `CREATE SCHEMA ${schema}`]);
  databaseURL = `${pgURL}${pgURL.includes("?") ? "&" : "?"}search_path=${schema}`;
  flowline(["migrate"]);
  const out = flowline(["user", "create", "--email", "live@example.com", "--role", "ADMIN", "--token"]);
  token = out.match(/flw_[A-Za-z0-9_-]+/)![0];
});

after(() => {
  for (const s of servers) s.kill("SIGTERM");
  if (schema) execFileSync("psql", [pgURL, "-qc", `SET client_min_messages = warning; DROP SCHEMA ${schema} CASCADE`]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function workflow(request: Request, name: string): Promise<string> {
  const wf = await request(CreateWorkflowDocument, {
    input: { name, triggerType: "MANUAL", isActive: true, actions: [{ type: "CREATE_TASK", config: { title: "Follow up" } }] },
  });
  return wf.createWorkflow.id;
}

for (const bus of ["postgres", "nats"]) {
  test(`graphql-ws and SSE on process B follow a run started through process A (${bus} bus)`, async (t) => {
    if (unavailable) return t.skip(unavailable);
    const eventBus = bus === "postgres" ? "postgres" : `${natsURL}?subject=flowline.sdk.${randomBytes(4).toString("hex")}`;
    const a = await start({ ROLES: "api,worker", EVENT_BUS: eventBus });
    const b = await start({ ROLES: "api", EVENT_BUS: eventBus });
    const requestA = createClient({ url: a, token });
    const wf = await workflow(requestA, `Across (${bus})`);

    // graphql-ws, through the SDK.
    const live = createSubscriptionClient({ url: b, token, webSocketImpl: WebSocket });
    const wsStatuses: string[] = [];
    const wsDone = (async () => {
      for await (const ev of live.subscribe(ExecutionUpdatedDocument, { workflowId: wf })) {
        assert.equal(ev.executionUpdated.workflow.name, `Across (${bus})`);
        wsStatuses.push(ev.executionUpdated.status);
        if (ev.executionUpdated.status === "COMPLETED") return ev.executionUpdated.id;
      }
      throw new Error("the subscription ended before COMPLETED");
    })();

    // graphql-sse, in its distinct-connections mode (one POST per subscription).
    const sse = createSSEClient({ url: b, headers: { Authorization: `Bearer ${token}` }, singleConnection: false, retryAttempts: 0 });
    const sseStatuses: string[] = [];
    const sseDone = new Promise<string>((ok, fail) => {
      const stop = sse.subscribe<{ executionUpdated: { id: string; status: string } }>(
        { query: print(ExecutionUpdatedDocument), variables: { workflowId: wf } },
        {
          next: (r) => {
            if (r.errors?.length) return fail(new Error(JSON.stringify(r.errors)));
            sseStatuses.push(r.data!.executionUpdated.status);
            if (r.data!.executionUpdated.status === "COMPLETED") {
              stop();
              ok(r.data!.executionUpdated.id);
            }
          },
          error: fail,
          complete: () => undefined,
        },
      );
    });

    // Give both subscriptions a moment to register; a run that completes before one of
    // them does is still delivered by the server's sweep for final statuses.
    await new Promise((r) => setTimeout(r, 300));
    const run = await requestA(TriggerWorkflowDocument, { id: wf });
    const timeout = new Promise<never>((_, fail) => setTimeout(() => fail(new Error(`timeout: ws ${wsStatuses} sse ${sseStatuses}`)), 30_000));
    assert.equal(await Promise.race([wsDone, timeout]), run.triggerWorkflow.id);
    assert.equal(await Promise.race([sseDone, timeout]), run.triggerWorkflow.id);
    await live.dispose();
    sse.dispose();
  });
}

test("a bad token is refused over WebSocket and SSE", async (t) => {
  if (unavailable) return t.skip(unavailable);
  const b = await start({ ROLES: "api" });
  const live = createSubscriptionClient({ url: b, token: "flw_not-a-token", webSocketImpl: WebSocket });
  await assert.rejects(
    (async () => {
      for await (const _ of live.subscribe(ExecutionUpdatedDocument, {})) return;
    })(),
    (err: unknown) => err instanceof FlowlineError && err.code === "UNAUTHENTICATED",
  );
  await live.dispose();
  const sse = createSSEClient({ url: b, headers: { Authorization: "Bearer flw_not-a-token" }, singleConnection: false, retryAttempts: 0 });
  await assert.rejects(
    new Promise((ok, fail) => {
      sse.subscribe({ query: print(ExecutionUpdatedDocument), variables: {} }, { next: ok, error: fail, complete: () => ok(undefined) });
    }),
    (err: unknown) => String((err as { response?: { status?: number } })?.response?.status ?? err).includes("401"),
  );
  sse.dispose();
});
