/**
 * fast-check arbitraries read from a route's declared JSON Schema (TypeBox emits plain JSON Schema): values that
 * fit the schema (so the handler runs), filled with boundary numbers and hostile text, and values that break it
 * in one place (a wrong type, a missing or unknown field, a string far too long, nesting thousands deep).
 * Used by the property-based fuzz test of every route (tests/api/fuzz.api.test.ts, issue 14 "Bad input").
 */
import fc, { type Arbitrary } from "fast-check";

/** A JSON Schema as the route table declares it (only the keywords routes use). */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  patternProperties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
  anyOf?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
}

/** Text that has broken systems before: outside the BMP, combining marks, bidi controls, NUL, SQL and markup. */
export const hostileStrings: readonly string[] = [
  "𠀀",
  "𠀀𠀁𪚥",
  "张\u0301\u0308\u20dd",
  "e\u0301",
  "\u202eabc\u202c",
  "\u200f阿拉伯\u200e",
  "\u200b\u200d\ufeff",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udfff\ud800",
  "👨‍👩‍👧‍👦",
  "   ",
  "\t\n\r",
  "'; drop table persons; --",
  "' or '1'='1",
  "\\",
  '"',
  "%s%n%x",
  "${process.exit()}",
  "<script>alert(1)</script>",
  "../../../etc/passwd",
  "null",
  "undefined",
  "0",
  "-1",
  "1e309",
  "NaN",
  "true",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "\u00a0",
  "Ω≈ç√",
  "ﷺ",
  "\u{10ffff}",
  "\u{e0001}",
];

/** Numbers at and past the limits PostgreSQL and JavaScript care about. */
export const boundaryNumbers: readonly number[] = [
  0,
  -0,
  1,
  -1,
  0.5,
  -0.5,
  0.005,
  0.01,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  -(2 ** 31) - 1,
  2 ** 32,
  2 ** 53 - 1,
  2 ** 53 + 2,
  -(2 ** 53),
  1e15,
  1e21,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  Number.EPSILON,
  99999999.99,
];

/** Values of the wrong type for any field. */
export const wrongTypeValue: Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, "", "x", [], {}, [null], { a: 1 }, [[[]]]),
  fc.constantFrom(...boundaryNumbers),
  fc.constantFrom(...hostileStrings),
);

/** Where the generator may take realistic strings from: ids of real records, codes that exist. */
export interface StringPools {
  uuids: readonly string[];
  codes: readonly string[];
}

const dateText = fc.oneof(
  fc.constantFrom(
    "0001-01-01",
    "1900-01-01",
    "1970-01-01",
    "1999-12-31",
    "2000-02-29",
    "2024-02-29",
    "2025-06-30",
    "2026-01-01",
    "2026-12-31",
    "2027-03-15",
    "2100-12-31",
    "9999-12-31",
  ),
  fc
    .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2200-12-31T00:00:00Z"), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10)),
);
const dateTimeText = fc.oneof(
  fc.constantFrom("1970-01-01T00:00:00Z", "2026-06-01T08:00:00+08:00", "9999-12-31T23:59:59.999Z"),
  fc
    .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2200-12-31T00:00:00Z"), noInvalidDate: true })
    .map((date) => date.toISOString()),
);

/** Any text (no length rule applied), hostile text often. */
function freeText(pools: StringPools): Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...hostileStrings) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: pools.codes.length ? fc.constantFrom(...pools.codes) : fc.constant("shiqi") },
    { weight: 1, arbitrary: dateText },
    { weight: 1, arbitrary: fc.constantFrom("1", "12.5", "-3", "100000000000", "0.001", "１２３") },
  );
}

/** Fits a text to a length rule, counting UTF-16 units as Ajv does (with unicode off) — padded or cut. */
function fitLength(text: string, min = 0, max = Infinity): string {
  let characters = [...text];
  if (characters.length > max) characters = characters.slice(0, max);
  // Pad in one step with String.repeat: per-character padding made a 20,000,000-character limit cost seconds.
  const missing = min - characters.length;
  if (missing <= 0) return characters.join("");
  return characters.join("") + "𠀀字".repeat(Math.floor(missing / 2)) + (missing % 2 ? "𠀀" : "");
}

function stringFor(schema: JsonSchema, pools: StringPools): Arbitrary<string> {
  if (schema.format === "uuid") {
    return pools.uuids.length
      ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pools.uuids) }, { weight: 1, arbitrary: fc.uuid() })
      : fc.uuid();
  }
  if (schema.format === "date") return dateText;
  if (schema.format === "date-time") return dateTimeText;
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    const matching = fc.stringMatching(pattern);
    return matching.filter((text) => {
      const length = [...text].length;
      return length >= (schema.minLength ?? 0) && length <= (schema.maxLength ?? Infinity);
    });
  }
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 200;
  return fc.oneof(
    { weight: 6, arbitrary: freeText(pools).map((text) => fitLength(text, min, max)) },
    // The exact length limits, in characters outside the BMP.
    { weight: 1, arbitrary: fc.constantFrom(min, max).map((length) => fitLength("", length, length)) },
  );
}

