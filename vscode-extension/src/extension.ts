// Starts `pooltrack lsp` for C and C++ files and shows its diagnostics.
import * as fs from "fs";
import * as path from "path";
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;

interface ServerCommand {
  command: string;
  args: string[];
  description: string;
}

/** What runs the server: pooltrack.path, else pooltrack.interpreter, else `pooltrack` on PATH. */
export function serverCommand(config: vscode.WorkspaceConfiguration): ServerCommand {
  const extra = (config.get<string[]>("args") ?? []).filter((a) => typeof a === "string");
  const exe = (config.get<string>("path") ?? "").trim();
  if (exe) {
    return { command: exe, args: ["lsp", ...extra], description: `pooltrack.path (${exe})` };
  }
  const interpreter = (config.get<string>("interpreter") ?? "").trim();
  if (interpreter) {
    return {
      command: interpreter,
      args: ["-m", "analyzer.cli", "lsp", ...extra],
      description: `pooltrack.interpreter (${interpreter})`,
    };
  }
  return { command: "pooltrack", args: ["lsp", ...extra], description: "pooltrack on PATH" };
}

/** The executable's full path, or undefined when it cannot be found. */
function resolveExecutable(command: string): string | undefined {
  const isFile = (p: string) => {
    try {
      const st = fs.statSync(p);
      if (!st.isFile()) return false;
      if (process.platform !== "win32") fs.accessSync(p, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (command.includes("/") || command.includes("\\")) {
    return isFile(command) ? command : undefined;
  }
  const exts = process.platform === "win32" ? (process.env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";") : [""];
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = path.join(dir, command + ext);
      if (isFile(candidate)) return candidate;
    }
  }
  return undefined;
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration("pooltrack");
  const cmd = serverCommand(config);
  const resolved = resolveExecutable(cmd.command);
  if (!resolved) {
    const message =
      `pooltrack: cannot find ${cmd.description}. Install pooltrack (pip install pooltrack) ` +
      `or set "pooltrack.path" to the pooltrack executable or "pooltrack.interpreter" to a Python that has it.`;
    output?.appendLine(message);
    void vscode.window.showErrorMessage(message, "Open Settings").then((choice) => {
      if (choice === "Open Settings") {
        void vscode.commands.executeCommand("workbench.action.openSettings", "pooltrack");
      }
    });
    return;
  }
  output?.appendLine(`pooltrack: starting ${resolved} ${cmd.args.join(" ")}`);
  const serverOptions: ServerOptions = {
    // no `transport`: with TransportKind.stdio the client would append --stdio
    run: { command: resolved, args: cmd.args },
    debug: { command: resolved, args: cmd.args },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "c" },
      { scheme: "file", language: "cpp" },
    ],
    outputChannel: output,
    initializationOptions: { debounceMs: 300 },
  };
  const next = new LanguageClient("pooltrack", "pooltrack", serverOptions, clientOptions);
  client = next;
  try {
    await next.start();
  } catch (err) {
    client = undefined;
    const message = `pooltrack: the language server (${resolved} ${cmd.args.join(" ")}) failed to start: ${err}`;
    output?.appendLine(message);
    void vscode.window.showErrorMessage(message);
  }
}

async function stop(): Promise<void> {
  const current = client;
  client = undefined;
  if (current && current.state !== State.Stopped) {
    try {
      await current.stop();
    } catch (err) {
      output?.appendLine(`pooltrack: error while stopping the server: ${err}`);
    }
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("pooltrack");
  context.subscriptions.push(output);
  context.subscriptions.push(
    vscode.commands.registerCommand("pooltrack.restartServer", async () => {
      await stop();
      await start(context);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration("pooltrack.path") || e.affectsConfiguration("pooltrack.interpreter") ||
          e.affectsConfiguration("pooltrack.args")) {
        await stop();
        await start(context);
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      await stop();
      await start(context);
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await stop();
}
