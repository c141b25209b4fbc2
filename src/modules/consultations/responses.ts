import { Type } from "typebox";
import { nullable } from "../../platform/http/response-schemas";

const date = Type.String({ format: "date" });
const status = Type.String({ description: "upcoming | open | closed | reported | decided" });

export const ConsultationSummary = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  kind: Type.String({ description: "public | community" }),
  title: Type.String(),
  summary: Type.String(),
  departmentName: nullable(Type.String()),
  townCode: nullable(Type.String()),
  communityName: nullable(Type.String()),
  opensOn: date,
  closesOn: date,
  status,
  commentCount: Type.Integer(),
});
export const ConsultationList = Type.Object({ items: Type.Array(ConsultationSummary) });

const Comment = Type.Object({
  id: Type.String(),
  author: Type.String({ description: "masked name" }),
  text: nullable(Type.String({ description: "null when hidden" })),
  hidden: nullable(Type.Object({ rule: Type.String(), ruleLabel: Type.String(), reason: Type.String(), on: date })),
  supportCount: Type.Integer(),
  supportedByMe: Type.Boolean(),
  mine: Type.Boolean(),
  createdAt: Type.String(),
});

export const ConsultationResponse = Type.Object({
  ...ConsultationSummary.properties,
  articles: Type.Array(
    Type.Object({
      id: Type.String(),
      number: Type.Integer(),
      heading: Type.String(),
      body: Type.String(),
      comments: Type.Array(Comment),
    }),
  ),
  report: nullable(
    Type.Object({
      summary: Type.String(),
      publishedOn: date,
      items: Type.Array(
        Type.Object({
          articleNumber: nullable(Type.Integer()),
          commentIds: Type.Array(Type.String()),
          summary: Type.String(),
          outcome: Type.String({ description: "adopted | partly_adopted | not_adopted" }),
          response: Type.String(),
        }),
      ),
    }),
  ),
  decision: nullable(Type.Object({ title: Type.String(), text: Type.String(), publishedOn: date })),
  meeting: nullable(
    Type.Object({
      heldOn: date,
      present: Type.Array(Type.String()),
      votesFor: Type.Integer(),
      votesAgainst: Type.Integer(),
      votesAbstain: Type.Integer(),
      outcome: Type.String(),
    }),
  ),
  mayComment: Type.Boolean(),
  mayModerate: Type.Boolean(),
  mayManage: Type.Boolean(),
});

export const RulesResponse = Type.Object({
  items: Type.Array(Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() })),
});
