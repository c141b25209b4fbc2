// How a module plugs into the console: a list of menu entries and a list of routes, both gated by abilities.
import type { ReactNode } from "react";

/** One entry of the console's left menu. */
export interface MenuEntry {
  /** Path under /console, also the menu key ("registry/persons"). */
  path: string;
  /** i18n key of the label. */
  labelKey: string;
  icon?: ReactNode;
  /** Shown only when the session has this ability; absent = every signed-in user. */
  ability?: string;
}

/** One console route; the element renders only when the session has the ability. */
export interface ModuleRoute {
  /** Path under /console ("registry/persons/:id"); "" is the console home. */
  path: string;
  element: ReactNode;
  ability?: string;
}

/** A page anyone may open without signing in (points self-check, public lists…), under "/". */
export interface PublicRoute {
  /** Path under "/" ("points/self-check"). */
  path: string;
  element: ReactNode;
  /** When set, the page gets a link with this i18n label in the public header. */
  navLabelKey?: string;
}

/** A service module as the web app sees it: console menu and routes, and optional public pages. */
export interface ConsoleModule {
  name: string;
  menu: MenuEntry[];
  routes: ModuleRoute[];
  publicRoutes?: PublicRoute[];
}
