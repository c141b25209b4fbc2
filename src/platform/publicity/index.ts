/** Publicity (公示) for every module: publish masked lists with a working-day period, objections, exports. */
export * from "./publicity.lists";
export * from "./publicity.objections";
export * from "./publicity.policy";
export { listToPdf, listToXlsx, cjkFontPath, periodLine } from "./publicity.export";
export { publicityModule, publicityRoutes } from "./publicity.routes";
export type { ListColumn, EntryValue } from "./publicity.tables";
