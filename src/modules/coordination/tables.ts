/**
 * The coordination module's tables as Kysely sees them (migration 0300_coordination.sql). Only this module reads
 * or writes them; other modules' tasks reach the inbox through their deadline sources.
 */
import type { ColumnType, Generated, Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { Executor } from "../../db/transaction";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/** One attendee of a joint meeting. */
export interface Attendee {
  departmentCode: string;
  name: string;
  present: boolean;
}

export interface CoordinationDatabase extends Database {
  coordination_cases: {
    id: Generated<string>;
    number: string;
    title: string;
    description: Generated<string>;
    lead_department: string;
    town_code: string | null;
    status: "open" | "closed";
    opened_on: string;
    closed_on: string | null;
    synthetic: Generated<boolean>;
    created_by: string | null;
    created_at: Generated<Timestamp>;
  };
  coordination_meetings: {
    id: Generated<string>;
    number: string;
    title: string;
    held_on: string;
    status: "planned" | "held";
    attendees: Json<Attendee[]>;
    minutes: Generated<string>;
    decisions: Json<string[]>;
    synthetic: Generated<boolean>;
    created_by: string | null;
    created_at: Generated<Timestamp>;
  };
  coordination_tasks: {
    id: Generated<string>;
    case_id: string | null;
    meeting_id: string | null;
    department_code: string;
    description: string;
    started_on: string;
    working_days: number;
    due_on: string;
    status: "open" | "done";
    escalation_level: Generated<number>;
    escalated_on: string | null;
    done_on: string | null;
    answer: string | null;
    created_at: Generated<Timestamp>;
  };
  coordination_task_events: {
    id: Generated<string>;
    task_id: string;
    on_date: string;
    kind: string;
    note: Generated<string>;
    username: string;
    created_at: Generated<Timestamp>;
  };
  coordination_agenda_items: {
    meeting_id: string;
    task_id: string;
    reason: "overdue" | "escalated";
    added_on: string;
  };
}

/** The database handle typed with this module's tables. */
export function coordinationDb(executor: Executor): Kysely<CoordinationDatabase> {
  return executor as unknown as Kysely<CoordinationDatabase>;
}
