// Activate the built VS Code extension outside VS Code and print, as JSON,
// the language clients it created: their server command, arguments and
// document selector. Used by tests/test_vscode_extension.py.
//
// usage: node _vscode_activate.js EXTENSION_DIR SETTINGS_JSON
// `vscode` (which only exists inside the editor) and the client library's
// LanguageClient are replaced by recorders; everything else is the shipped
// code: out/extension.js and out/server.js as the .vsix holds them.
"use strict";
const Module = require("module");
const path = require("path");

const [extensionDir, settingsJson] = process.argv.slice(2);
const settings = JSON.parse(settingsJson || "{}");
const clients = [];
const disposable = { dispose() {} };

// What the client library touches while loading (base classes, enums) and the
// extension does not use: a stand-in that can be extended, called and read.
const placeholder = new Proxy(class {}, { get: (target, key) => (key in target ? target[key] : placeholder) });
const api = {
  workspace: {
    workspaceFolders: undefined,
    getConfiguration: (section) => ({
      get: (key, fallback) => (Object.prototype.hasOwnProperty.call(settings, `${section}.${key}`) ? settings[`${section}.${key}`] : fallback),
    }),
    createFileSystemWatcher: () => disposable,
    onDidChangeConfiguration: () => disposable,
  },
  window: {
    createOutputChannel: () => ({ appendLine() {}, show() {}, dispose() {} }),
    showErrorMessage: async (message) => { clients.push({ error: message }); return undefined; },
  },
  commands: { registerCommand: () => disposable, executeCommand: async () => undefined },
};
const vscode = new Proxy(api, { get: (target, key) => (key in target ? target[key] : key === "__esModule" || key === "then" ? undefined : placeholder) });

class LanguageClient {
  constructor(id, name, serverOptions, clientOptions) {
    this.state = 1;
    clients.push({ id, name, run: serverOptions.run, debug: serverOptions.debug, documentSelector: clientOptions.documentSelector,
      initializationOptions: clientOptions.initializationOptions });
  }
  async start() {}
  async stop() {}
}
let library;
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === "vscode") return vscode;
  if (request === "vscode-languageclient/node") {
    // The shipped library itself (so a file missing from the .vsix fails here), with the recorder in place of its client.
    library = load.call(this, request, ...rest);
    return { ...library, LanguageClient };
  }
  return load.call(this, request, ...rest);
};

const manifest = require(path.join(extensionDir, "package.json"));
const extension = require(path.join(extensionDir, manifest.main));
extension.activate({ subscriptions: [] }).then(
  () => process.stdout.write(JSON.stringify({ clients, stdio: library.TransportKind.stdio }) + "\n"),
  (error) => { process.stderr.write(String(error && error.stack || error) + "\n"); process.exit(1); },
);
