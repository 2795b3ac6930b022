import { get } from "../lib/api";
import type { Member, Project, Source } from "../lib/types";

export const getProject = (projectId: string) => get<Project>(`/api/projects/${projectId}`);
export const listSources = (projectId: string) => get<Source[]>(`/api/projects/${projectId}/sources`);
export const listMembers = (projectId: string) => get<Member[]>(`/api/projects/${projectId}/members`);
