// Where the Jadwal Peralatan calendars were left (day shown, resource picked), kept while the
// window moves between pages.
import { today } from "./jadwal";

export const jadwalState = $state<{ anchor: string; resource: string }>({
  anchor: today(),
  resource: "",
});
