// SPDX-License-Identifier: Apache-2.0
package se.kartla;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kartla.internal.Lib;

/**
 * The jar as a Maven consumer gets it: run by Failsafe after `package`, in a fresh JVM whose class
 * path holds the built jar (not target/classes) and which has no library path of any kind, so
 * libkartla can only be the one inside the jar.
 */
class PackagedJarIT {
  @TempDir Path dir;

  @Test
  @DisplayName("with no library path, the library is the packaged one inside the jar")
  void loadsTheJarsLibrary() throws Exception {
    assertNull(System.getProperty(Lib.PATH_PROPERTY), "the pom must not set kartla.library.path here");
    assertNull(System.getProperty("jna.library.path"), "the pom must not set jna.library.path here");
    assertNull(System.getenv("LD_LIBRARY_PATH"), "Failsafe must run without LD_LIBRARY_PATH");

    URL jar = Kartla.class.getProtectionDomain().getCodeSource().getLocation();
    assertTrue(jar.getPath().endsWith(".jar"), "the binding's classes come from " + jar + ", not a jar");
    assertEquals("jar:" + jar + "!/linux-x86-64/libkartla.so", Kartla.libraryLocation());
    assertEquals(Lib.ABI_VERSION, Kartla.abiVersion());

    // What the jar carries is, byte for byte, the packaging build the pom was given.
    byte[] carried;
    try (InputStream in = new URL(Kartla.libraryLocation()).openStream()) {
      carried = in.readAllBytes();
    }
    Path packaged = Path.of(System.getProperty("kartla.native.library"));
    assertArrayEquals(Files.readAllBytes(packaged), carried, "the jar's library is not " + packaged);
  }

  @Test
  @DisplayName("the README's example runs on the jar alone, in a JVM of its own")
  void exampleRunsOnTheJar() throws Exception {
    String out = ExampleTest.runExample(dir, null);
    assertTrue(out.startsWith("purpose: Kartläggning\n"), out);
    assertTrue(out.contains(" reading "), out);
  }
}
