import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LiveProject, type LiveConnection, type LiveHandlers, type LiveStatus } from "./live-project";
import type {
  ProjectChange,
  ProjectJoined,
  ProjectPresence,
  ProjectVersion,
  SegmentNavigation,
} from "./types";

const projectId = "p1";

/** Answers a hub method is given: a value, or a promise the test settles itself. */
type Responder = (...args: unknown[]) => Promise<unknown>;

/** A stand-in for SignalR's HubConnection that the test drives: pushes, drops, reconnects, answers. */
class FakeConnection implements LiveConnection {
  state: "disconnected" | "connected" | "reconnecting" = "disconnected";
  starts = 0;
  failStarts = 0;
  readonly calls: Array<{ method: string; args: unknown[] }> = [];
  readonly responders = new Map<string, Responder>();
  private readonly handlers = new Map<string, (payload: never) => void>();
  private readonly reconnectingCallbacks: Array<() => void> = [];
  private readonly reconnectedCallbacks: Array<() => void> = [];
  private readonly closeCallbacks: Array<() => void> = [];

  async start(): Promise<void> {
    this.starts++;
    if (this.failStarts > 0) {
      this.failStarts--;
      throw new Error("Failed to complete negotiation with the server");
    }
    this.state = "connected";
  }

  async stop(): Promise<void> {
    if (this.state !== "disconnected") {
      this.close();
    }
  }

  invoke<T>(method: string, ...args: unknown[]): Promise<T> {
    this.calls.push({ method, args });
    if (this.state !== "connected") {
      return Promise.reject(new Error("Cannot send data if the connection is not in the 'Connected' State."));
    }
    const respond = this.responders.get(method);
    return (respond ? respond(...args) : Promise.resolve(undefined)) as Promise<T>;
  }

  on(methodName: string, handler: (payload: never) => void): void {
    this.handlers.set(methodName, handler);
  }

  onreconnecting(callback: () => void): void {
    this.reconnectingCallbacks.push(callback);
  }

  onreconnected(callback: () => void): void {
    this.reconnectedCallbacks.push(callback);
  }

  onclose(callback: () => void): void {
    this.closeCallbacks.push(callback);
  }

  push(method: "changed", payload: ProjectChange): void;
  push(method: "presence", payload: ProjectPresence): void;
  push(method: "navigate", payload: SegmentNavigation): void;
  push(method: "versionClosed", payload: ProjectVersion): void;
  push(method: string, payload: unknown): void {
    this.handlers.get(method)?.(payload as never);
  }

  drop(): void {
    this.state = "reconnecting";
    this.reconnectingCallbacks.forEach((c) => c());
  }

  reconnect(): void {
    this.state = "connected";
    this.reconnectedCallbacks.forEach((c) => c());
  }

  close(): void {
    this.state = "disconnected";
    this.closeCallbacks.forEach((c) => c());
  }

  called(method: string): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }
}

function change(sequence: number): ProjectChange {
  return {
    sequence,
    projectId,
    streamId: "s1",
    type: "segment_coded",
    actor: "a1",
    at: "2025-05-01T10:00:00Z",
    data: { projectId },
  };
}

function joined(missed: number[], currentSequence = Math.max(0, ...missed), more = false): ProjectJoined {
  return { currentSequence, missed: missed.map(change), more };
}

/** A promise and the function that resolves it, to hold a JoinProject in flight. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

let connection: FakeConnection;
let delivered: number[][];
let statuses: LiveStatus[];
let errors: string[];
let presences: ProjectPresence[];
let navigations: SegmentNavigation[];
let versions: number[];
let resyncs: number;
let handlers: LiveHandlers;

function live(): LiveProject {
  return new LiveProject(projectId, handlers, { connectionFactory: () => connection });
}

/** Lets pending promise callbacks run (timers are fake). */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  connection = new FakeConnection();
  connection.responders.set("JoinProject", () => Promise.resolve(joined([])));
  delivered = [];
  statuses = [];
  errors = [];
  presences = [];
  navigations = [];
  versions = [];
  resyncs = 0;
  handlers = {
    onChanges: (changes) => delivered.push(changes.map((c) => c.sequence)),
    onPresence: (p) => presences.push(p),
    onNavigate: (n) => navigations.push(n),
    onVersionClosed: (v) => versions.push(v.number),
    onResync: () => resyncs++,
    onStatus: (s) => statuses.push(s),
    onError: (m) => errors.push(m),
  };
});

afterEach(() => {
  vi.useRealTimers();
});

