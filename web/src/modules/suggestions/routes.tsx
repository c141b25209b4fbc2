// The suggestions module's pages: public list and idea pages, the proposal form, the department's list to answer.
import { BulbOutlined, EditOutlined } from "@ant-design/icons";
import { lazyPage } from "../../components/lazyPage";
import type { ConsoleModule } from "../types";

const pages = () => import("./SuggestionsPage");

/** 金点子: residents propose and support ideas, departments answer publicly. */
export const suggestionsModule: ConsoleModule = {
  name: "suggestions",
  menu: [
    { path: "suggestions/new", labelKey: "suggestions.navNew", icon: <EditOutlined />, ability: "suggestions.propose" },
    { path: "suggestions", labelKey: "suggestions.navQueue", icon: <BulbOutlined />, ability: "suggestions.answer" },
  ],
  routes: [
    {
      path: "suggestions/new",
      element: lazyPage(pages, (module) => module.ProposePage),
      ability: "suggestions.propose",
    },
    {
      path: "suggestions",
      element: lazyPage(pages, (module) => () => <module.SuggestionsPage awaiting />),
      ability: "suggestions.answer",
    },
    { path: "suggestions/:id", element: lazyPage(pages, (module) => module.SuggestionPage) },
  ],
  publicRoutes: [
    {
      path: "suggestions",
      element: lazyPage(pages, (module) => module.SuggestionsPage),
      navLabelKey: "suggestions.nav",
    },
    { path: "suggestions/:id", element: lazyPage(pages, (module) => module.SuggestionPage) },
  ],
};
