import type { ProblemTexts } from "./texts";

/** The other rows of a finding: 3, 8, or 3, 8, 9, 12, 15 and 2 more. */
function otherRows(p: { rows: number[]; more: number }): string {
  const list = p.rows.join(", ");
  return p.more > 0 ? `${list} and ${p.more} more` : list;
}

/** Every problem in English. */
export const EN: ProblemTexts = {
  "header-not-found": {
    title: "No header",
    message: (p) =>
      `No header row found in the first ${p.rows} rows (need 姓名 and at least one more registry column)`,
    fix: () => "Check that this is a member registry, or add headers such as 姓名 and 公民身份号码",
  },
  "column-unmapped": {
    title: "Non-standard column",
    message: (p) =>
      `Column "${p.header}" is not a standard registry column; kept as it is, after the standard ones`,
    fix: () => "If it is another name for a standard column, rename it",
  },
  "column-duplicate": {
    title: "Duplicate column",
    message: (p) =>
      `Column "${p.header}" is a second "${p.field}" column; kept as it is, after the standard ones`,
    fix: () => "Merge the two columns and delete the extra one",
  },
  "column-missing": {
    title: "Missing column",
    message: (p) => `The registry has no "${p.header}" column; an empty one was added`,
    fix: (p) => `Fill in "${p.header}"`,
  },
  "name-missing": {
    title: "Name missing",
    message: () => "Name is empty",
    fix: () => "Fill in the name, or delete the row",
  },
  "gender-invalid": {
    title: "Gender unreadable",
    message: (p) => `Gender "${p.value}" is not 男 or 女`,
    fix: () => "Use 男 or 女",
  },
  "gender-mismatch": {
    title: "Gender disagrees with ID",
    message: (p) => `Gender "${p.value}" disagrees with the ID number (which says ${p.expected})`,
    fix: (p) => `Check, then use ${p.expected}, or correct the ID number`,
  },
  "ethnicity-invalid": {
    title: "Ethnicity not standard",
    message: (p) => `Ethnicity "${p.value}" is not one of the 56 names of GB/T 3304`,
    fix: () => "Use a standard name such as 汉族 or 回族",
  },
  "ethnicity-unrecognised": {
    title: "Not one of the 56 groups",
    message: (p) =>
      `Ethnicity "${p.value}" is not one of the 56 (a group not yet identified, or a branch of one of the 56)`,
    fix: () =>
      "Use the ethnicity in the member's household register; if it is registered so, keep it and say so in 备注",
  },
  "ethnicity-unknown": {
    title: "Ethnicity not stated",
    message: (p) => `Ethnicity "${p.value}" does not say which ethnic group`,
    fix: () => "Use the ethnicity on the member's ID card or household register, e.g. 汉族",
  },
  "ethnicity-foreign-origin": {
    title: "Foreign origin",
    message: (p) =>
      `Ethnicity "${p.value}": Chinese citizens of foreign origin are not one of the 56 (GB/T 3304 code 98)`,
    fix: () =>
      "Check the household register; if the member is of foreign origin, keep it and say so in 备注",
  },
  "birth-date-invalid": {
    title: "Date of birth unreadable",
    message: (p) => `Date of birth "${p.value}" cannot be read`,
    fix: () => "Write it as yyyy-mm-dd, e.g. 1965-03-12",
  },
  "birth-date-partial": {
    title: "Date of birth incomplete",
    message: (p) =>
      `Date of birth "${p.value}" gives only the ${p.precision}, and there is no valid ID number to complete it`,
    fix: () => "Complete the year, month and day",
  },
  "birth-date-ambiguous": {
    title: "Birth month 1 or 10",
    message: (p) =>
      `Date of birth "${p.value}" may be January or October (Excel stores .10 as .1); read as ${p.read}`,
    fix: () => "Check it and write it as yyyy-mm-dd",
  },
  "birth-date-mismatch": {
    title: "Date of birth disagrees with ID",
    message: (p) => `Date of birth "${p.value}" disagrees with the ID number's ${p.expected}`,
    fix: (p) => `Check, then use ${p.expected}, or correct the ID number`,
  },
  "birth-date-out-of-range": {
    title: "Date of birth impossible",
    message: (p) => `Date of birth ${p.value} is impossible (after today or before 1800)`,
    fix: () => "Check the date of birth",
  },
  "date-invalid": {
    title: "Date unreadable",
    message: (p) => `${p.column} "${p.value}" is not a date`,
    fix: () => "Write it as yyyy-mm-dd",
  },
  "date-partial": {
    title: "Date incomplete",
    message: (p) => `${p.column} "${p.value}" gives only the ${p.precision}`,
    fix: () => "Complete the year, month and day",
  },
  "id-missing": {
    title: "ID number missing",
    message: () => "ID number is empty",
    fix: () => "Add the ID number so that records can be checked and deduplicated",
  },
  "id-format": {
    title: "ID number malformed",
    message: (p) =>
      `ID number "${p.value}" is malformed: it needs 18 characters (17 digits, then a digit or X) or the old 15 digits`,
    fix: () => "Re-enter it from the ID card",
  },
  "id-checksum": {
    title: "ID check digit wrong",
    message: (p) => `ID number "${p.value}" fails its check digit`,
    fix: (p) =>
      `Check it against the card; if the first 17 digits are right, the last should be ${p.expected}`,
  },
  "id-birth-date": {
    title: "ID holds an impossible date",
    message: (p) => `ID number "${p.value}" holds a birth date ${p.date} that does not exist`,
    fix: () => "Re-enter it from the ID card",
  },
  "id-area": {
    title: "ID area code unknown",
    message: (p) =>
      `ID number "${p.value}" has an area code ${p.area} found in no edition of GB/T 2260's county codes`,
    fix: () => "Check the first six digits against the card",
  },
  "id-foreign-permanent": {
    title: "Foreign permanent resident ID",
    message: (p) =>
      `"${p.value}" is a foreign permanent resident ID number (it starts with 9), not a citizen ID number`,
    fix: () =>
      "If the member is a foreign permanent resident, keep it and note the nationality in 备注",
  },
  "id-precision-lost": {
    title: "ID stored as a number, digits lost",
    message: (p) =>
      `The ID number was stored by Excel as a number (${p.value}); its last digits are lost and cannot be repaired`,
    fix: () => "Format the column as Text, then re-enter the number from the ID card",
  },
  "id-duplicate": {
    title: "Duplicate ID number",
    message: (p) => `The same ID number is on row(s) ${otherRows(p)}`,
    fix: () => "Check whether it is the same person listed twice; keep one row",
  },
  "possible-duplicate": {
    title: "Possibly listed twice",
    message: (p) =>
      `Same name and date of birth as row(s) ${otherRows(p)}, but a different ID number`,
    fix: () => "Check whether it is one person; if so, correct the ID and delete the extra row",
  },
  "political-invalid": {
    title: "Political affiliation not standard",
    message: (p) =>
      `Political affiliation "${p.value}" is neither a GB/T 4762 name nor a known short form`,
    fix: () => "Use a canonical name such as 中国民主同盟盟员 or 群众",
  },
  "political-ambiguous": {
    title: "Political affiliation ambiguous",
    message: (p) => `Political affiliation "${p.value}" does not say which one (e.g. which party)`,
    fix: () => "Name it exactly, e.g. 中国民主同盟盟员 or 九三学社社员",
  },
  "category-invalid": {
    title: "Category not standard",
    message: (p) => `"${p.part}" in the category is not one of the twelve categories`,
    fix: () => "Choose from the twelve categories, joined by 、",
  },
  "education-invalid": {
    title: "Education unreadable",
    message: (p) => `Education "${p.value}" is not a known level`,
    fix: () => "Use 研究生, 大学本科, 大学专科, 中专, 高中 or 初中及以下",
  },
  "economy-invalid": {
    title: "Family economy unreadable",
    message: (p) => `Family economy "${p.value}" is not a known level`,
    fix: () => "Use 良好, 一般 or 困难",
  },
  "phone-invalid": {
    title: "Phone number invalid",
    message: (p) =>
      `Phone "${p.value}" is neither a mobile number (11 digits starting with 1) nor a landline with area code`,
    fix: () => "Use an 11-digit mobile number or a landline as area-number",
  },
  "phone-multiple": {
    title: "Several phone numbers",
    message: (p) => `The phone cell holds ${p.count} numbers`,
    fix: () => "Keep one number; move the others to the remarks",
  },
  "household-invalid": {
    title: "Household size invalid",
    message: (p) => `Household size "${p.value}" should be a whole number from 1 to 20`,
    fix: () => "Write the number of people, e.g. 3",
  },
  "unexpected-type": {
    title: "Unexpected type",
    message: (p) => `${p.column} holds "${p.value}", which is not text`,
    fix: () => "Check the cell",
  },
};
