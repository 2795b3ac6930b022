import { useCallback, useEffect, useRef, useState } from "react";
import { areasOf, type ChangeArea } from "../lib/live/change-areas";
import { LiveProject, type LiveStatus } from "../lib/live/live-project";
import type {
  ProjectChange,
  ProjectPresence,
  ProjectVersion,
  SegmentNavigation,
  SubscribeVersions,
} from "../lib/live/types";

type Listener = (changes: ProjectChange[]) => void;
type VersionListener = (version: ProjectVersion) => void;

/**
 * The project's live channel for the screens: changes fan out to subscribers (the open source's codings) and name
 * the areas to reload; presence and the connection's state are kept for display. `epoch` counts the resyncs the
 * server asked for (the client was away too long to catch up): the screens then reload what they hold.
 * `navigation` is the passage an agent of this account last asked to show, until the screen showing it clears it.
 * Closed versions fan out to their own subscribers (the History screen).
 */
export function useLiveProject(
  projectId: string,
  onAreas: (areas: Set<ChangeArea>) => void,
  onResync: () => void,
  openSourceId: string | null,
) {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [presence, setPresence] = useState<ProjectPresence | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [epoch, setEpoch] = useState(0);
  const [navigation, setNavigation] = useState<SegmentNavigation | null>(null);
  const listeners = useRef(new Set<Listener>());
  const versionListeners = useRef(new Set<VersionListener>());
  const live = useRef<LiveProject | null>(null);
  const callbacks = useRef({ onAreas, onResync });
  callbacks.current = { onAreas, onResync };

  useEffect(() => {
    const project = new LiveProject(projectId, {
      onChanges: (changes) => {
        const areas = new Set<ChangeArea>();
        for (const change of changes) for (const area of areasOf(change)) areas.add(area);
        callbacks.current.onAreas(areas);
        listeners.current.forEach((l) => l(changes));
      },
      onPresence: setPresence,
      onNavigate: setNavigation,
      onVersionClosed: (version) => versionListeners.current.forEach((l) => l(version)),
      onResync: () => {
        callbacks.current.onResync();
        setEpoch((e) => e + 1);
      },
      onStatus: setStatus,
      onError: setError,
    });
    live.current = project;
    void project.start(null);
    return () => {
      live.current = null;
      void project.stop();
    };
  }, [projectId]);

  useEffect(() => {
    void live.current?.openSource(openSourceId);
  }, [openSourceId, status]);

  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  const subscribeVersions: SubscribeVersions = useCallback((listener: VersionListener) => {
    versionListeners.current.add(listener);
    return () => {
      versionListeners.current.delete(listener);
    };
  }, []);

  const clearNavigation = useCallback(() => setNavigation(null), []);

  return { status, presence, error, epoch, navigation, clearNavigation, subscribe, subscribeVersions };
}
