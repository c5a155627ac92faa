// Kotak Masuk and case-page data shaped like loket-api's answers (ids arrive as numbers).
import type { CasePage } from "../lib/types/CasePage";
import type { DeadlineItem } from "../lib/types/DeadlineItem";
import type { DeadlineState } from "../lib/types/DeadlineState";
import type { DispositionView } from "../lib/types/DispositionView";
import type { InboxLine } from "../lib/types/InboxLine";

const n = (x: number) => x as unknown as bigint;

export function disposition(id: number, over: Partial<DispositionView> = {}): DispositionView {
  return {
    id: n(id),
    case_id: n(id),
    batch: n(id),
    parent_id: null,
    kind: "disposisi",
    from_position: "kepala-dinas",
    from_title: "Kepala Dinas",
    from_account: "umar",
    from_name: "Umar Surya",
    to_position: "sekretaris",
    to_title: "Sekretaris",
    instructions: ["Proses lebih lanjut"],
    note: "",
    batas_waktu: null,
    sifat: "biasa",
    sent_at: "2026-03-02T09:00:00+07:00",
    read_at: null,
    read_by: null,
    report: "",
    reported_at: null,
    completed_at: null,
    completed_by: null,
    withdrawn_at: null,
    state: "belum dibaca",
    ...over,
  };
}

export function deadline(due: string | null, state: DeadlineState | null): DeadlineItem {
  return {
    key: "case:1",
    kind: "permohonan",
    id: n(1),
    case_id: n(1),
    title: "",
    detail: "",
    start: "2026-03-02T08:15:00+07:00",
    due,
    due_words: due ? `tenggat ${due.slice(0, 10)}` : null,
    state,
    state_label: "",
    paused: false,
    stored_due: null,
    to_position: null,
    service: null,
    applicant: null,
  } as DeadlineItem;
}

export function line(
  id: number,
  hal: string,
  unread: boolean,
  due: string | null,
  state: DeadlineState | null,
  sifat = "biasa",
): InboxLine {
  return {
    item: {
      disposition: disposition(id, { sifat, read_at: unread ? null : "2026-03-02T10:00:00+07:00" }),
      agenda_number: `000${id}/2026`,
      hal,
      applicant_name: "Dinas Pendidikan",
      service_name: "Layanan Subdomain dan Hosting",
      case_status: "didisposisi",
      unread,
      overdue: false,
    },
    deadline: deadline(due, state),
  };
}

export function casePage(over: Partial<CasePage["actions"]> = {}): CasePage {
  return {
    case: {
      id: n(7),
      agenda_number: "0007/2026",
      year: n(2026),
      agenda_seq: n(7),
      service_id: "subdomain-hosting",
      service_name: "Layanan Subdomain dan Hosting",
      standard_id: "sp-2024",
      addressed_to: "kepala-dinas",
      addressed_to_title: "Kepala Dinas",
      received_at: "2026-03-02T08:15:00+07:00",
      channel: "srikandi",
      sifat: "segera",
      status: "diverifikasi",
      status_label: "Diverifikasi",
      applicant_kind: "OPD",
      applicant_name: "Dinas Pendidikan dan Kebudayaan",
      applicant_phone: "(0291) 685123",
      applicant_email: "disdikbud@demakkab.go.id",
      applicant_address: "",
      letter_number: "400.3/512/2026",
      letter_date: "2026-02-27",
      hal: "Permohonan subdomain dan hosting aplikasi PPDB",
      notes: "",
      due_at: null,
      registered_by: "admin",
      registered_at: "2026-03-02T08:20:00+07:00",
      requirements: [],
      steps: [],
      attachments: [],
      dispositions: [disposition(1, { kind: "penerusan", to_position: "kepala-dinas", to_title: "Kepala Dinas" })],
      pauses: [],
    },
    deadline: deadline("2026-03-16T16:00:00+07:00", "dalam_batas"),
    history: [],
    actions: {
      verify: false,
      give_back: false,
      resubmit: false,
      reject: true,
      dispose: true,
      report: true,
      complete: false,
      await_signature: true,
      sign: false,
      attach: true,
      my_disposition: n(1),
      withdrawable: [],
      steps: [],
      ...over,
    },
    recipients: [
      { id: "sekretaris", title: "Sekretaris", holders: ["Pegawai Sekretaris"], direct: true },
      {
        id: "kepala-bidang-aptika",
        title: "Kepala Bidang Aplikasi Informatika",
        holders: [],
        direct: true,
      },
      { id: "ketua-tim-spa", title: "Ketua Tim SPA", holders: [], direct: false },
    ],
    instructions: ["Tanggapan dan saran", "Proses lebih lanjut", "Untuk diketahui"],
  };
}
