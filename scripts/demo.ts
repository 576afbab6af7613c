import { promises as fs } from "node:fs";
import path from "node:path";
import { main } from "./cli/main";
import { writeSamples } from "./samples/writeSamples";

/**
 * npm run demo: writes the sample old workbooks into samples/, converts them into out/ with the
 * batch tool, prints the care lists (关怀提醒) of the samples as of a fixed day and writes their
 * sheet into out/, writes the annual summary of 2026 (with its charts) into out/, and says what it
 * did.
 */
async function demo(): Promise<number> {
  const root = path.join(__dirname, "..", "..");
  const samples = path.join(root, "samples");
  const out = path.join(root, "out");
  await fs.rm(samples, { recursive: true, force: true });
  const set = await writeSamples(samples);
  process.stdout.write(
    `样例工作簿（旧格式，含标题行、两行表头、别名列、15 位身份证号、全角数字、各种日期写法、党派简称、GB18030 CSV）：\n`
  );
  for (const f of set.files) process.stdout.write(`  ${path.relative(root, f)}\n`);
  if (set.note) process.stdout.write(`  注意：${set.note}\n`);
  process.stdout.write(`\n$ uf-ledger convert samples --out out\n`);
  const code = await main(["convert", samples, "--out", out, "--quiet"]);
  process.stdout.write(
    `\n输出：out/ 下每个样例一个标准工作簿（成员名册、校验报告、变更记录，其他工作表原样保留），以及 out/report.json（身份证号、手机号已打码）。\n` +
      `退出码 ${code}（0 无错误；1 数据有错误，输出已写出；2 有文件无法读写）。样例中故意放入了几处错误（身份证号被存成数字、校验位错误、性别与身份证不符、重复登记），所以这里是 1。\n`
  );
  // A fixed day, so that the demo prints the same lists every run (without --as-of: today).
  const asOf = "2026-12-20";
  const careOut = path.join(out, `关怀提醒-${asOf}.xlsx`);
  process.stdout.write(
    `\n$ uf-ledger remind samples --as-of ${asOf} --out ${path.relative(root, careOut)} --limit 5\n`
  );
  const careCode = await main([
    "remind",
    samples,
    "--as-of",
    asOf,
    "--out",
    careOut,
    "--limit",
    "5",
    "--quiet",
  ]);
  process.stdout.write(
    `\n关怀提醒：按 ${asOf} 列出四类成员（跨所有样例工作簿，同一身份证号只算一人）：今后 30 天内生日（跨年也算）、家庭经济困难且近 90 天没有困难帮扶、今年尚未联系、建档超过一年或没有建档日期；` +
      `“最近联系”取自各工作簿的“联谊活动记录”（机关支部的样例里有几条，其中一条姓名写错、按身份证号找到了本人）。` +
      `控制台每类只列前 5 人，${path.relative(root, careOut)} 的“关怀提醒-${asOf}”工作表列出全部（A4 横向，身份证号、手机号已打码）。` +
      `不加 --as-of 时按今天（本机时区）。退出码 ${careCode}。\n`
  );
  const summaryOut = path.join(out, "年度汇总-2026.xlsx");
  process.stdout.write(
    `\n$ uf-ledger summary samples --year 2026 --out ${path.relative(root, summaryOut)} --pdf\n`
  );
  const summaryCode = await main([
    "summary",
    samples,
    "--year",
    "2026",
    "--out",
    summaryOut,
    "--pdf",
    "--quiet",
  ]);
  process.stdout.write(
    `\n年度汇总：${path.relative(root, summaryOut)} 的“年度汇总-2026”工作表上方是四张图（政治面貌构成、统战对象类别、各支部活动情况、各季度活动次数），` +
      `下面是关键指标（每季度一列、全年、2025 年及较上年的增减）、成员构成和各支部活动情况；“汇总说明”列出数据来源和未能计入的行。` +
      `--pdf 另用 LibreOffice 把这张表打印成旁边的 PDF（A4，中文字体嵌入）。退出码 ${summaryCode}。\n`
  );
  process.stdout.write(
    `\n网页版（给用 WPS、不能装 Excel 加载项的同事）：运行 npm run build，把 dist/统战台账助手-网页版.zip 发给同事，` +
      `解压后双击 standalone.html 即可（不需要服务器和网络）；点“打开工作簿”选择 out/ 或 samples/ 里的文件。` +
      `文件只在本机浏览器中处理，不会上传。开发时也可 npm run dev-server 后打开 https://localhost:3000/standalone.html 。\n` +
      `Excel 加载项：npm run dev-server 后按 README 旁加载 manifest.xml。\n`
  );
  const worst = Math.max(code, careCode, summaryCode);
  return worst <= 1 ? 0 : worst;
}

demo().then(
  (code) => (process.exitCode = code),
  (e) => {
    process.stderr.write(`演示失败：${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  }
);
