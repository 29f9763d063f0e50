// build.js compiles contracts/src/*.sol with the pinned solc-js and writes, for every deployable
// contract, artifacts/<Name>.json ({contractName, sourceName, compiler, abi, bytecode}) and the
// plain <Name>.abi / <Name>.bin files abigen reads into the directory given as argv[2].
// Output depends only on the sources, the pinned packages and the settings below, so CI can
// rebuild and diff.
"use strict";

const fs = require("fs");
const path = require("path");
const solc = require("solc");

const root = __dirname;
const srcDir = path.join(root, "src");
const artifactDir = path.join(root, "artifacts");
const abigenDir = process.argv[2];
if (!abigenDir) {
  console.error("usage: node build.js ABIGEN_INPUT_DIR");
  process.exit(2);
}

const sources = {};
for (const f of fs.readdirSync(srcDir).filter((f) => f.endsWith(".sol")).sort()) {
  sources["src/" + f] = { content: fs.readFileSync(path.join(srcDir, f), "utf8") };
}

const input = {
  language: "Solidity",
  sources,
  settings: {
    // cancun: supported by go-ethereum's dev chain and by every chain we expect to deploy to.
    evmVersion: "cancun",
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } },
  },
};

// Imports resolve only to the pinned OpenZeppelin package; anything else is an error.
function findImports(importPath) {
  if (!importPath.startsWith("@openzeppelin/contracts/")) {
    return { error: "import outside @openzeppelin/contracts: " + importPath };
  }
  const file = path.join(root, "node_modules", importPath);
  try {
    return { contents: fs.readFileSync(file, "utf8") };
  } catch (e) {
    return { error: "read " + file + ": " + e.message };
  }
}

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
let failed = false;
for (const d of output.errors || []) {
  // Warnings inside the pinned OpenZeppelin release are theirs to fix, not ours.
  const file = d.sourceLocation ? d.sourceLocation.file : "";
  if (d.severity !== "error" && file.startsWith("@openzeppelin/")) continue;
  console.error(d.formattedMessage || d.message);
  if (d.severity === "error") failed = true;
}
if (failed) process.exit(1);

fs.rmSync(artifactDir, { recursive: true, force: true });
fs.mkdirSync(artifactDir, { recursive: true });
fs.mkdirSync(abigenDir, { recursive: true });

const written = [];
for (const sourceName of Object.keys(sources)) {
  const contracts = output.contracts[sourceName] || {};
  for (const name of Object.keys(contracts).sort()) {
    const c = contracts[name];
    const bytecode = c.evm.bytecode.object;
    if (bytecode.length === 0) continue; // interfaces
    const artifact = {
      contractName: name,
      sourceName,
      compiler: "solc-js " + solc.version(),
      abi: c.abi,
      bytecode: "0x" + bytecode,
    };
    fs.writeFileSync(path.join(artifactDir, name + ".json"), JSON.stringify(artifact, null, 2) + "\n");
    fs.writeFileSync(path.join(abigenDir, name + ".abi"), JSON.stringify(c.abi));
    fs.writeFileSync(path.join(abigenDir, name + ".bin"), bytecode);
    written.push(name);
  }
}
console.log(written.join("\n"));
