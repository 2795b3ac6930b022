import type { Project } from "../../lib/types";

/**
 * The project's complete history as one file, to move it to another server (owners only: it holds everything ever in
 * the project). A plain link: the browser downloads it with the session cookie, streaming, under the server's name.
 */
export function ExportSection({ project }: { project: Project }) {
  if (project.myRole !== "owner") return null;
  return (
    <section aria-labelledby="export-heading" className="panel">
      <h3 id="export-heading">Export project</h3>
      <p className="muted">
        Everything ever done in this project, as one file. Import it on another server (My projects → Import
        project) to make a copy there; members are not carried over.
      </p>
      <a href={`/api/projects/${project.id}/export`} download>
        Download project export
      </a>
    </section>
  );
}
