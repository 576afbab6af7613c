/*
 * webpack config for the 统战台账助手 Excel add-in, modelled on Microsoft's
 * Yeoman task-pane template (TypeScript flavour).
 *
 *   npm run build          production build into dist/, with the web page for staff to copy
 *                          (dist/网页版/ and dist/统战台账助手-网页版.zip, opened from disk)
 *   npm run build:dev      development build into dist/
 *   npm run dev-server     https://localhost:3000/ (webpack-dev-server)
 *
 * Env options (webpack --env name=value):
 *   officejs=local   serve office.js from dist/office-js/ (copied from the
 *                    @microsoft/office-js package) instead of Microsoft's CDN.
 *   produrl=<url>    rewrite https://localhost:3000/ in the copied
 *                    manifest.xml to <url> (a deployment build).
 *
 * Worksheet functions (src/functions/functions.ts): custom-functions-metadata-plugin writes
 * functions.json from their JSDoc and registers them in the task pane's bundle, which imports them
 * (the add-in's shared runtime); functions-en.json is the same metadata with English names.
 */

const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { Compilation, WebpackError, sources } = require("webpack");

const urlDev = "https://localhost:3000/";
const officeJsCdn = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const officeJsLocalDir = "office-js";

const functionsEnglish = path.resolve(__dirname, "src/functions/functions.en.json");

/**
 * The metadata of the worksheet functions in English: functions.json as the plugin generated it
 * from the JSDoc (Chinese names: the manifest's default locale is zh-CN), each function's and
 * parameter's name and description replaced by its English one (src/functions/functions.en.json,
 * keyed by function id and Chinese parameter name). Microsoft's localisation for an add-in only
 * manifest is one metadata file per language, the manifest's Metadata URL overridden per locale;
 * the plugin does not localise, so the other language is made from its output. A function or
 * parameter without English text, or English text for one that is not there, fails the build.
 */
function englishFunctionsMetadata(metadata, texts) {
  const problems = [];
  const functions = metadata.functions.map((f) => {
    const t = texts[f.id];
    if (!t) {
      problems.push(`no English text for function ${f.id}`);
      return f;
    }
    const parameters = f.parameters.map((p) => {
      const pt = t.parameters && t.parameters[p.name];
      if (!pt) problems.push(`no English text for parameter ${p.name} of ${f.id}`);
      return pt ? { ...p, name: pt.name, description: pt.description } : p;
    });
    const names = new Set(f.parameters.map((p) => p.name));
    for (const name of Object.keys(t.parameters || {}))
      if (!names.has(name))
        problems.push(`English text for parameter ${name}, which ${f.id} does not have`);
    return { ...f, name: t.name, description: t.description, parameters };
  });
  for (const id of Object.keys(texts))
    if (!metadata.functions.some((f) => f.id === id))
      problems.push(`English text for function ${id}, which is not declared`);
  return { metadata: { ...metadata, functions }, problems };
}

class EnglishFunctionsMetadataPlugin {
  apply(compiler) {
    const name = "EnglishFunctionsMetadataPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.fileDependencies.add(functionsEnglish);
      compilation.hooks.processAssets.tap(
        { name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const generated = compilation.getAsset("functions.json");
          if (!generated) return; // the metadata plugin reported why
          const texts = JSON.parse(fs.readFileSync(functionsEnglish, "utf8"));
          const { metadata, problems } = englishFunctionsMetadata(
            JSON.parse(generated.source.source().toString()),
            texts
          );
          for (const p of problems)
            compilation.errors.push(new WebpackError(`functions.en.json: ${p}`));
          compilation.emitAsset(
            "functions-en.json",
            new sources.RawSource(JSON.stringify(metadata, null, 4))
          );
        }
      );
    });
  }
}

/** The folder of the web page that staff copy and open from disk (file://), and its zip. */
const WEB_FOLDER = "网页版";
const WEB_ZIP = "统战台账助手-网页版.zip";
/**
 * The folder inside the zip. Names inside the zip are ASCII: unzip tools that ignore the zip's
 * UTF-8 flag (Windows 7's, Info-ZIP's unzip 6) would garble Chinese ones.
 */
const WEB_ZIP_FOLDER = "uf-ledger-web";
/**
 * The policy of the page opened from disk: nothing from anywhere but its own files, no requests at
 * all (connect-src 'none'), no eval. On file:// Chromium's 'self' matches the page's own folder's
 * files (scripts, styles, the icon); everything else is 'none'.
 */
const FILE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

