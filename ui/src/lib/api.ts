// Calls into the desktop shell. Every command is one call into loket-api; a failure arrives
// as ApiError {code, message} with the message already in Bahasa Indonesia.
import { invoke } from "@tauri-apps/api/core";
import type { ApiError } from "./types/ApiError";
import type { AppStatus } from "./types/AppStatus";
import type { InitReport } from "./types/InitReport";
import type { OfficeProfileView } from "./types/OfficeProfileView";
import type { ServiceDetail } from "./types/ServiceDetail";
import type { ServiceSummary } from "./types/ServiceSummary";
import type { ShippedOffice } from "./types/ShippedOffice";
import type { UserView } from "./types/UserView";
import type { ConnectionTest } from "./types/ConnectionTest";
import type { ServerSettings } from "./types/ServerSettings";
import { markOffline } from "./connection.svelte";

/** Whatever a command rejected with, as an ApiError. */
export function asApiError(e: unknown): ApiError {
  if (e && typeof e === "object" && "code" in e && "message" in e) {
    return e as ApiError;
  }
  return {
    code: "internal",
    message: typeof e === "string" && e ? e : "Terjadi galat yang tidak terduga.",
  };
}

/** A call whose failure is only the caller's business (no offline banner). */
async function quiet<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw asApiError(e);
  }
}

/** One cheap statement on the database; rejects with code "offline" while the server is away. */
const ping = () => quiet<void>("connection_ping");

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    const error = asApiError(e);
    // The office's server is away: the banner shows until a ping answers again.
    if (error.code === "offline") markOffline(ping);
    throw error;
  }
}

export const api = {
  status: () => call<AppStatus>("app_status"),
  shippedOffices: () => call<ShippedOffice[]>("shipped_offices"),
  setupShipped: (id: string) => call<InitReport>("setup_shipped", { id }),
  setupFromText: (name: string, text: string) =>
    call<InitReport>("setup_from_text", { name, text }),
  catalogList: (query: string) =>
    call<ServiceSummary[]>("catalog_list", { query: query.trim() || null }),
  catalogShow: (id: string) => call<ServiceDetail>("catalog_show", { id }),
  officeView: () => call<OfficeProfileView>("office_view"),
  signIn: (login: string, password: string) => call<UserView>("sign_in", { login, password }),
  createFirstAdmin: (login: string, name: string, password: string) =>
    call<UserView>("create_first_admin", { login, name, password }),
  signOut: () => call<void>("sign_out"),
  // Choosing the database: a server that does not answer here is the form's message, not
  // the offline banner (the window is not on that server yet).
  connectionSaved: () => quiet<ServerSettings>("connection_saved"),
  connectionTest: (settings: ServerSettings) =>
    quiet<ConnectionTest>("connection_test", { settings }),
  connectionConnect: (settings: ServerSettings) =>
    quiet<void>("connection_connect", { settings }),
  connectionUseLocal: () => quiet<void>("connection_use_local"),
};

export type Api = typeof api;

/** Sets the window title; outside the desktop shell (component tests) there is no window. */
export async function setWindowTitle(title: string): Promise<void> {
  document.title = title;
  try {
    const { getCurrentWindow } = await import("@tauri-apps/api/window");
    await getCurrentWindow().setTitle(title);
  } catch {
    // not running inside Tauri
  }
}

/** Calls `handler` when the user picks Bantuan → Tentang Loket in the menu bar. */
export async function onAboutMenu(handler: () => void): Promise<() => void> {
  try {
    const { listen } = await import("@tauri-apps/api/event");
    return await listen("menu:tentang", handler);
  } catch {
    return () => {};
  }
}
