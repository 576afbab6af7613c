import type { Locale } from "../../src/core/types";

/** What the command line says, in Chinese first, English with --lang en. */
const TEXT = {
  "zh-CN": {
    description: "统战台账助手：把旧的成员名册批量转换为标准格式，并校验数据",
    convert: "转换工作簿（.xlsx .xlsm .xls .et .csv）为标准成员名册",
    check: "只校验，不写任何文件，打印校验报告",
    inputs: "文件或文件夹（文件夹会递归查找表格文件）",
    out: "输出文件夹",
    sheet: "名册所在的工作表名（默认自动识别）",
    dryRun: "只演练：照常读取和校验，但不写任何文件",
    resume: "续做：跳过上次已完整转换、且输入文件未改动的文件",
    jobs: "并行处理的文件数（默认：CPU 核数；summary、remind 为核数减一）",
    lang: "界面语言：zh（中文）或 en（English）",
    quiet: "不显示进度，只显示结果",
    maxCells: "每个名册的单元格数上限",
    maxSize: "工作簿解压后的大小上限（MB），防“压缩炸弹”",
    showPii:
      "在控制台和 report.json 中显示完整身份证号和手机号（默认打码；例会记录、情况通报、汇总表和关怀提醒中始终打码）",
    version: "显示版本号",
    help: "显示帮助",
    helpCommand: "显示某个命令的帮助",
    titles: {
      "Usage:": "用法：",
      "Options:": "选项：",
      "Commands:": "命令：",
      "Arguments:": "参数：",
      "Global Options:": "全局选项：",
    } as Record<string, string>,
    noInputs: "没有找到要处理的表格文件",
    outRequired: "缺少 --out 输出文件夹",
    badJobs: "--jobs 应为正整数",
    badNumber: (opt: string) => `${opt} 应为正数`,
    unknownOption: (o: string) => `不认识的选项 ${o}（用 --help 查看用法）`,
    unknownCommand: (c: string) =>
      `不认识的命令 ${c}（可用命令：convert、check、meeting、bulletin、summary、remind）`,
    missingArgument: (a: string) => `缺少参数 ${a}`,
    missingOptionValue: (o: string) => `选项 ${o} 缺少取值`,
    requiredOption: (o: string) => `缺少 ${o}${o === "--out" ? " 输出文件夹" : ""}`,
    usageError: "命令行有误（用 --help 查看用法）",
    progress: "处理中",
    table: {
      file: "文件",
      members: "成员",
      changes: "修改",
      errors: "错误",
      warnings: "提示",
      status: "结果",
    },
    status: { ok: "通过", problems: "有错误", failed: "失败" },
    done: (n: number, out: string | null) =>
      out ? `已处理 ${n} 个文件，输出在 ${out}` : `已校验 ${n} 个文件`,
    dryRunNote: "演练模式：没有写入任何文件",
    resumed: (n: number) => `续做：${n} 个文件上次已完成，输入未改动，已跳过`,
    resumedLine: "（上次已完成，跳过）",
    interrupted: "已中断：未完成的输出和临时文件已删除，已完成的文件保留（可用 --resume 续做）",
    interruptedTemps: "已中断：临时文件已删除",
    reportWritten: (p: string) => `报告：${p}`,
    fileLine: (i: number, n: number, file: string, text: string) => `[${i}/${n}] ${file}：${text}`,
    counts: (m: number, c: number, e: number, w: number) =>
      `成员 ${m}，修改 ${c}，错误 ${e}，提示 ${w}`,
    problemsOf: (file: string, sheet: string) => `${file}${sheet ? `（工作表“${sheet}”）` : ""}：`,
    problemLine: (row: number, name: string, column: string, message: string) =>
      `  第 ${row} 行${name ? `（${name}）` : ""} ${column}：${message}`,
    more: (n: number) => `  ……另有 ${n} 个问题，见 report.json 或输出工作簿的“校验报告”`,
  },
  en: {
    description:
      "United-front ledger assistant: convert old member registries to the standard layout, and check them",
    convert: "convert workbooks (.xlsx .xlsm .xls .et .csv) to the standard member registry",
    check: "check only: write nothing, print the report",
    inputs: "files or folders (folders are searched for spreadsheets)",
    out: "output folder",
    sheet: "name of the registry sheet (found automatically by default)",
    dryRun: "rehearse: read and check as usual, write nothing",
    resume:
      "resume: skip files whose output an earlier run completed from the same, unchanged input",
    jobs: "files processed in parallel (default: the number of cores; for summary and remind, one fewer)",
    lang: "language: zh (Chinese) or en (English)",
    quiet: "no progress, results only",
    maxCells: "largest number of cells of a registry",
    maxSize: "largest unpacked size of a workbook in MB (against zip bombs)",
    showPii:
      "show full ID and phone numbers on the console and in report.json (masked by default; always masked in meeting records, bulletins, summaries and care reminders)",
    version: "show the version",
    help: "show help",
    helpCommand: "show help for a command",
    titles: {} as Record<string, string>,
    noInputs: "no spreadsheet files found",
    outRequired: "--out (output folder) is required",
    badJobs: "--jobs must be a positive whole number",
    badNumber: (opt: string) => `${opt} must be a positive number`,
    unknownOption: (o: string) => `unknown option ${o} (see --help)`,
    unknownCommand: (c: string) =>
      `unknown command ${c} (commands: convert, check, meeting, bulletin, summary, remind)`,
    missingArgument: (a: string) => `missing argument ${a}`,
    missingOptionValue: (o: string) => `option ${o} needs a value`,
    requiredOption: (o: string) => `${o} is required`,
    usageError: "bad command line (see --help)",
    progress: "Working",
    table: {
      file: "File",
      members: "Members",
      changes: "Changes",
      errors: "Errors",
      warnings: "Warnings",
      status: "Result",
    },
    status: { ok: "passed", problems: "errors", failed: "failed" },
    done: (n: number, out: string | null) =>
      out ? `${n} files done; output in ${out}` : `${n} files checked`,
    dryRunNote: "dry run: nothing was written",
    resumed: (n: number) =>
      `resumed: ${n} files were done by an earlier run from the same input, skipped`,
    resumedLine: " (done by an earlier run, skipped)",
    interrupted:
      "interrupted: unfinished outputs and temp files removed, finished files kept (--resume goes on)",
    interruptedTemps: "interrupted: temp files removed",
    reportWritten: (p: string) => `Report: ${p}`,
    fileLine: (i: number, n: number, file: string, text: string) => `[${i}/${n}] ${file}: ${text}`,
    counts: (m: number, c: number, e: number, w: number) =>
      `${m} members, ${c} changes, ${e} errors, ${w} warnings`,
    problemsOf: (file: string, sheet: string) => `${file}${sheet ? ` (sheet "${sheet}")` : ""}:`,
    problemLine: (row: number, name: string, column: string, message: string) =>
      `  row ${row}${name ? ` (${name})` : ""} ${column}: ${message}`,
    more: (n: number) => `  … ${n} more problems: see report.json or the 校验报告 sheet`,
  },
};

export type CliText = (typeof TEXT)["zh-CN"];

export function cliText(locale: Locale): CliText {
  return TEXT[locale] as CliText;
}

/** --lang zh|en (or zh-CN, en-US), read before the parser so that help is in that language. */
export function localeFromArgv(argv: readonly string[]): Locale {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (i < 0) return "zh-CN";
  const v = argv[i].includes("=") ? argv[i].split("=")[1] : argv[i + 1];
  return v && v.toLowerCase().startsWith("en") ? "en" : "zh-CN";
}
