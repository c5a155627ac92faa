// Files Loket writes for the user: opening them with the system's viewer, asking where to save.
import { call } from "./api";

/** Opens a file Loket wrote (a printed letter, an export) in the system's default program. */
export async function openFile(path: string): Promise<void> {
  const { openPath } = await import("@tauri-apps/plugin-opener");
  await openPath(path);
}

/** Asks where to save; returns the chosen path, or null when the user cancels. */
export async function chooseSavePath(
  defaultName: string,
  extension: string,
  label: string,
): Promise<string | null> {
  const { save } = await import("@tauri-apps/plugin-dialog");
  return await save({ defaultPath: defaultName, filters: [{ name: label, extensions: [extension] }] });
}

/** The folder printed letters and exports go to (next to the database, `keluaran/`). */
export const outputDir = () => call<string>("output_dir");
