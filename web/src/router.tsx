// Public pages, the login page, and the console whose routes come from the module list.
import { createBrowserRouter } from "react-router-dom";
import { PublicLayout } from "./layout/PublicLayout";
import { lazyPage } from "./components/lazyPage";
import { RequireAbility } from "./layout/RequireAbility";
import { RootRoute } from "./layout/RootRoute";
import { consoleModules } from "./modules";
import { HomePage } from "./public/HomePage";
import { LoginPage } from "./public/LoginPage";
import { NotFoundPage } from "./public/NotFoundPage";

const consoleRoutes = consoleModules
  .flatMap((module) => module.routes)
  .map((route) =>
    route.path === ""
      ? { index: true, element: <RequireAbility ability={route.ability}>{route.element}</RequireAbility> }
      : { path: route.path, element: <RequireAbility ability={route.ability}>{route.element}</RequireAbility> },
  );

const publicRoutes = consoleModules
  .flatMap((module) => module.publicRoutes ?? [])
  .map((route) => ({ path: route.path, element: route.element }));

/** The app's routes: public layout, login, and the console filled from the module list. */
export const router = createBrowserRouter([
  {
    element: <RootRoute />,
    children: [
      {
        element: <PublicLayout />,
        children: [{ index: true, element: <HomePage /> }, { path: "login", element: <LoginPage /> }, ...publicRoutes],
      },
      {
        path: "console",
        // The console's frame (menu, header, session check) loads only when someone enters the console.
        element: lazyPage(
          () => import("./layout/ConsoleLayout"),
          (module) => module.ConsoleLayout,
        ),
        children: [...consoleRoutes, { path: "*", element: <NotFoundPage /> }],
      },
      { path: "*", element: <PublicLayout />, children: [{ path: "*", element: <NotFoundPage /> }] },
    ],
  },
]);
