// The policy officer's console pages: points policy versions, their golden tests, simulation, drafting, decisions.
import { ExperimentOutlined } from "@ant-design/icons";
import { lazyPage } from "../../components/lazyPage";
import type { ConsoleModule } from "../types";

const versions = () => import("./VersionsPage");
const version = () => import("./VersionPage");
const draft = () => import("./DraftPage");

/** 积分政策: versions with dates and state, golden tests, a simulation over the current applicants, approval. */
export const policiesModule: ConsoleModule = {
  name: "policies",
  menu: [{ path: "policies", labelKey: "policies.nav", icon: <ExperimentOutlined />, ability: "policies.read" }],
  routes: [
    { path: "policies", element: lazyPage(versions, (module) => module.VersionsPage), ability: "policies.read" },
    { path: "policies/new", element: lazyPage(draft, (module) => module.DraftPage), ability: "policies.draft" },
    { path: "policies/:id", element: lazyPage(version, (module) => module.VersionPage), ability: "policies.read" },
  ],
};
