import { get, post, postFile } from "../../lib/api";
import type { Project } from "../../lib/types";

export const listProjects = () => get<Project[]>("/api/projects");
export const createProject = (name: string, description: string) =>
  post<Project>("/api/projects", { name, description });
export const importProject = (file: File) =>
  postFile<Project>("/api/projects/import", file, "application/x-ndjson");
