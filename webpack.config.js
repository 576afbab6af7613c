/* eslint-disable no-undef */
/*
 * webpack config for the 统战台账助手 Excel add-in, modelled on Microsoft's
 * Yeoman task-pane template (TypeScript flavour).
 *
 *   npm run build          production build into dist/
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

module.exports = async (env = {}) => {
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
