/* SPDX-License-Identifier: Apache-2.0 */
// The agent process itself (docs/AGENT.md): answers this user's commands on a listening socket,
// keeps each passphrase key it is given in the library's guarded memory for a fixed time, and
// wipes every key when that time is up, on `forget`, on `stop` and on SIGTERM, SIGINT or SIGHUP.
#pragma once

#include <cstdint>
#include <string>

namespace kartla::cli::agent {

// Runs until stopped; removes `socket_path` and wipes every key before it returns.
void serve(int listening_fd, const std::string& socket_path, uint64_t key_lifetime_seconds);

}  // namespace kartla::cli::agent
