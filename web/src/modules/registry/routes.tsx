// The registry module's console menu entries and routes.
import { BankOutlined, SearchOutlined } from "@ant-design/icons";
import type { ConsoleModule } from "../types";
import { ability } from "../../session/abilities";
import { HouseholdCreatePage } from "./HouseholdCreatePage";
import { OrganisationCreatePage } from "./organisations/OrganisationCreatePage";
import { OrganisationPage } from "./organisations/OrganisationPage";
import { OrganisationSearchPage } from "./organisations/OrganisationSearchPage";
import { HouseholdPage } from "./HouseholdPage";
import { PersonCreatePage } from "./PersonCreatePage";
import { PersonPage } from "./PersonPage";
import { RegistrySearchPage } from "./RegistrySearchPage";

/** Registry search, person, household and organisation pages, registration forms (staff). */
export const registryModule: ConsoleModule = {
  name: "registry",
  menu: [
    { path: "registry", labelKey: "nav.registry", icon: <SearchOutlined />, ability: ability.registrySearch },
    { path: "registry/organisations", labelKey: "nav.organisations", icon: <BankOutlined />, ability: ability.organisationsRead },
  ],
  routes: [
    { path: "registry", element: <RegistrySearchPage />, ability: ability.registrySearch },
    { path: "registry/persons/new", element: <PersonCreatePage />, ability: ability.registryWrite },
    { path: "registry/persons/:id", element: <PersonPage />, ability: ability.registrySearch },
    { path: "registry/households/new", element: <HouseholdCreatePage />, ability: ability.registryWrite },
    { path: "registry/households/:id", element: <HouseholdPage />, ability: ability.registrySearch },
    { path: "registry/organisations", element: <OrganisationSearchPage />, ability: ability.organisationsRead },
    { path: "registry/organisations/new", element: <OrganisationCreatePage />, ability: ability.organisationsWrite },
    { path: "registry/organisations/:id", element: <OrganisationPage />, ability: ability.organisationsRead },
  ],
};
