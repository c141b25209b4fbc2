// Every module the console knows, in menu order. Adding a module = writing its routes.tsx and adding it here.
import { accountsModule } from "./accounts/routes";
import { approvalsModule } from "./approvals/routes";
import { assistanceModule } from "./assistance/routes";
import { auditModule } from "./audit/routes";
import { calendarModule } from "./calendar/routes";
import { consultationsModule } from "./consultations/routes";
import { coordinationModule } from "./coordination/routes";
import { homeModule } from "./home/routes";
import { insightModule } from "./insight/routes";
import { participationModule } from "./participation/routes";
import { pointsModule } from "./points/routes";
import { policiesModule } from "./policies/routes";
import { registryModule } from "./registry/routes";
import { servicesModule } from "./services/routes";
import { fundModule } from "./fund/routes";
import { suggestionsModule } from "./suggestions/routes";
import { tipoffsModule } from "./tipoffs/routes";
import type { ConsoleModule } from "./types";

/** The modules of the web app in menu order; each brings its menu entries, routes and public pages. */
export const consoleModules: ConsoleModule[] = [
  homeModule,
  coordinationModule,
  registryModule,
  pointsModule,
  policiesModule,
  assistanceModule,
  participationModule,
  tipoffsModule,
  servicesModule,
  fundModule,
  suggestionsModule,
  consultationsModule,
  insightModule,
  approvalsModule,
  calendarModule,
  auditModule,
  accountsModule,
];