function numberFor(schema: JsonSchema, integer: boolean): Arbitrary<number> {
  const min = schema.minimum ?? -(2 ** 53);
  const max = schema.maximum ?? 2 ** 53;
  const inRange = boundaryNumbers.filter((n) => n >= min && n <= max && (!integer || Number.isInteger(n)));
  const edges = [min, max, Math.max(min, Math.min(max, 0)), Math.max(min, Math.min(max, 1))];
  const range = integer
    ? fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.min(max, Number.MAX_SAFE_INTEGER) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  return fc.oneof(fc.constantFrom(...edges, ...inRange), range);
}

/** A value that satisfies the schema (as far as the generator can tell), with extreme content. */
export function validValue(schema: JsonSchema | undefined, pools: StringPools, depth = 0): Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.constant(undefined);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((option) => validValue(option, pools, depth + 1)));
  switch (schema.type) {
    case "string":
      return stringFor(schema, pools);
    case "integer":
      return numberFor(schema, true);
    case "number":
      return numberFor(schema, false);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.min(schema.maxItems ?? 5, minLength + 5);
      return fc.array(validValue(schema.items, pools, depth + 1), { minLength, maxLength });
    }
    case "object": {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const shape: Record<string, Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries(properties)) shape[name] = validValue(property, pools, depth + 1);
      const record = fc.record(shape, { requiredKeys: [...required].filter((name) => name in shape) });
      if (schema.patternProperties) {
        const [valueSchema] = Object.values(schema.patternProperties);
        return fc
          .tuple(
            record,
            fc.dictionary(
              fc.oneof(fc.constantFrom(...hostileStrings), fc.string({ maxLength: 10 })),
              validValue(valueSchema, pools, depth + 1),
              { maxKeys: 4 },
            ),
          )
          .map(([fixed, extra]) => ({ ...extra, ...fixed }));
      }
      return record;
    }
    default:
      // Unknown (any value): any JSON, including awkward shapes.
      return fc.oneof(fc.jsonValue({ maxDepth: 3 }), wrongTypeValue);
  }
}

/** Text far past any limit (up to 200,000 characters, ~800 kB: under the 1 MiB body limit). */
const hugeString = fc
  .tuple(fc.constantFrom("a", "𠀀", "字\u0301", "\u0000", " "), fc.constantFrom(1_000, 10_000, 10_000, 200_000))
  .map(([unit, count]) => unit.repeat(count));

/** A value nested this deep: arrays or objects (deeper bodies are sent as raw text by the fuzz test). */
export function deeplyNested(depth: number, kind: "array" | "object"): unknown {
  let value: unknown = "x";
  for (let level = 0; level < depth; level += 1) value = kind === "array" ? [value] : { a: value };
  return value;
}

const deepValue = fc
  .tuple(fc.constantFrom(100, 1_000), fc.constantFrom<"array" | "object">("array", "object"))
  .map(([depth, kind]) => deeplyNested(depth, kind));

/** Paths to every place in a value that a mutation can replace (the root is the empty path). */
function paths(
  value: unknown,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, index) => paths(item, [...prefix, index], out));
  else if (value !== null && typeof value === "object")
    for (const [key, item] of Object.entries(value)) paths(item, [...prefix, key], out);
  return out;
}

function replaceAt(value: unknown, path: (string | number)[], replacement: unknown | typeof remove): unknown {
  if (path.length === 0) return replacement === remove ? undefined : replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && replacement === remove) copy.splice(Number(head), 1);
    else copy[Number(head)] = replaceAt(copy[Number(head)], rest, replacement);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  if (rest.length === 0 && replacement === remove) delete copy[head];
  else copy[head] = replaceAt(copy[head], rest, replacement);
  return copy;
}
const remove = Symbol("remove");

/** A valid value broken in one place: a wrong type, a removed field, an unknown field, huge text, deep nesting. */
export function mutatedValue(schema: JsonSchema | undefined, pools: StringPools): Arbitrary<unknown> {
  const replacement = fc.oneof(
    { weight: 4, arbitrary: wrongTypeValue },
    { weight: 1, arbitrary: hugeString },
    { weight: 1, arbitrary: deepValue },
    { weight: 1, arbitrary: fc.constant(remove) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  );
  return fc
    .tuple(validValue(schema, pools), replacement, fc.nat(), fc.option(fc.constantFrom(...hostileStrings)))
    .map(([base, value, pick, extraKey]) => {
      const places = paths(base);
      const mutated = replaceAt(base, places[pick % places.length], value);
      if (extraKey !== null && mutated !== null && typeof mutated === "object" && !Array.isArray(mutated))
        return { ...(mutated as object), [extraKey]: value === remove ? 1 : value };
      return mutated;
    });
}

/** Either a fitting value (a third of the time, so handlers run) or a broken one. */
export function fuzzValue(schema: JsonSchema | undefined, pools: StringPools): Arbitrary<unknown> {
  return fc.oneof(
    { weight: 1, arbitrary: validValue(schema, pools) },
    { weight: 2, arbitrary: mutatedValue(schema, pools) },
  );
}
