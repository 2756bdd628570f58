// The folder of this computer where the CLI keeps what must not travel with a USB stick: the
// versions of records each owner has seen (docs/SPEC.md §8.1) and the newest trust list seen of
// each root. KARTLA_STATE_DIR, else $XDG_STATE_HOME/kartla, else ~/.local/state/kartla.
#pragma once

#include <cstdint>
#include <string>

namespace kartla::cli {

// The folder, created 0700 if missing; empty if there is none (no home folder, or it cannot be
// made): callers then remember nothing beyond what their files hold.
std::string state_folder();

// The highest sequence of a trust list signed by the root with this fingerprint that this
// computer has verified (0: none), and remembering a newer one. A trust list older than the one
// remembered is refused as a rollback, so nobody has to carry --last-seen-trust by hand.
uint64_t remembered_trust_sequence(const std::string& root_fingerprint);
void remember_trust_sequence(const std::string& root_fingerprint, uint64_t sequence);

}  // namespace kartla::cli
