/**
 * The contact log (联谊活动记录) and suggestions (意见建议) as forms fill them: rows to append, open
 * suggestions and their updates in place, all as plans the host carries out. Pure.
 */
export * from "./append";
export * from "./contact";
export * from "./contactTypes";
export * from "./days";
export * from "./entry";
export * from "./errors";
export * from "./link";
export * from "./members";
export * from "./openSuggestions";
export * from "./choices";
export * from "./people";
export * from "./resolve";
export * from "./suggestion";
export * from "./suggestionStatus";
export * from "./texts";
