import { useCallback, useState } from "react";
import { messageOf } from "./api";

/**
 * Runs a user action and keeps its error for display: every failure the server reports reaches the person.
 * Answers the action's result, or undefined when it failed.
 */
export function useAction() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (e) {
      setError(messageOf(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { error, setError, busy, run };
}
