/** Evidence files for every module: checked upload (PDF/JPEG/PNG by magic bytes, 10 MiB), staff-only download. */
export * from "./files.commands";
export * from "./files.policy";
export { filesFolder, maxFileBytes, detectMediaType, allowedMediaTypes } from "./files.store";
export { filesModule, fileRoutes } from "./files.routes";
