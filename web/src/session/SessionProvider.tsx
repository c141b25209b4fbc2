import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { apiRequest, setCsrfToken } from "../api/client";
import type { Abilities, SessionPayload, SessionUser } from "../api/types";
import { SessionContext, type SessionState } from "./SessionContext";

/** Loads the session from `/auth/me` once and keeps it (user, abilities, CSRF token) for the whole app. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionState["status"]>("loading");
  const [user, setUser] = useState<SessionUser | null>(null);
  const [abilities, setAbilities] = useState<Abilities>({});

  const accept = useCallback((payload: SessionPayload) => {
    setCsrfToken(payload.csrfToken);
    setUser(payload.user);
    setAbilities(payload.abilities ?? {});
    setStatus("signedIn");
  }, []);

  const forget = useCallback(() => {
    setCsrfToken(null);
    setUser(null);
    setAbilities({});
    setStatus("anonymous");
  }, []);

  useEffect(() => {
    let active = true;
    apiRequest<SessionPayload>("GET", "/auth/me", { expectUnauthorized: true })
      .then((payload) => active && accept(payload))
      .catch(() => active && forget());
    return () => {
      active = false;
    };
  }, [accept, forget]);

  const login = useCallback(
    async (username: string, password: string) => {
      const payload = await apiRequest<SessionPayload>("POST", "/auth/login", {
        body: { username, password },
        expectUnauthorized: true,
      });
      accept(payload);
      return payload;
    },
    [accept],
  );

  const logout = useCallback(async () => {
    try {
      await apiRequest("POST", "/auth/logout", { body: {}, expectUnauthorized: true });
    } finally {
      forget();
    }
  }, [forget]);

  const value = useMemo<SessionState>(
    () => ({ status, user, abilities, can: (name) => abilities[name] === true, login, logout, forget }),
    [status, user, abilities, login, logout, forget],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
