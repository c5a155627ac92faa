// Pengaturan → Tanda Tangan Elektronik and signing a letter with a certificate: calls into
// the desktop shell (loket-api signer.* and letter.sign with a PKCS#12 file). The passphrase
// is sent once with the call and never kept.
import { call } from "./api";
import type { ApiError } from "./types/ApiError";
import type { DraftView } from "./types/DraftView";
import type { SignerCertificateView } from "./types/SignerCertificateView";
import type { TrustedRootView } from "./types/TrustedRootView";

/** The bytes of a file the user picked, as the desktop commands take them (FileReader: the
 * window's WebKit and the test DOM both have it). A file that cannot be read is refused in
 * the ApiError shape the pages show. */
export function fileBytes(file: File): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(Array.from(new Uint8Array(reader.result as ArrayBuffer)));
    reader.onerror = () =>
      reject({
        code: "bad_input",
        message: `Berkas ${file.name} tidak dapat dibaca; pilih berkasnya lagi atau periksa izin aksesnya.`,
      } as ApiError);
    reader.readAsArrayBuffer(file);
  });
}

export const signerApi = {
  list: () => call<SignerCertificateView[]>("signer_list"),
  roots: () => call<TrustedRootView[]>("signer_roots"),
  add: (account: string, p12: number[], passphrase: string) =>
    call<SignerCertificateView>("signer_add", { account, p12, passphrase }),
  /** Returns the roots newly added (one already trusted is skipped). */
  trust: (certificate: number[]) => call<TrustedRootView[]>("signer_trust", { certificate }),
  signLetter: (id: number, p12: number[], passphrase: string) =>
    call<DraftView>("surat_sign_certificate", { id, p12, passphrase }),
};
