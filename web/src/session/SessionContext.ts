// The session as React context: who is signed in, what they may do, and the sign-in/sign-out actions.
import { createContext, useContext } from "react";
import type { Abilities, SessionPayload, SessionUser } from "../api/types";

export interface SessionState {
  status: "loading" | "anonymous" | "signedIn";
  user: SessionUser | null;
  abilities: Abilities;
  /** True when the server says the user may do this. */
  can: (abilityName: string) => boolean;
  /** Signs in; resolves with the session or rejects with ApiError (401, 423, 429). */
  login: (username: string, password: string) => Promise<SessionPayload>;
  /** Signs out on the server and forgets the session here. */
  logout: () => Promise<void>;
  /** Forgets the session here (after a 401). */
  forget: () => void;
}

/** Holds the session; provided by SessionProvider. */
export const SessionContext = createContext<SessionState | null>(null);

/** The current session; only valid under SessionProvider. */
export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession must be used inside SessionProvider");
  return value;
}
