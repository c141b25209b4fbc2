/**
 * The formula layer of the rules engine: small expressions written in policy YAML
 * (`min(floor(hours // 50) * 2, 10)`, `if(age(birth_date) >= 18 and age(birth_date) <= 35, 5, 0)`),
 * parsed into a tree that is both interpreted (explain) and compiled to JavaScript (columns).
 */
import { parsePointsResult } from "../core/points";
import { err, ok, type Result } from "../core/result";

/** A parsed expression. Numbers are exact decimals held as integer hundredths. */
export type Expression =
  | { type: "number"; hundredths: number }
  | { type: "string"; value: string }
  | { type: "name"; name: string }
  | { type: "unary"; operator: "-" | "not"; operand: Expression }
  | { type: "binary"; operator: BinaryOperator; left: Expression; right: Expression }
  | { type: "call"; callee: string; args: Expression[] };

export type BinaryOperator = "+" | "-" | "*" | "//" | "<" | "<=" | ">" | ">=" | "==" | "!=" | "and" | "or";

interface Token {
  kind: "number" | "string" | "name" | "symbol" | "end";
  text: string;
  position: number;
}

const SYMBOLS = ["//", "<=", ">=", "==", "!=", "(", ")", ",", "+", "-", "*", "<", ">", "/"];

function tokenize(source: string): Result<Token[], string> {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const character = source[index];
    if (/\s/.test(character)) {
      index += 1;
      continue;
    }
    const numberMatch = /^\d+(?:\.\d+)?/.exec(source.slice(index));
    if (numberMatch) {
      tokens.push({ kind: "number", text: numberMatch[0], position: index });
      index += numberMatch[0].length;
      continue;
    }
    const nameMatch = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(source.slice(index));
    if (nameMatch) {
      tokens.push({ kind: "name", text: nameMatch[0], position: index });
      index += nameMatch[0].length;
      continue;
    }
    if (character === "'" || character === '"') {
      const end = source.indexOf(character, index + 1);
      if (end < 0) return err(`unterminated string at ${index}`);
      tokens.push({ kind: "string", text: source.slice(index + 1, end), position: index });
      index = end + 1;
      continue;
    }
    const symbol = SYMBOLS.find((candidate) => source.startsWith(candidate, index));
    if (!symbol) return err(`unexpected character "${character}" at ${index}`);
    if (symbol === "/") return err(`"/" at ${index}: use "//" (quotient rounded down) for division`);
    tokens.push({ kind: "symbol", text: symbol, position: index });
    index += symbol.length;
  }
  tokens.push({ kind: "end", text: "", position: source.length });
  return ok(tokens);
}

const PRECEDENCE: Record<string, number> = {
  or: 1,
  and: 2,
  "==": 3,
  "!=": 3,
  "<": 4,
  "<=": 4,
  ">": 4,
  ">=": 4,
  "+": 5,
  "-": 5,
  "*": 6,
  "//": 6,
};

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.index];
  }

  private next(): Token {
    const token = this.tokens[this.index];
    this.index += 1;
    return token;
  }

  private expect(text: string): void {
    const token = this.next();
    if (token.text !== text)
      throw new SyntaxError(`expected "${text}" at ${token.position}, found "${token.text || "end"}"`);
  }

  parseAll(): Expression {
    const expression = this.parseBinary(0);
    const rest = this.peek();
    if (rest.kind !== "end") throw new SyntaxError(`unexpected "${rest.text}" at ${rest.position}`);
    return expression;
  }

  private operatorOf(token: Token): string | undefined {
    if (token.kind === "symbol" && token.text in PRECEDENCE) return token.text;
    if (token.kind === "name" && (token.text === "and" || token.text === "or")) return token.text;
    return undefined;
  }

  private parseBinary(minimum: number): Expression {
    let left = this.parseUnary();
    while (true) {
      const operator = this.operatorOf(this.peek());
      if (!operator || PRECEDENCE[operator] <= minimum) return left;
      this.next();
      const right = this.parseBinary(PRECEDENCE[operator]);
      left = { type: "binary", operator: operator as BinaryOperator, left, right };
    }
  }

  private parseUnary(): Expression {
    const token = this.peek();
    if (token.kind === "symbol" && token.text === "-") {
      this.next();
      return { type: "unary", operator: "-", operand: this.parseUnary() };
    }
    if (token.kind === "name" && token.text === "not") {
      this.next();
      return { type: "unary", operator: "not", operand: this.parseUnary() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Expression {
    const token = this.next();
    if (token.kind === "number") {
      const parsed = parsePointsResult(token.text);
      if (!parsed.ok) throw new SyntaxError(`number "${token.text}" at ${token.position} has more than 2 decimals`);
      return { type: "number", hundredths: parsed.value };
    }
    if (token.kind === "string") return { type: "string", value: token.text };
    if (token.kind === "name") {
      if (token.text === "true" || token.text === "false") return { type: "call", callee: token.text, args: [] };
      if (this.peek().text === "(") {
        this.next();
        const args: Expression[] = [];
        if (this.peek().text !== ")") {
          args.push(this.parseBinary(0));
          while (this.peek().text === ",") {
            this.next();
            args.push(this.parseBinary(0));
          }
        }
        this.expect(")");
        return { type: "call", callee: token.text, args };
      }
      return { type: "name", name: token.text };
    }
    if (token.text === "(") {
      const inner = this.parseBinary(0);
      this.expect(")");
      return inner;
    }
    throw new SyntaxError(`unexpected "${token.text || "end"}" at ${token.position}`);
  }
}

/** Parses an expression written in a policy file; the error says where it went wrong. */
export function parseExpression(source: string): Result<Expression, string> {
  const tokens = tokenize(source);
  if (!tokens.ok) return tokens;
  try {
    return ok(new Parser(tokens.value).parseAll());
  } catch (error) {
    if (error instanceof SyntaxError) return err(error.message);
    throw error;
  }
}

/** Names an expression reads (facts, variables, context), so the loader can reject unknown ones. */
export function namesIn(expression: Expression, into: Set<string> = new Set()): Set<string> {
  switch (expression.type) {
    case "name":
      into.add(expression.name);
      break;
    case "unary":
      namesIn(expression.operand, into);
      break;
    case "binary":
      namesIn(expression.left, into);
      namesIn(expression.right, into);
      break;
    case "call":
      for (const arg of expression.args) namesIn(arg, into);
      break;
    default:
      break;
  }
  return into;
}
