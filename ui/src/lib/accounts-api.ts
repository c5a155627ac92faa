// Area C: Pengaturan → Akun & Peran and the disposition instruction list.
import { call } from "./api";
import type { AccountView } from "./types/AccountView";
import type { ActingView } from "./types/ActingView";
import type { PostChoice } from "./types/PostChoice";
import type { Role } from "./types/Role";

export type NewAccountForm = {
  login: string;
  name: string;
  nip: string;
  positionId: string;
  roles: Role[];
  password: string;
};

export const accountsApi = {
  list: () => call<AccountView[]>("account_list"),
  posts: () => call<PostChoice[]>("account_posts"),
  create: (f: NewAccountForm) =>
    call<AccountView>("account_create", {
      login: f.login.trim(),
      name: f.name,
      nip: f.nip,
      positionId: f.positionId,
      roles: f.roles,
      password: f.password,
    }),
  resetPassword: (login: string, password: string) =>
    call<void>("account_reset_password", { login, password }),
  setRoles: (login: string, roles: Role[]) => call<void>("account_set_roles", { login, roles }),
  setActive: (login: string, active: boolean) =>
    call<void>("account_set_active", { login, active }),
  acting: (login: string, positionId: string, kind: "plt" | "plh", starts: string, ends: string) =>
    call<number>("account_acting", { login, positionId, kind, starts, ends }),
  actingList: () => call<ActingView[]>("account_acting_list"),
  instructions: () => call<string[]>("instruction_list"),
  setInstructions: (texts: string[]) => call<string[]>("instruction_set", { texts }),
};

/** Role names on screen (never the codes). */
export const roleLabel: Record<Role, string> = {
  register: "Mencatat surat masuk",
  dispose: "Mendisposisikan",
  paraf: "Memaraf naskah",
  sign: "Menandatangani",
  book: "Memesan ruang dan peralatan",
  administer: "Mengelola akun dan pengaturan",
};

export const allRoles: Role[] = ["register", "dispose", "paraf", "sign", "book", "administer"];

export type { AccountView, ActingView, PostChoice, Role };
