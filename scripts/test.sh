#!/usr/bin/env bash
# Installs what is needed and runs every check and test: format, lints, unit, scenario and
# CLI tests, the generated-types check, UI component tests and the desktop end-to-end tests.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$LOKET_ROOT/scripts/setup.sh"
cd "$LOKET_ROOT"

# The UI (ui/dist) and the desktop binary the end-to-end tests drive.
"$LOKET_ROOT/scripts/build-app.sh"

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets -- -D warnings
echo "== cargo test"
# Every cargo command here names --workspace (never -p): one feature set, so the heavy crates
# compiled by build-app.sh are reused as they are. The generated-types test (loket-api's `ts`
# feature, switched on by loket-tests) runs as part of it.
# Inside a throwaway PostgreSQL cluster (scripts/with-postgres.sh): the PostgreSQL-only tests
# (tests/postgres, server init, db copy) need a server; everything else runs on SQLite files.
"$LOKET_ROOT/scripts/with-postgres.sh" cargo test --workspace
echo "== the same scenario and CLI suites on PostgreSQL"
# One fixture (tests/backend.rs), the backend chosen by LOKET_TEST_BACKEND: each test gets a
# fresh server database prepared by `loket server init` and logs in as the application role.
PG_SUITES=()
for t in $(sed -n 's/^path = "scenario\/\(.*\)\.rs"/\1/p' tests/Cargo.toml); do
  PG_SUITES+=(--test "$(grep -B1 "path = \"scenario/$t.rs\"" tests/Cargo.toml | sed -n 's/^name = "\(.*\)"/\1/p')")
done
# The CLI tests that touch the database take it from the same fixture. `--test NAME` names a
# target in any workspace package, so `booking` and `requests` may already be there as scenario
# names. Not here: os_errors (the files a person names, the same on both) and help (no database).
for t in booking cli cli_authorisation deadlines fuzz_args letter notify office requests signer skm skm_kuesioner; do
  [[ " ${PG_SUITES[*]} " == *" --test $t "* ]] || PG_SUITES+=(--test "$t")
done
"$LOKET_ROOT/scripts/with-postgres.sh" env LOKET_TEST_BACKEND=postgres \
  cargo test --workspace "${PG_SUITES[@]}"
echo "== benchmarks in short mode, SQLite and PostgreSQL side by side"
# The requests and booking benchmarks with a small dataset and few rounds, so that they keep
# running (full figures: `cargo bench`, README "Benchmarks"). Built in the test profile like
# everything above (a `cargo bench` here would build the whole tree again optimised, about
# 11 minutes on 2 cores); `harness = false`, so `cargo test --bench` runs their main.
"$LOKET_ROOT/scripts/with-postgres.sh" env LOKET_BENCH_SHORT=1 \
  cargo test --workspace --bench requests --bench booking
echo "== generated TypeScript types are up to date"
ts_out="$(cargo test -q --workspace --test ts_bindings 2>&1)" || { echo "$ts_out"; exit 1; }
if ! grep -qE "test result: ok\. [1-9]" <<<"$ts_out"; then
  echo "$ts_out"
  echo "galat: uji tipe TypeScript tidak berjalan (fitur ts tidak aktif dalam build workspace)" >&2
  exit 1
fi
echo "== UI: type check and component tests"
(cd ui && npm run --silent check && npm test --silent)
echo "== end-to-end tests in the real window (Xvfb, D-Bus, tauri-driver)"
# Each test in its own D-Bus session and X server: a fresh desktop per app launch, as a user
# starting Loket would have (several launches in one session made WebKitWebDriver stall).
# One "target:test" per line; each e2e target is a file in tests/e2e/ sharing harness.rs.
E2E_TESTS=(
  e2e:first_run_demak
  e2e:first_run_kediri
  e2e:first_run_jember
  e2e:first_run_denpasar
  e2e:catalog_search_service_page_and_office_profile
  e2e:a_bad_profile_file_is_explained_and_creates_no_database
  e2e_requests:demak_hosting_request_through_the_chain_in_the_window
  e2e_booking:a_video_conference_is_booked_approved_and_its_receipt_printed
  e2e_blackout:an_administrator_closes_the_command_center_and_the_calendar_shows_it
  e2e_deadlines:tenggat_colours_each_state_and_the_bell_lists_what_the_watcher_sent
  e2e_letters:a_recommendation_is_drafted_initialled_signed_and_entered_in_the_agenda
  e2e_letters:an_issued_letter_is_corrected_by_a_ralat_and_the_original_says_so
  e2e_register:a_jember_request_is_registered_found_and_exported_in_the_window
  e2e_register:an_administrator_creates_an_account_in_the_window_and_it_signs_in
  e2e_templates:an_administrator_edits_a_template_with_live_preview_is_refused_a_broken_one_and_resets_it
  e2e_templates:an_administrator_sets_the_numbering_pattern_of_a_new_office
  e2e_calendar:an_administrator_closes_the_office_and_sees_the_moved_deadline
  e2e_reports:the_kepala_dinas_sees_last_years_recap_and_downloads_it_as_excel
  e2e_first_day:denpasar_reaches_its_first_issued_letter_and_first_booking_in_the_window
  e2e_skm:an_applicant_answers_in_counter_mode_and_the_screen_returns_to_the_start
  e2e_signature:tenggat_warns_before_a_signer_certificate_expires
  e2e_signature:the_kepala_dinas_signs_a_letter_electronically_with_his_passphrase
  e2e_signature:an_administrator_sees_the_signer_certificates_and_trusts_a_root_in_pengaturan
  e2e_server_connect:a_laptop_joins_the_office_server_from_the_first_run_screen_and_survives_a_network_cut
  e2e_two_laptops:a_disposition_sent_on_laptop_a_reaches_the_kepala_dinas_on_laptop_b_within_seconds
)
for entry in "${E2E_TESTS[@]}"; do
  target="${entry%%:*}"
  t="${entry#*:}"
  # The office-server tests run against their own throwaway PostgreSQL cluster (LOKET_TEST_PG).
  pg=()
  case "$target" in
    e2e_server_connect | e2e_two_laptops) pg=("$LOKET_ROOT/scripts/with-postgres.sh") ;;
  esac
  # Two laptops' windows side by side need a screen twice as wide.
  screen="1440x900x24"
  if [ "$target" = e2e_two_laptops ]; then screen="2720x900x24"; fi
  cargo test -q --workspace --test "$target" --no-run
  "${pg[@]}" env LOKET_E2E=1 WEBKIT_DISABLE_COMPOSITING_MODE=1 \
    dbus-run-session -- xvfb-run -a -s "-screen 0 $screen" \
    cargo test -q --workspace --test "$target" -- --exact "$t" 2>&1 \
    | grep -vE "dbus-daemon|xdg-desktop-portal|Gtk-WARNING|SpiRegistry|^$"
done
echo "Semua pemeriksaan lulus; tangkapan layar ada di artifacts/screenshots/"
