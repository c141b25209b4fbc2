// The innovation fund (社会管理与创新专项资金): applicants apply with budget lines and report; the programme admin
// opens calls, assigns reviewers, allocates and pays in stages; reviewers declare conflicts and score; anyone reads
// the published results (创新资金评审结果, public).
import { FundOutlined, ProjectOutlined, StarOutlined } from "@ant-design/icons";
import { lazyPage } from "../../components/lazyPage";
import type { ConsoleModule } from "../types";

const apply = () => import("./ApplicantPage");
const calls = () => import("./CallsPage");
const call = () => import("./CallPage");
const reviews = () => import("./ReviewPage");
const results = () => import("./ResultsPage");

export const fundModule: ConsoleModule = {
  name: "fund",
  menu: [
    { path: "fund/apply", labelKey: "fund.nav.apply", icon: <ProjectOutlined />, ability: "fund.apply" },
    { path: "fund/calls", labelKey: "fund.nav.calls", icon: <FundOutlined />, ability: "fund.read" },
    { path: "fund/reviews", labelKey: "fund.nav.reviews", icon: <StarOutlined />, ability: "fund.review" },
  ],
  routes: [
    { path: "fund/apply", element: lazyPage(apply, (module) => module.ApplicantPage), ability: "fund.apply" },
    { path: "fund/calls", element: lazyPage(calls, (module) => module.CallsPage), ability: "fund.read" },
    { path: "fund/calls/:id", element: lazyPage(call, (module) => module.CallPage), ability: "fund.read" },
    { path: "fund/reviews", element: lazyPage(reviews, (module) => module.ReviewPage), ability: "fund.review" },
  ],
  publicRoutes: [
    {
      path: "fund/results",
      element: lazyPage(results, (module) => module.FundResultsPage),
      navLabelKey: "fund.nav.results",
    },
  ],
};
