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
 */

const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";
const officeJsCdn = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const officeJsLocalDir = "office-js";

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
    console.warn("[uf-ledger] office-addin-dev-certs 未安装，使用自签名证书。 (office-addin-dev-certs not installed; using a self-signed certificate.)");
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
      commands: "./src/commands/commands.ts",
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
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        officeJsUrl,
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
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
