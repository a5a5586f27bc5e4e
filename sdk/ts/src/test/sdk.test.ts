// Runs the SDK against a real Flowline server: the binary built from this checkout, on a fresh
// embedded database, with the development admin's token it prints at its first start.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import {
  createClient, FlowlineError, MeDocument, CreateClientDocument, CreateWorkflowDocument,
  TriggerWorkflowDocument, GetExecutionDocument, type Request, type WorkflowStep,
} from "../index";

const repo = resolve(__dirname, "../../../..");
let server: ChildProcess;
let dir: string;
let url: string;
let request: Request;

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

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "flowline-sdk-"));
  const bin = join(dir, "flowline");
  execFileSync("go", ["build", "-o", bin, "."], { cwd: repo, stdio: "inherit" });
  const port = await freePort();
  url = `http://127.0.0.1:${port}/query`;
  server = spawn(bin, [], {
    cwd: dir,
    env: { ...process.env, ADDR: `127.0.0.1:${port}`, DATABASE_URL: `sqlite:${join(dir, "flowline.db")}`, POLL_INTERVAL: "100ms", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const token = await new Promise<string>((ok, fail) => {
    let out = "";
    const timer = setTimeout(() => fail(new Error(`no development token printed:\n${out}`)), 60_000);
    server.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/Bearer (flw_[A-Za-z0-9_-]+)/);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
    server.once("exit", (code) => fail(new Error(`server exited with ${code}:\n${out}`)));
  });
  request = createClient({ url, token });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(url.replace("/query", "/readyz"))).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 300) throw new Error("server not ready");
    await new Promise((r) => setTimeout(r, 100));
  }
});

after(() => {
  server?.kill("SIGTERM");
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("a query, a mutation and a run through the SDK", async () => {
  const me = await request(MeDocument);
  assert.equal(me.me.role, "ADMIN");

  const client = await request(CreateClientDocument, { input: { name: "Ada", email: "ada@example.com", tags: ["vip"] } });
  // The step is typed by the definition language's JSON Schema (WorkflowStep) as an editor
  // would build it, then sent as the GraphQL input.
  const step: WorkflowStep = {
    key: "vip", type: "IF", config: { conditions: { field: "tags", operator: "contains", value: "vip" } },
    then: [{ type: "CREATE_TASK", config: { title: "Call {{client.name}}" } }],
    else: [{ type: "STOP", config: { reason: "not a VIP" } }],
  };
  const wf = await request(CreateWorkflowDocument, {
    input: {
      name: "VIP follow-up", triggerType: "MANUAL", isActive: true,
      actions: [{
        key: step.key, type: "IF", config: step.config,
        then: [{ type: "CREATE_TASK", config: { title: "Call {{client.name}}" } }],
        else: [{ type: "STOP", config: { reason: "not a VIP" } }],
      }],
    },
  });
  assert.equal(wf.createWorkflow.actions[0].then?.[0].type, "CREATE_TASK");

  const run = await request(TriggerWorkflowDocument, { id: wf.createWorkflow.id, clientId: client.createClient.id });
  let status = run.triggerWorkflow.status;
  let logs: { branch: string | null; status: string }[] = [];
  for (let i = 0; i < 300 && status !== "COMPLETED" && status !== "FAILED"; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const got = await request(GetExecutionDocument, { id: run.triggerWorkflow.id });
    if (got.node && "status" in got.node) {
      status = got.node.status;
      logs = (got.node.logs.edges ?? []).map((e) => ({ branch: e!.node!.branch, status: e!.node!.status }));
    }
  }
  assert.equal(status, "COMPLETED");
  assert.deepEqual(logs.map((l) => l.branch), [null, "then"]);
});

test("errors carry their code and problems", async () => {
  await assert.rejects(
    request(CreateWorkflowDocument, {
      input: { name: "bad", triggerType: "MANUAL", actions: [{ type: "LOG_ACTIVITY", config: { message: "{{steps.nope.output.x}}" } }] },
    }),
    (err: unknown) => err instanceof FlowlineError && err.code === "VALIDATION_FAILED" &&
      !!err.errors[0].extensions?.problems?.some((p) => p.path === "/actions/0/config/message"),
  );
});
