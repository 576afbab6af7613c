/** The registry checked as staff type: what the hosts may use. */
export * from "./fix";
export * from "./liveRegistry";
