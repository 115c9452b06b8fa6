/**
 * The planlint extension: a thin client that starts `planlint server` over
 * stdio and lets vscode-languageclient do the rest. Every feature (diagnostics,
 * the score lens, hover, completion, quick fixes, outline, formatting) lives
 * in the server, so the editor shows exactly what `planlint check` reports.
 * The server's own commands (planlint.checkWorkspace, the quick fixes'
 * planlint.explainRule...) are registered by the client library from the
 * server's capabilities; package.json only lists the first in the palette.
 */

import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions, State, TransportKind } from "vscode-languageclient/node";

import { serverCommand, ServerCommand } from "./server";

const SECTION = "planlint";
let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;

/** The command line the current settings ask for. */
function configuredCommand(): ServerCommand {
  const config = vscode.workspace.getConfiguration(SECTION);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  return serverCommand(
    { path: config.get<string>("path", ""), interpreter: config.get<string>("interpreter", "") },
    process.platform,
    folder,
  );
}

/** The server's initialization options: only what the user set, so the server's defaults stay its own. */
function serverOptionsFromSettings(): { debounceMs?: number } {
  const debounceMs = vscode.workspace.getConfiguration(SECTION).get<number | null>("debounceMs", null);
  return typeof debounceMs === "number" ? { debounceMs } : {};
}

function describe(command: ServerCommand): string {
  return [command.command, ...command.args].join(" ");
}

/** Tell the user the server did not start, and how to point the extension at planlint. */
async function reportStartFailure(command: ServerCommand, error: unknown): Promise<void> {
  const reason = error instanceof Error ? error.message : String(error);
  output?.appendLine(`planlint: could not start '${describe(command)}': ${reason}`);
  const choice = await vscode.window.showErrorMessage(
    `planlint: could not start the language server with '${describe(command)}'. ` +
      "Install it with pip install 'planlint[lsp]' and set planlint.interpreter (or planlint.path).",
    "Open settings",
    "Show log",
  );
  if (choice === "Open settings") {
    await vscode.commands.executeCommand("workbench.action.openSettings", SECTION);
  } else if (choice === "Show log") {
    output?.show();
  }
}

async function start(): Promise<void> {
  const command = configuredCommand();
  const executable = { command: command.command, args: command.args, transport: TransportKind.stdio };
  const serverOptions: ServerOptions = { run: executable, debug: executable };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "planlint" },
      { scheme: "untitled", language: "planlint" },
    ],
    synchronize: {
      // Configuration and packs change what the server reports.
      fileEvents: vscode.workspace.createFileSystemWatcher("**/*.toml"),
    },
    outputChannel: output,
    initializationOptions: serverOptionsFromSettings(),
  };
  client = new LanguageClient(SECTION, "planlint", serverOptions, clientOptions);
  try {
    await client.start();
  } catch (error) {
    const failed = client;
    client = undefined;
    if (failed.state !== State.Stopped) {
      await failed.stop().catch(() => undefined);
    }
    await reportStartFailure(command, error);
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) {
    await running.stop();
  }
}

async function restart(): Promise<void> {
  await stop();
  await start();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("planlint");
  context.subscriptions.push(output);
  context.subscriptions.push(vscode.commands.registerCommand("planlint.restartServer", restart));
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      const restarts = ["path", "interpreter", "debounceMs"].some((key) => event.affectsConfiguration(`${SECTION}.${key}`));
      if (restarts) {
        void restart();
      }
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await stop();
}
