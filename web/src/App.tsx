import { RouterProvider } from "react-router-dom";
import { LocaleProvider } from "./layout/LocaleProvider";
import { SessionProvider } from "./session/SessionProvider";
import { router } from "./router";

/** Providers (locale, session) around the router. */
export function App() {
  return (
    <LocaleProvider>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </LocaleProvider>
  );
}
