import { useState, type FormEvent } from "react";
import { ErrorAlert } from "../../lib/alert";
import type { Account, Member, ProjectRole } from "../../lib/types";
import { useAction } from "../../lib/use-action";
import { addMember, changeRole, removeMember } from "./api";

const roles: ProjectRole[] = ["viewer", "coder", "editor", "owner"];

export function MembersSection({
  projectId,
  me,
  myRole,
  members,
}: {
  projectId: string;
  me: Account;
  myRole: ProjectRole;
  members: Member[];
}) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<ProjectRole>("coder");
  const action = useAction();
  const isOwner = myRole === "owner";

  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (await action.run(() => addMember(projectId, email, role))) setEmail("");
  };

  return (
    <section aria-labelledby="members-heading" className="panel">
      <h3 id="members-heading">Members</h3>
      <ErrorAlert error={action.error} onDismiss={() => action.setError(null)} />
      <table aria-label="Members">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.accountId}>
              <td>
                {m.displayName}
                {m.accountId === me.id && " (you)"}
              </td>
              <td>{m.email}</td>
              <td>
                <select
                  aria-label={`Role of ${m.displayName}`}
                  value={m.role}
                  disabled={!isOwner}
                  onChange={(e) =>
                    void action.run(() => changeRole(projectId, m.accountId, e.target.value as ProjectRole))
                  }
                >
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {(isOwner || m.accountId === me.id) && (
                  <button
                    type="button"
                    onClick={() => void action.run(() => removeMember(projectId, m.accountId))}
                  >
                    {m.accountId === me.id ? "Leave project" : `Remove ${m.displayName}`}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {isOwner && (
        <form onSubmit={add} className="row">
          <label className="inline">
            Member email
            <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <label className="inline">
            Role
            <select value={role} onChange={(e) => setRole(e.target.value as ProjectRole)}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Add member</button>
        </form>
      )}
    </section>
  );
}
