import type { Account, Member, Project } from "../../lib/types";
import { ExportSection } from "./ExportSection";
import { MembersSection } from "./MembersSection";
import { TokensSection } from "./TokensSection";

export function SettingsPage({ project, me, members }: { project: Project; me: Account; members: Member[] }) {
  return (
    <div className="page">
      <h2>Project settings</h2>
      <MembersSection projectId={project.id} me={me} myRole={project.myRole} members={members} />
      <TokensSection />
      <ExportSection project={project} />
    </div>
  );
}
