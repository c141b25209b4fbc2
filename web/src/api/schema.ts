// Reads the server's shapes out of the generated OpenAPI types (web/generated/openapi.ts, `npm run gen:api-types`),
// so a web type is an alias of what the route's response schema declares instead of a second declaration.
import type { paths } from "../../generated/openapi";

/** The operations under /api/v1, keyed by the path as the web client writes it ("/persons/{id}"). */
type V1Paths = { [P in keyof paths as P extends `/api/v1${infer Rest}` ? Rest : never]: paths[P] };

/** A path of the v1 API with its parameters in braces ("/persons/{id}"). */
export type ApiPath = keyof V1Paths;

/** An HTTP method of an operation. */
export type ApiMethod = "get" | "post" | "put" | "patch" | "delete";

type Operation<P extends ApiPath, M extends ApiMethod> = NonNullable<V1Paths[P][M]>;
type JsonOf<Answer> = Answer extends { content: { "application/json": infer Body } } ? Body : never;
type SuccessOf<Responses> = Responses extends { 200: infer Answer }
  ? Answer
  : Responses extends { 201: infer Answer }
    ? Answer
    : never;

/**
 * The JSON body of an operation's success answer (its 200, else its 201) as the route's response schema declares
 * it; `never` when the route declares no response schema.
 */
export type ApiResponse<P extends ApiPath, M extends ApiMethod = "get"> = JsonOf<
  SuccessOf<Operation<P, M>["responses"]>
>;

/** The JSON request body of an operation. */
export type ApiBody<P extends ApiPath, M extends ApiMethod> =
  Operation<P, M> extends { requestBody?: infer Body } ? JsonOf<NonNullable<Body>> : never;

/** The query parameters of an operation. */
export type ApiQuery<P extends ApiPath, M extends ApiMethod = "get"> = NonNullable<
  Operation<P, M>["parameters"]["query"]
>;

/** The element type of a list answer (a page `{ items }` or a plain array). */
export type ItemOf<List> = List extends { items: (infer Item)[] } ? Item : List extends (infer Item)[] ? Item : never;
