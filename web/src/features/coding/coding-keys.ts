// QualCoder's coding keys. They act on the text only when the person is not typing somewhere else.

export type CodingKey = "apply" | "newCode" | "inVivo" | "remove" | "memo" | "importance" | "find";

const keys: Record<string, CodingKey> = {
  q: "apply",
  n: "newCode",
  v: "inVivo",
  u: "remove",
  m: "memo",
  i: "importance",
};

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

export function codingKeyOf(e: KeyboardEvent): CodingKey | null {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "f") return "find";
  if (e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target) || document.querySelector("dialog[open]"))
    return null;
  return keys[e.key.toLowerCase()] ?? null;
}
