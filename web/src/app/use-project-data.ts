import { useCallback, useEffect, useRef, useState } from "react";
import { listFolders } from "../features/library/api";
import { messageOf } from "../lib/api";
import { getCodebook } from "../lib/codebook-api";
import type { ChangeArea as Area } from "../lib/live/change-areas";
import type { Codebook, Folder, Member, Project, Source } from "../lib/types";
import { getProject, listMembers, listSources } from "./project-api";

export interface ProjectData {
  project: Project;
  codebook: Codebook;
  sources: Source[];
  folders: Folder[];
  members: Member[];
}

type Loaded = Partial<ProjectData>;
const loaders: Record<Exclude<Area, "segments">, (id: string) => Promise<Loaded>> = {
  project: async (id) => ({ project: await getProject(id) }),
  codebook: async (id) => ({ codebook: await getCodebook(id) }),
  sources: async (id) => ({ sources: await listSources(id) }),
  folders: async (id) => ({ folders: (await listFolders(id)).folders }),
  members: async (id) => ({ members: await listMembers(id) }),
};
const everything = Object.keys(loaders) as Array<keyof typeof loaders>;

/**
 * A project's shared data (codebook, sources, folders, members). Live changes name the areas they touch; those are
 * reloaded together a moment later, so a burst of changes costs one reload per area, not one per change.
 * Loading waits until the live channel has joined (or given up for now): what is read after the join cannot miss a
 * change, since every later one arrives live.
 */
export function useProjectData(projectId: string, ready: boolean) {
  const [data, setData] = useState<ProjectData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const wanted = useRef(new Set<keyof typeof loaders>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const load = useCallback(
    async (areas: Array<keyof typeof loaders>) => {
      try {
        const parts = await Promise.all(areas.map((a) => loaders[a](projectId)));
        const merged = Object.assign({}, ...parts) as Loaded;
        setData((d) => (d ? { ...d, ...merged } : (merged as ProjectData)));
        setError(null);
      } catch (e) {
        setError(messageOf(e));
      }
    },
    [projectId],
  );

  useEffect(() => {
    if (!ready) return;
    void load(everything);
    return () => clearTimeout(timer.current);
  }, [load, ready]);

  const refresh = useCallback(
    (areas: Iterable<Area>) => {
      for (const a of areas) if (a !== "segments") wanted.current.add(a);
      if (wanted.current.size === 0 || timer.current !== undefined) return;
      timer.current = setTimeout(() => {
        timer.current = undefined;
        const batch = [...wanted.current];
        wanted.current.clear();
        void load(batch);
      }, 120);
    },
    [load],
  );

  const reloadAll = useCallback(() => refresh(everything), [refresh]);
  return { data, error, refresh, reloadAll };
}