const HOW_TO = [
  "统战台账助手（网页版）使用说明",
  "",
  "1. 把整个文件夹复制到电脑上（或解压 统战台账助手-网页版.zip），文件夹里的文件要放在一起。",
  "2. 双击 standalone.html，用 Edge、Chrome、360 等浏览器打开（不需要联网，不需要安装）。",
  "3. 点“打开工作簿”选择 .xlsx 或 .csv 名册；在右侧点“校验”“规范化”等操作。",
  "4. 点“下载工作簿”保存结果，再用 WPS 或 Excel 打开。",
  "",
  "文件只在本机浏览器中处理，不会上传，页面不发出任何网络请求。",
  "",
  "United-Front Ledger Assistant (web): copy the whole folder, double-click standalone.html, open a",
  "workbook, run the actions, download the result. Nothing leaves the browser; add ?lang=en for English.",
  "",
].join("\r\n");

/**
 * Copies the standalone page into WEB_FOLDER (its script chunks, the page, what the page links to,
 * the scripts' licences, README.txt saying how to use it in Chinese; no source maps) with FILE_CSP, and writes WEB_ZIP of it (the project's zip
 * writer, from the command line's build in build/). Every path is relative, chunks load by script
 * tags next to the page (webpack's publicPath "auto"): the folder works opened from disk, anywhere.
 */
