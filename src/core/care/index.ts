/** 关怀提醒: care lists from the registry and the contact log, and their printable sheet. Pure. */
export * from "./calendar";
export * from "./reasons";
export * from "./rules";
export * from "./sheet";
export * from "./texts";
export * from "./source";
