import { get, post } from "../../lib/api";
import type { Account } from "../../lib/types";

export const currentAccount = () => get<Account>("/api/auth/me");
export const signIn = (email: string, password: string) =>
  post<Account>("/api/auth/sign-in", { email, password });
export const signOut = () => post<undefined>("/api/auth/sign-out");
export const register = (email: string, displayName: string, password: string) =>
  post<Account>("/api/accounts", { email, displayName, password });
