import { useEffect, useRef, useState } from "react";

/** Ctrl+F inside the source: Enter moves to the next match (case-insensitive) and selects it. */
export function FindBox({ onFind, onClose }: { onFind: (query: string) => boolean; onClose: () => void }) {
  const [query, setQuery] = useState("");
  const [missing, setMissing] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <div className="find">
      <label>
        Find in source
        <input
          ref={input}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && query) setMissing(!onFind(query));
            if (e.key === "Escape") onClose();
          }}
        />
      </label>
      <span role="status">{missing ? "No match" : ""}</span>
      <button type="button" onClick={onClose}>
        Close find
      </button>
    </div>
  );
}
