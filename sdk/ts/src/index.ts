// Flowline's TypeScript SDK: every operation in ../go/operations as a typed document node
// (MeDocument, CreateWorkflowDocument, ...) with its result and variables types, and a client
// that runs them with an API token.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { createClient as createWsClient } from "graphql-ws";

export * from "./gql/graphql";
/** The definition language (from /schema/workflow-definition.json): a whole definition and one step. */
export type { FlowlineWorkflowDefinition as WorkflowDefinition, Step as WorkflowStep, Condition as WorkflowCondition } from "./definition";

/** One GraphQL error as Flowline sends it: extensions.code names the kind. */
export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; problems?: { path: string; message: string }[]; [key: string]: unknown };
}

/** A request that answered errors (or a non-JSON HTTP failure). */
export class FlowlineError extends Error {
  constructor(readonly errors: GraphQLErrorShape[], readonly status: number) {
    super(errors.map((e) => e.message).join("; "));
    this.name = "FlowlineError";
  }
  /** The first error's extensions.code (VALIDATION_FAILED, NOT_FOUND, ...). */
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

export interface ClientOptions {
  /** The GraphQL endpoint, e.g. http://localhost:8080/query. */
  url: string;
  /** An API token (flw_...) or a session token from login. */
  token?: string;
  fetch?: typeof fetch;
}

/** A function that runs typed documents against Flowline. */
export type Request = <R, V>(document: TypedDocumentNode<R, V>, variables?: V) => Promise<R>;

export function createClient(opts: ClientOptions): Request {
  const doFetch = opts.fetch ?? fetch;
  return async <R, V>(document: TypedDocumentNode<R, V>, variables?: V): Promise<R> => {
    const headers: Record<string, string> = { "Content-Type": "application/json", Accept: "application/json" };
    if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
    const res = await doFetch(opts.url, {
      method: "POST",
      headers,
      body: JSON.stringify({ query: print(document), variables: variables ?? {} }),
    });
    let body: { data?: R | null; errors?: GraphQLErrorShape[] };
    try {
      body = (await res.json()) as typeof body;
    } catch {
      throw new FlowlineError([{ message: `HTTP ${res.status} without a GraphQL answer` }], res.status);
    }
    if (body.errors?.length) throw new FlowlineError(body.errors, res.status);
    if (body.data == null) throw new FlowlineError([{ message: "no data in the answer" }], res.status);
    return body.data;
  };
}

export interface SubscriptionClientOptions {
  /** The GraphQL endpoint, e.g. http://localhost:8080/query (http is turned into ws). */
  url: string;
  /** An API token (flw_...) or a session token, sent in connection_init. */
  token?: string;
  /** A WebSocket implementation where there is no global one (Node 20: the ws package). */
  webSocketImpl?: unknown;
}

/** Runs typed subscription documents over one WebSocket (graphql-transport-ws). */
export interface SubscriptionClient {
  /** The events of a subscription, until the server completes it or the loop breaks. */
  subscribe<R, V>(document: TypedDocumentNode<R, V>, variables?: V): AsyncIterableIterator<R>;
  /** Closes the connection. */
  dispose(): Promise<void>;
}

export function createSubscriptionClient(opts: SubscriptionClientOptions): SubscriptionClient {
  const client = createWsClient({
    url: opts.url.replace(/^http/, "ws"),
    connectionParams: opts.token ? { Authorization: `Bearer ${opts.token}` } : undefined,
    webSocketImpl: opts.webSocketImpl,
    lazy: true,
    retryAttempts: 0,
  });
  return {
    subscribe<R, V>(document: TypedDocumentNode<R, V>, variables?: V): AsyncIterableIterator<R> {
      const it = client.iterate<R>({ query: print(document), variables: (variables ?? {}) as Record<string, unknown> });
      const next = async (): Promise<IteratorResult<R>> => {
        let res: IteratorResult<{ data?: R | null; errors?: readonly unknown[] }>;
        try {
          res = (await it.next()) as typeof res;
        } catch (err) {
          throw asFlowlineError(err);
        }
        if (res.done) return { done: true, value: undefined };
        if (res.value.errors?.length) throw new FlowlineError(res.value.errors as GraphQLErrorShape[], 200);
        return { done: false, value: res.value.data as R };
      };
      const self: AsyncIterableIterator<R> = {
        next,
        return: async () => {
          await it.return?.();
          return { done: true, value: undefined };
        },
        [Symbol.asyncIterator]: () => self,
      };
      return self;
    },
    dispose: async () => {
      await client.dispose();
    },
  };
}

/** A refused connection (close event) or protocol error as a FlowlineError. */
function asFlowlineError(err: unknown): FlowlineError {
  if (Array.isArray(err)) return new FlowlineError(err as GraphQLErrorShape[], 200);
  const close = err as { code?: number; reason?: string };
  if (typeof close?.code === "number") {
    const code = close.code === 4403 ? "UNAUTHENTICATED" : close.code === 4429 ? "TOO_MANY_SUBSCRIPTIONS" : undefined;
    return new FlowlineError([{ message: close.reason || `connection closed (${close.code})`, extensions: { code } }], close.code);
  }
  return new FlowlineError([{ message: err instanceof Error ? err.message : String(err) }], 0);
}
