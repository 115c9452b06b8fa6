/**
 * Which process to start as the planlint language server.
 *
 * Kept apart from extension.ts and free of any `vscode` import so that the
 * rule can be run, and tested, with plain Node: the pytest suite loads this
 * file from the built .vsix and checks the command it gives.
 */

import * as os from "os";
import * as path from "path";

/** The two settings that choose the server (`planlint.path`, `planlint.interpreter`). */
export interface ServerSettings {
  /** A `planlint` executable; when set it wins and is run as `<path> server`. */
  path?: string;
  /** A Python interpreter with planlint installed, run as `<interpreter> -m planlint server`. */
  interpreter?: string;
}

/** A command line: the program and its arguments, never a shell string. */
export interface ServerCommand {
  command: string;
  args: string[];
}

/** The interpreter used when none is configured: the one a plain install puts on PATH. */
export function defaultInterpreter(platform: NodeJS.Platform = process.platform): string {
  return platform === "win32" ? "python" : "python3";
}

/**
 * Expand what users write in settings: a leading `~`, and `${workspaceFolder}`
 * (left as it is when no folder is open, so the error names what was written).
 */
export function expandSetting(value: string, workspaceFolder?: string, home: string = os.homedir()): string {
  let expanded = value.trim();
  if (expanded === "~" || expanded.startsWith("~/") || expanded.startsWith("~\\")) {
    expanded = path.join(home, expanded.slice(1));
  }
  if (workspaceFolder !== undefined) {
    expanded = expanded.split("${workspaceFolder}").join(workspaceFolder);
  }
  return expanded;
}

/** The server's command line for these settings. */
export function serverCommand(
  settings: ServerSettings,
  platform: NodeJS.Platform = process.platform,
  workspaceFolder?: string,
): ServerCommand {
  const executable = expandSetting(settings.path ?? "", workspaceFolder);
  if (executable) {
    return { command: executable, args: ["server"] };
  }
  const interpreter = expandSetting(settings.interpreter ?? "", workspaceFolder) || defaultInterpreter(platform);
  return { command: interpreter, args: ["-m", "planlint", "server"] };
}
