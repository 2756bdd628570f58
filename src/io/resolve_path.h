/* SPDX-License-Identifier: Apache-2.0 */
// Which file a save replaces when the record path is a symlink. People keep the record on a USB
// stick and link to it from their home folder; renaming a new file over the link would replace
// the link with a regular file, so the save would land at home while the stick kept the old copy.
// Like libgit2's filebuf and git's lockfile, we follow the link and replace (and lock) its target.
#pragma once

#include <string>

#include "io/file_system.h"

namespace kartla::io {

// Follows symlinks in the last component of `path` (a chain of up to 32), joining a relative
// target to the folder of the link. A path that does not exist, or is not a symlink, is returned
// as it is. Folder symlinks earlier in the path are left alone: the rename goes through them.
// Throws Error(io) if a link cannot be read or the chain is too long or loops.
std::string resolve_final_symlinks(const std::string& path,
                                   const FileSystem& fs = real_file_system());

}  // namespace kartla::io
