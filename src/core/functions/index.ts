/** The rules as worksheet functions: what the functions' Office layer may use. */
export * from "./sheetFunctions";
export * from "./cellAnswers";