class StandaloneFolderPlugin {
  apply(compiler) {
    const name = "StandaloneFolderPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name, stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        async () => {
          const entry = compilation.entrypoints.get("standalone");
          if (!entry) return;
          const files = new Set();
          for (const chunk of entry.chunks) {
            for (const f of chunk.files) files.add(f);
            for (const c of chunk.getAllAsyncChunks()) for (const f of c.files) files.add(f);
          }
          const page = compilation.getAsset("standalone.html");
          if (!page) return; // html-webpack-plugin reported why
          const html = page.source.source().toString();
          const policy = /(http-equiv=["']?Content-Security-Policy["']?\s+content=")[^"]*(")/i;
          if (!policy.test(html)) {
            compilation.errors.push(new WebpackError(`${name}: standalone.html has no policy`));
            return;
          }
          for (const m of html.matchAll(/\b(?:src|href)=["']?([^"'\s>]+)/g)) files.add(m[1]);
          const out = new Map([["standalone.html", html.replace(policy, `$1${FILE_CSP}$2`)]]);
          for (const f of [...files].filter((x) => !x.endsWith(".map")).sort()) {
            const asset = compilation.getAsset(f);
            if (!asset) {
              compilation.errors.push(new WebpackError(`${name}: the page needs ${f}, not built`));
              continue;
            }
            const license = asset.info.related && asset.info.related.license;
            for (const l of [].concat(license || []))
              if (compilation.getAsset(l)) out.set(l, compilation.getAsset(l).source.source());
            let content = asset.source.source();
            // The maps stay out of the folder: no reference to them either.
            if (/\.(js|css)$/.test(f))
              content = content
                .toString()
                .replace(/\n?\/[/*]# sourceMappingURL=\S+?(?: \*\/)?\s*$/, "\n");
            if (!out.has(f)) out.set(f, content);
          }
          out.set("README.txt", "\ufeff" + HOW_TO);
          for (const [f, content] of out)
            compilation.emitAsset(
              `${WEB_FOLDER}/${f}`,
              new sources.RawSource(typeof content === "string" ? Buffer.from(content) : content),
              { minimized: true }
            );
          compilation.emitAsset(WEB_ZIP, new sources.RawSource(await zipOf(out)), {
            minimized: true,
          });
        }
      );
    });
  }
}

/** The files as a zip (the project's writer: build/src/hosts/exceljs/zip, made by npm run build:cli). */
async function zipOf(files) {
  const built = path.join(__dirname, "build/src/hosts/exceljs");
  let zip;
  try {
    zip = {
      ...require(path.join(built, "zip/zipWriter.js")),
      ...require(path.join(built, "zip/byteSource.js")),
      ...require(path.join(built, "node/nodeCodec.js")),
    };
  } catch (e) {
    throw new Error(
      `${WEB_ZIP} is written with the command line's zip writer: run npm run build:cli first (${e.message})`
    );
  }
  const sink = new zip.MemorySink();
  const writer = new zip.ZipWriter(sink, zip.nodeCodec, WEB_ZIP);
  for (const [f, content] of files)
    await writer.add(`${WEB_ZIP_FOLDER}/${f}`, [
      typeof content === "string" ? Buffer.from(content) : content,
    ]);
  await writer.finish();
  return Buffer.from(sink.bytes());
}

/**
 * HTTPS options for the dev server. Uses office-addin-dev-certs (as
 * Microsoft's template does) so Office trusts https://localhost:3000. When the
 * package is missing or cannot install its CA certificate (no sudo, no
 * desktop trust store), falls back to webpack-dev-server's self-signed
 * certificate, which a browser accepts after a warning but Office will not.
 */
async function getHttpsOptions() {
  let devCerts;
  try {
    devCerts = require("office-addin-dev-certs");
  } catch {
    console.warn(
      "[uf-ledger] office-addin-dev-certs 未安装，使用自签名证书。 (office-addin-dev-certs not installed; using a self-signed certificate.)"
    );
    return undefined;
  }
  try {
    const httpsOptions = await devCerts.getHttpsServerOptions();
    return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
  } catch (err) {
    console.warn(
      "[uf-ledger] 无法安装开发证书，使用自签名证书。 (Could not install the Office dev certificates; using a self-signed certificate.)\n" +
        String(err && err.message ? err.message : err)
    );
    return undefined;
  }
}

function officeJsPackageDir() {
  let pkgJson;
  try {
    pkgJson = require.resolve("@microsoft/office-js/package.json");
  } catch {
    throw new Error(
      "--env officejs=local needs the @microsoft/office-js package (npm i -D @microsoft/office-js)."
    );
  }
  const dist = path.join(path.dirname(pkgJson), "dist");
  if (!fs.existsSync(path.join(dist, "office.js"))) {
    throw new Error(`office.js not found in ${dist}`);
  }
  return dist;
}

module.exports = async (env = {}, argv = {}) => {
  const localOfficeJs = env.officejs === "local";
  const officeJsUrl = localOfficeJs ? `${officeJsLocalDir}/office.js` : officeJsCdn;
  let prodUrl = typeof env.produrl === "string" && env.produrl !== "" ? env.produrl : undefined;
  if (prodUrl && !prodUrl.endsWith("/")) prodUrl += "/";

  const copyPatterns = [
    { from: "assets/*.png", to: "assets/[name][ext]" },
    { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
    { from: "src/standalone/standalone.css", to: "standalone.css" },
    {
      from: "manifest*.xml",
      to: "[name][ext]",
      transform(content) {
        if (!prodUrl) return content;
        return content.toString().split(urlDev).join(prodUrl);
      },
    },
  ];
  if (localOfficeJs) {
    copyPatterns.push({
      from: officeJsPackageDir(),
      to: officeJsLocalDir,
      // Already minified by Microsoft; keep terser away from ~80 MB of scripts.
      info: { minimized: true },
    });
  }

  return {
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/taskpane.tsx",
      // The standalone page (for WPS users): the same task pane over a workbook opened in the browser.
      standalone: "./src/standalone/standalone.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Only type-check what the bundle imports, not every file in tsconfig's "include".
              onlyCompileBundledFiles: true,
              compilerOptions: { module: "es2020", sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      // The output must be named functions.json (Microsoft's instructions for the plugin).
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new EnglishFunctionsMetadataPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        officeJsUrl,
      }),
      new HtmlWebpackPlugin({
        filename: "standalone.html",
        template: "./src/standalone/standalone.html",
        chunks: ["standalone"],
      }),
      new CopyWebpackPlugin({ patterns: copyPatterns }),
      // The production build also makes the web page that opens from disk (dist/网页版/, its zip).
      ...(argv.mode === "production" ? [new StandaloneFolderPlugin()] : []),
    ],
    performance: {
      // The bundled office-js copy is large by design.
      assetFilter: (name) => !name.startsWith(`${officeJsLocalDir}/`) && !name.endsWith(".map"),
    },
    devServer: {
      headers: {
        "Access-Control-Allow-Origin": "*",
      },
      server: {
        type: "https",
        options: env.WEBPACK_SERVE ? await getHttpsOptions() : undefined,
      },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };
};

// For the tests: how the English metadata is made (test/functions/metadata.test.ts).
module.exports.englishFunctionsMetadata = englishFunctionsMetadata;
// For the tests: where the web page for staff lands in the build (test/web/standaloneFile.test.ts).
module.exports.WEB_FOLDER = WEB_FOLDER;
module.exports.WEB_ZIP = WEB_ZIP;
module.exports.WEB_ZIP_FOLDER = WEB_ZIP_FOLDER;
