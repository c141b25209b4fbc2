import { useEffect } from "react";
import { Outlet, useLocation, useNavigate } from "react-router-dom";
import { setUnauthorizedHandler } from "../api/client";
import { useSession } from "../session/SessionContext";

/** The top route: any 401 from the API forgets the session and goes to the login page, then back here. */
export function RootRoute() {
  const navigate = useNavigate();
  const location = useLocation();
  const { forget } = useSession();

  useEffect(() => {
    setUnauthorizedHandler(() => {
      forget();
      if (location.pathname !== "/login") {
        navigate("/login", { replace: true, state: { from: location.pathname + location.search } });
      }
    });
    return () => setUnauthorizedHandler(null);
  }, [navigate, location, forget]);

  return <Outlet />;
}
