import { useEffect, useState, type FormEvent } from "react";
import { ErrorAlert } from "../../lib/alert";
import { Link } from "../../lib/link";
import { navigate } from "../../lib/router";
import type { Project } from "../../lib/types";
import { useAction } from "../../lib/use-action";
import { createProject, importProject, listProjects } from "./api";

export function ProjectsPage() {
  const [projects, setProjects] = useState<Project[] | null>(null);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const load = useAction();
  const create = useAction();
  const imported = useAction();
  const [file, setFile] = useState<File | null>(null);
  const { run } = load;

  useEffect(() => {
    void run(listProjects).then((list) => list && setProjects(list));
  }, [run]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const project = await create.run(() => createProject(name, description));
    if (project) navigate(`/projects/${project.id}`);
  };

  const submitImport = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    const project = await imported.run(() => importProject(file));
    if (project) navigate(`/projects/${project.id}`);
  };

  return (
    <div className="page">
      <h1>My projects</h1>
      <ErrorAlert error={load.error} />
      {projects && projects.length === 0 && <p>No projects yet: create the first one below.</p>}
      <ul className="cards">
        {projects?.map((p) => (
          <li key={p.id} className="card">
            <Link href={`/projects/${p.id}`}>{p.name}</Link>
            <p className="muted">
              {p.description || "No description"} · {p.myRole} · {p.memberCount} member
              {p.memberCount === 1 ? "" : "s"}
            </p>
          </li>
        ))}
      </ul>
      <section aria-labelledby="new-project">
        <h2 id="new-project">New project</h2>
        <form onSubmit={submit} className="stack">
          <label>
            Project name
            <input required value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            Description
            <input value={description} onChange={(e) => setDescription(e.target.value)} />
          </label>
          <ErrorAlert error={create.error} />
          <button type="submit" disabled={create.busy}>
            Create project
          </button>
        </form>
      </section>
      <section aria-labelledby="import-project">
        <h2 id="import-project">Import project</h2>
        <p className="muted">
          A project exported from this or another server becomes a new project of yours.
        </p>
        <form onSubmit={submitImport} className="stack">
          <label>
            Project export file
            <input
              type="file"
              required
              accept=".jsonl,.qcproj.jsonl,application/x-ndjson"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </label>
          <ErrorAlert error={imported.error} />
          <button type="submit" disabled={imported.busy || !file}>
            Import project
          </button>
        </form>
      </section>
    </div>
  );
}
