import type { ProjectPresence } from "../lib/live/types";
import type { Source } from "../lib/types";

/** Who is in the project now, and which source each person has open. */
export function PresenceList({ presence, sources }: { presence: ProjectPresence | null; sources: Source[] }) {
  const nameOf = new Map(sources.map((s) => [s.id, s.name]));
  return (
    <section aria-label="People here" className="presence">
      <ul className="plain">
        {presence?.people.map((p) => {
          const open = p.sourceIds.map((id) => nameOf.get(id)).filter(Boolean);
          return (
            <li key={p.accountId}>
              <span className="avatar" aria-hidden="true">
                {p.displayName.slice(0, 1).toUpperCase()}
              </span>
              {p.displayName}
              {open.length > 0 && ` — ${open.join(", ")}`}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
