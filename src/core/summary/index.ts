export * from "./quarter";
export * from "./sources";
export * from "./compute";
export * from "./sheet";
export * from "./docs";