describe("LiveProject", () => {
  it("joins from the loaded sequence and delivers what was missed", async () => {
    connection.responders.set("JoinProject", () => Promise.resolve(joined([11, 12])));
    await live().start(10);
    expect(connection.called("JoinProject")).toEqual([[projectId, 10]]);
    expect(delivered).toEqual([[11, 12]]);
    expect(statuses).toEqual(["connecting", "live"]);
  });

  it("started without a sequence, takes changes from the project's current sequence on", async () => {
    const join = deferred<ProjectJoined>();
    connection.responders.set("JoinProject", () => join.promise);
    const project = live();
    const started = project.start(null);
    await settle();
    connection.push("changed", change(41));
    connection.push("changed", change(43));
    join.resolve(joined([], 42));
    await started;
    expect(connection.called("JoinProject")).toEqual([[projectId, null]]);
    expect(delivered).toEqual([[43]]);
    connection.drop();
    connection.reconnect();
    await settle();
    expect(connection.called("JoinProject")).toEqual([
      [projectId, null],
      [projectId, 43],
    ]);
  });

  it("drops duplicates and changes at or below the last sequence", async () => {
    await live().start(10);
    connection.push("changed", change(11));
    connection.push("changed", change(11));
    connection.push("changed", change(9));
    connection.push("changed", change(12));
    expect(delivered).toEqual([[11], [12]]);
  });

  it("ignores changes of another project", async () => {
    await live().start(0);
    connection.push("changed", { ...change(5), projectId: "p2" });
    expect(delivered).toEqual([]);
  });

  it("holds changes pushed during the join and delivers them after the catch-up, in order, once", async () => {
    const join = deferred<ProjectJoined>();
    connection.responders.set("JoinProject", () => join.promise);
    const started = live().start(3);
    await settle();
    connection.push("changed", change(7));
    connection.push("changed", change(5));
    expect(delivered).toEqual([]);
    join.resolve(joined([4, 5, 6], 6));
    await started;
    expect(delivered).toEqual([[4, 5, 6, 7]]);
  });

  it("catches up once after a reconnect and re-sends the open source", async () => {
    const project = live();
    project.openSource("s1");
    await project.start(10);
    connection.push("changed", change(11));
    connection.drop();
    expect(statuses.at(-1)).toBe("reconnecting");

    connection.responders.set("JoinProject", () => Promise.resolve(joined([11, 12, 13])));
    connection.reconnect();
    connection.push("changed", change(13));
    await settle();
    connection.push("changed", change(12));

    expect(connection.called("JoinProject")).toEqual([
      [projectId, 10],
      [projectId, 11],
    ]);
    expect(delivered).toEqual([[11], [12, 13]]);
    expect(statuses).toEqual(["connecting", "live", "reconnecting", "live"]);
    expect(connection.called("OpenSource")).toEqual([
      [projectId, "s1"],
      [projectId, "s1"],
    ]);
  });

  it("asks for a resync when too much was missed, then goes on from the current sequence", async () => {
    connection.responders.set("JoinProject", () => Promise.resolve(joined([6, 7], 5000, true)));
    await live().start(5);
    expect(resyncs).toBe(1);
    expect(delivered).toEqual([]);
    connection.push("changed", change(4999));
    connection.push("changed", change(5001));
    expect(delivered).toEqual([[5001]]);
  });

  it("starts again with back-off when the connection closes", async () => {
    await live().start(0);
    connection.failStarts = 2;
    connection.close();
    expect(statuses.at(-1)).toBe("offline");
    await settle();
    expect(connection.starts).toBe(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(connection.starts).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(connection.starts).toBe(3);
    await vi.advanceTimersByTimeAsync(2000);
    expect(connection.starts).toBe(4);
    expect(statuses).toEqual(["connecting", "live", "offline", "live"]);
    expect(connection.called("JoinProject")).toHaveLength(2);
  });

  it("keeps trying every 10 s when the server cannot be reached", async () => {
    connection.failStarts = 100;
    await live().start(0);
    expect(statuses).toEqual(["connecting"]);
    await vi.advanceTimersByTimeAsync(0 + 1000 + 2000 + 5000 + 10_000);
    expect(connection.starts).toBe(6);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(connection.starts).toBe(9);
    expect(errors).toEqual([]);
  });

  it("gives up with the server's message when the join is refused", async () => {
    connection.responders.set("JoinProject", () =>
      Promise.reject(
        new Error(
          "Failed to invoke 'JoinProject' due to an error on the server. HubException: LIVE/NOT_FOUND: There is no such project, or you are not a member of it.",
        ),
      ),
    );
    await live().start(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(errors).toEqual(["LIVE/NOT_FOUND: There is no such project, or you are not a member of it."]);
    expect(statuses).toEqual(["connecting", "offline"]);
    expect(connection.starts).toBe(1);
  });

  it("starts over on a fresh connection when a join fails for another reason", async () => {
    let answers = 0;
    connection.responders.set("JoinProject", () =>
      answers++ === 0
        ? Promise.reject(new Error("An unexpected error occurred"))
        : Promise.resolve(joined([1])),
    );
    await live().start(0);
    await settle();
    expect(connection.starts).toBe(2);
    expect(delivered).toEqual([[1]]);
    expect(statuses).toEqual(["connecting", "live"]);
  });

  it("rejoins after a reconnect even when the connection dropped during the join", async () => {
    const first = deferred<ProjectJoined>();
    connection.responders.set("JoinProject", () => first.promise);
    const started = live().start(0);
    await settle();
    connection.drop();
    connection.responders.set("JoinProject", () => Promise.resolve(joined([1, 2])));
    connection.reconnect();
    first.resolve(joined([1]));
    await started;
    await settle();
    expect(delivered).toEqual([[1, 2]]);
    expect(statuses).toEqual(["connecting", "reconnecting", "live"]);
  });

  it("beats every 60 s while live, and not while reconnecting", async () => {
    await live().start(0);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(connection.called("Heartbeat")).toEqual([[projectId], [projectId]]);
    connection.drop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(connection.called("Heartbeat")).toHaveLength(2);
  });

  it("sends the open source when live, and the one set before joining once joined", async () => {
    const project = live();
    project.openSource("s1");
    expect(connection.calls).toEqual([]);
    await project.start(0);
    project.openSource(null);
    project.openSource("s2");
    expect(connection.called("OpenSource")).toEqual([
      [projectId, "s1"],
      [projectId, null],
      [projectId, "s2"],
    ]);
  });

  it("passes presence on, from the push and from GetPresence", async () => {
    const people = [{ accountId: "a1", displayName: "Ann", sourceIds: ["s1"], connections: 1 }];
    connection.responders.set("GetPresence", () => Promise.resolve({ projectId, people }));
    await live().start(0);
    await settle();
    connection.push("presence", { projectId, people: [] });
    connection.push("presence", { projectId: "p2", people });
    expect(presences).toEqual([
      { projectId, people },
      { projectId, people: [] },
    ]);
  });

  it("passes an agent's request to show a passage on, whichever project it is in", async () => {
    const by = { sessionId: "m1", clientName: "claude-code", clientVersion: "2.1.0" };
    const navigation = { projectId: "p2", sourceId: "s1", start: 6, end: 15, highlight: true, by };
    await live().start(0);
    connection.push("navigate", navigation);
    expect(navigations).toEqual([navigation]);
  });

  it("passes a closed version on", async () => {
    await live().start(0);
    const version: ProjectVersion = {
      number: 3,
      fromSequence: 10,
      toSequence: 14,
      eventCount: 2,
      openedAt: "2025-05-01T10:00:00Z",
      closedAt: "2025-05-01T10:00:01Z",
      message: "coding: 2 events",
      actors: [{ accountId: "a1", displayName: null, agent: null }],
      areas: { coding: 2 },
      restoredTo: null,
      current: true,
    };
    connection.push("versionClosed", version);
    expect(versions).toEqual([3]);
  });

  it("reports a failing hub call while live", async () => {
    connection.responders.set("OpenSource", () =>
      Promise.reject(
        new Error(
          "Failed to invoke 'OpenSource' due to an error on the server. HubException: LIVE/NOT_FOUND: no",
        ),
      ),
    );
    const project = live();
    await project.start(0);
    await settle();
    expect(errors).toEqual(["LIVE/NOT_FOUND: no"]);
  });

  it("leaves, closes and stays closed when stopped", async () => {
    const project = live();
    await project.start(0);
    await project.stop();
    expect(connection.called("LeaveProject")).toEqual([[projectId]]);
    expect(connection.state).toBe("disconnected");
    expect(statuses).toEqual(["connecting", "live", "offline"]);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(connection.starts).toBe(1);
    expect(connection.called("Heartbeat")).toEqual([]);
  });

  it("refuses to start twice", async () => {
    const project = live();
    await project.start(0);
    await expect(project.start(0)).rejects.toThrow("already started");
  });
});
