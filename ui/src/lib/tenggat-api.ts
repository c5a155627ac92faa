// Tenggat view and notification centre: calls into the desktop shell (one loket-api use
// case each), and the watcher's "notifikasi" event.
import { call } from "./api";
import type { DueSoonSettings } from "./types/DueSoonSettings";
import type { NotificationCentre } from "./types/NotificationCentre";
import type { SignerCertificateView } from "./types/SignerCertificateView";
import type { TenggatView } from "./types/TenggatView";

export const tenggatApi = {
  view: () => call<TenggatView>("deadlines_view"),
  notifications: () => call<NotificationCentre>("notifications_list"),
  markRead: (ids: number[] | null) => call<NotificationCentre>("notifications_mark_read", { ids }),
  dueSoon: () => call<DueSoonSettings>("due_soon_settings"),
  setDueSoon: (settings: DueSoonSettings) => call<DueSoonSettings>("due_soon_set", { settings }),
  /** Signer certificates expiring soon (working days) or expired. */
  certificates: () => call<SignerCertificateView[]>("signer_expiring"),
};

/** Calls `handler` after a watcher tick stored new notifications. */
export async function onNotifikasi(handler: () => void): Promise<() => void> {
  try {
    const { listen } = await import("@tauri-apps/api/event");
    return await listen("notifikasi", handler);
  } catch {
    return () => {};
  }
}
