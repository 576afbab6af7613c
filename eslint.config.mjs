// ESLint and Prettier as office-addin-lint sets them up for add-ins (eslint-plugin-office-addins'
// recommended rules, Prettier's style from office-addin-prettier-config), over the whole project.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

export default [
  { ignores: ["dist/**", "build/**", "node_modules/**", "out/**", "samples/**", "coverage/**", "test-artifacts/**"] },
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser },
  },
  {
    // TypeScript checks names itself (and knows the DOM, Node, Jest and Office types).
    files: ["**/*.ts"],
    rules: { "no-undef": "off" },
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
