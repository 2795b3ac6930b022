import type { KeyboardEvent } from "react";
import type { ProjectVersion } from "../../lib/live/types";
import type { Member } from "../../lib/types";
import { actorLabel, areaCounts } from "./diff-model";

/**
 * The timeline: versions newest first, each a card whose button (arrow keys, Home and End move between them)
 * selects the version; the selected one is aria-current. The button covers its card, so the whole card answers a
 * click, while its name stays the short "Version N" and the rest describes it.
 */
export function VersionList({
  versions,
  selected,
  members,
  onSelect,
}: {
  versions: readonly ProjectVersion[];
  selected: number | null;
  members: readonly Member[];
  onSelect: (number: number) => void;
}) {
  const move = (e: KeyboardEvent<HTMLOListElement>) => {
    const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>("button.version")];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[e.key];
    if (to === undefined || at < 0) return;
    e.preventDefault();
    buttons[Math.max(0, Math.min(buttons.length - 1, to))]?.focus();
  };
  return (
    <ol className="plain versions" aria-label="Versions" onKeyDown={move}>
      {versions.map((v) => (
        <li key={v.number} className="version-item">
          <button
            type="button"
            className="version"
            aria-current={v.number === selected ? "true" : undefined}
            aria-describedby={`version-${v.number}-about`}
            onClick={() => onSelect(v.number)}
          >
            Version {v.number}
            {v.current && (
              <>
                , <span className="current">current</span>
              </>
            )}
          </button>
          <span id={`version-${v.number}-about`} className="version-about">
            <span className="version-message">{v.message}</span>
            <span className="muted">
              <time dateTime={v.closedAt}>{new Date(v.closedAt).toLocaleString()}</time>
              {" · "}
              {v.actors.map((a, i) => {
                const label = actorLabel(a, members);
                return (
                  <span key={`${a.accountId}-${a.agent?.sessionId ?? ""}`} className={`actor ${label.kind}`}>
                    {i > 0 && ", "}
                    {label.kind === "agent" && <span aria-hidden="true">⚙ </span>}
                    {label.text}
                  </span>
                );
              })}
            </span>
            <span className="muted">{areaCounts(v.areas)}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
