// Route-level code splitting: a page's code (and what only it imports) is fetched when its route first renders.
import { lazy, Suspense, type ComponentType, type ReactNode } from "react";
import { Spin } from "antd";

/**
 * A route element whose component is loaded on first render, so the first page loads a smaller bundle:
 * `element: lazyPage(() => import("./PersonPage"), (module) => module.PersonPage)`. Shows a spinner meanwhile.
 */
export function lazyPage<Module>(load: () => Promise<Module>, pick: (module: Module) => ComponentType): ReactNode {
  const Page = lazy(async () => ({ default: pick(await load()) }));
  return (
    <Suspense fallback={<Spin size="large" className="page-spinner" data-testid="page-loading" />}>
      <Page />
    </Suspense>
  );
}
