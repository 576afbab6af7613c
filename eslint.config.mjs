// ESLint and Prettier as office-addin-lint sets them up for add-ins (eslint-plugin-office-addins'
// recommended rules, Prettier's style from office-addin-prettier-config), over the whole project.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";

// office-addins' recommended rules (Prettier included) name .js and .ts files only: the same
// rules for the React files.
const officeRules = officeAddins.configs.recommended.find((c) => c.files && c.rules);
const TSX = ["**/*.tsx"];

export default [
  { ignores: ["dist/**", "build/**", "node_modules/**", "out/**", "samples/**", "coverage/**", "test-artifacts/**"] },
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser },
  },
  {
    // TypeScript checks names itself (and knows the DOM, Node, Jest and Office types).
    files: ["**/*.ts", "**/*.tsx"],
    rules: { "no-undef": "off" },
  },
  // The task pane and the web page (React): the same rules and style as the rest, React's
  // recommended rules (with the automatic JSX runtime) and the rules of hooks.
  { ...officeRules, files: TSX },
  { ...react.configs.flat.recommended, files: TSX },
  { ...react.configs.flat["jsx-runtime"], files: TSX },
  {
    files: TSX,
    plugins: { "react-hooks": reactHooks },
    settings: { react: { version: "detect" } },
    rules: {
      ...reactHooks.configs["recommended-latest"].rules,
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    // The Office.js rules (load before read, sync before read) are for code that talks to Excel;
    // exceljs code elsewhere has look-alike names (getCell, numFmt) and no context.sync().
    files: ["src/core/**", "src/hosts/exceljs/**", "scripts/**", "test/**"],
    ignores: ["test/office/**"],
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/call-sync-after-load": "off",
    },
  },
  {
    // Node scripts and configs written in CommonJS.
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
  },
];
