// Starts `sas-validate lsp` for JSON documents (HAR captures are JSON too).
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration("sas-validate");
  const server = {
    command: config.get("path", "sas-validate"),
    args: ["lsp", ...config.get("args", [])],
  };
  client = new LanguageClient(
    "sas-validate",
    "sas-validate",
    { run: server, debug: server },
    {
      documentSelector: [{ scheme: "file", language: "json" }, { scheme: "untitled", language: "json" }],
      // Rule links to a copy of the rule page, when set (else docs.rs).
      initializationOptions: config.get("rulesDocumentation")
        ? { rulesDocumentation: config.get("rulesDocumentation") }
        : {},
    },
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
