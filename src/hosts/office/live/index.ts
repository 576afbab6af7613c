/** The live check of 成员名册 in Excel: what the task pane may use. */
export { type LiveCheckOptions, OfficeLiveCheck } from "./liveCheck";
