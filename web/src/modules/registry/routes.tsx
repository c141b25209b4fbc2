// The registry module's console menu entries and routes.
import { BankOutlined, ImportOutlined, SearchOutlined } from "@ant-design/icons";
import type { ConsoleModule } from "../types";
import { lazyPage } from "../../components/lazyPage";
import { ability } from "../../session/abilities";

/**
 * Registry search, person, household and organisation pages, registration forms (staff); the communities import
 * (programme admin).
 */
export const registryModule: ConsoleModule = {
  name: "registry",
  menu: [
    { path: "registry", labelKey: "nav.registry", icon: <SearchOutlined />, ability: ability.registrySearch },
    {
      path: "registry/organisations",
      labelKey: "nav.organisations",
      icon: <BankOutlined />,
      ability: ability.organisationsRead,
    },
    {
      path: "registry/communities/import",
      labelKey: "communitiesImport.nav",
      icon: <ImportOutlined />,
      ability: ability.registryCommunitiesImport,
    },
  ],
  routes: [
    {
      path: "registry",
      element: lazyPage(
        () => import("./RegistrySearchPage"),
        (module) => module.RegistrySearchPage,
      ),
      ability: ability.registrySearch,
    },
    {
      path: "registry/persons/new",
      element: lazyPage(
        () => import("./PersonCreatePage"),
        (module) => module.PersonCreatePage,
      ),
      ability: ability.registryWrite,
    },
    {
      path: "registry/persons/:id",
      element: lazyPage(
        () => import("./PersonPage"),
        (module) => module.PersonPage,
      ),
      ability: ability.registrySearch,
    },
    {
      path: "registry/households/new",
      element: lazyPage(
        () => import("./HouseholdCreatePage"),
        (module) => module.HouseholdCreatePage,
      ),
      ability: ability.registryWrite,
    },
    {
      path: "registry/households/:id",
      element: lazyPage(
        () => import("./HouseholdPage"),
        (module) => module.HouseholdPage,
      ),
      ability: ability.registrySearch,
    },
    {
      path: "registry/organisations",
      element: lazyPage(
        () => import("./organisations/OrganisationSearchPage"),
        (module) => module.OrganisationSearchPage,
      ),
      ability: ability.organisationsRead,
    },
    {
      path: "registry/organisations/new",
      element: lazyPage(
        () => import("./organisations/OrganisationCreatePage"),
        (module) => module.OrganisationCreatePage,
      ),
      ability: ability.organisationsWrite,
    },
    {
      path: "registry/organisations/:id",
      element: lazyPage(
        () => import("./organisations/OrganisationPage"),
        (module) => module.OrganisationPage,
      ),
      ability: ability.organisationsRead,
    },
    {
      path: "registry/communities/import",
      element: lazyPage(
        () => import("./CommunitiesImportPage"),
        (module) => module.CommunitiesImportPage,
      ),
      ability: ability.registryCommunitiesImport,
    },
  ],
};
