/** The pure kernel: no I/O, no database, no network. Import from here or from the individual modules. */
export * from "./result";
export * from "./money";
export * from "./points";
export * from "./dates";
export * from "./calendar";
export * from "./id-number";
export * from "./phone";
export * from "./masking";
export * from "./clock";
