import helmet, { type HelmetOptions } from "helmet";

/**
 * The security headers of every answer (Content-Security-Policy without inline scripts, frame and referrer rules,
 * nosniff, …), computed once with helmet's own rules. Helmet's Fastify plugin rebuilds its middleware — parsing the
 * CSP directives again — on every request: 16 % of the server's CPU on the public lists under load (issue 14). The
 * headers never change between requests here (no CSP nonces), so they are worked out once and set as they are.
 */
export function securityHeaders(options: Readonly<HelmetOptions>): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as never, response as never, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}
