import type { RouteTarget } from "../../../platform/http/route";
import type { Actor } from "../../../platform/roles";
import { mayDecideForDepartment, mayOnEnrolment, type EnrolmentAction } from "../policies";
import {
  findApplication,
  findCycle,
  findEnrolment,
  findEnrolmentOfPerson,
  findFact,
  findRun,
  type ApplicationRecord,
  type CycleRecord,
  type EnrolmentRecord,
  type FactRecord,
  type RunRecord,
} from "../repository";

// How the points routes find and scope their target records (missing or out of scope: the same 404).

/** The enrolment of `:id`, in scope when the caller may do `action` on it. */
export function enrolmentTarget(action: EnrolmentAction): RouteTarget<{ id: string }, unknown, EnrolmentRecord> {
  return {
    resource: "enrolment",
    load: (executor, { params }) => findEnrolment(executor, params.id),
    inScope: (actor: Actor, enrolment) => mayOnEnrolment(actor, action, enrolment),
  };
}

/** The enrolment of the person in `?personId`, in scope when the caller may read it. */
export const enrolmentOfPersonTarget: RouteTarget<unknown, { personId: string }, EnrolmentRecord> = {
  resource: "enrolmentOfPerson",
  load: (executor, { query }) => findEnrolmentOfPerson(executor, query.personId),
  inScope: (actor: Actor, enrolment) => mayOnEnrolment(actor, "read", enrolment),
};

/** A fact with its enrolment. */
export interface FactTarget {
  fact: FactRecord;
  enrolment: EnrolmentRecord;
}

async function loadFact(
  executor: Parameters<RouteTarget<{ id: string }, unknown, FactTarget>["load"]>[0],
  id: string,
): Promise<FactTarget | null> {
  const fact = await findFact(executor, id);
  const enrolment = fact ? await findEnrolment(executor, fact.enrolment_id) : undefined;
  return fact && enrolment ? { fact, enrolment } : null;
}

/** The fact of `:id`, in scope for counter work on its enrolment (clerks of its 镇区, programme admins). */
export const counterFactTarget: RouteTarget<{ id: string }, unknown, FactTarget> = {
  resource: "fact",
  load: (executor, { params }) => loadFact(executor, params.id),
  inScope: (actor: Actor, { enrolment }) => mayOnEnrolment(actor, "counter", enrolment),
};

/** The fact of `:id`, in scope for the verifiers of its department. */
export const departmentFactTarget: RouteTarget<{ id: string }, unknown, FactTarget> = {
  resource: "fact",
  load: (executor, { params }) => loadFact(executor, params.id),
  inScope: (actor: Actor, { fact }) => mayDecideForDepartment(actor, fact.department_code),
};

/** An application with its enrolment. */
export interface ApplicationTarget {
  application: ApplicationRecord;
  enrolment: EnrolmentRecord;
}

/** The application of `:id`, in scope when the caller may do `action` on its enrolment. */
export function applicationTarget(action: EnrolmentAction): RouteTarget<{ id: string }, unknown, ApplicationTarget> {
  return {
    resource: "application",
    load: async (executor, { params }) => {
      const application = await findApplication(executor, params.id);
      const enrolment = application ? await findEnrolment(executor, application.enrolment_id) : undefined;
      return application && enrolment ? { application, enrolment } : null;
    },
    inScope: (actor: Actor, { enrolment }) => mayOnEnrolment(actor, action, enrolment),
  };
}

/** The cycle of `:id` (programme data: every cycle is in scope for who holds the permission). */
export const cycleTarget: RouteTarget<{ id: string }, unknown, CycleRecord> = {
  resource: "cycle",
  load: (executor, { params }) => findCycle(executor, params.id),
};

/** The ranking run of `:id`. */
export const runTarget: RouteTarget<{ id: string }, unknown, RunRecord> = {
  resource: "run",
  load: (executor, { params }) => findRun(executor, params.id),
};
