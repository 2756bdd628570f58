// SPDX-License-Identifier: Apache-2.0
package se.kartla;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository the tests read their data from (system property kartla.repo, set by the pom). */
final class Repo {
  private Repo() {}

  static Path root() {
    String root = System.getProperty("kartla.repo");
    if (root == null) throw new IllegalStateException("the system property kartla.repo is not set (the pom sets it)");
    return Path.of(root).toAbsolutePath().normalize();
  }

  static Path path(String relative) {
    return root().resolve(relative);
  }

  static byte[] read(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
