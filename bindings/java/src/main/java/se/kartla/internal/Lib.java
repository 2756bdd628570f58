// SPDX-License-Identifier: Apache-2.0
package se.kartla.internal;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.io.File;
import java.io.IOException;
import java.net.URL;

/**
 * Finds and loads libkartla once per class loader. Not API.
 *
 * <p>Where it looks, in order:
 *
 * <ol>
 *   <li>the folder named by the system property {@code kartla.library.path}: its libkartla.so and
 *       no other;
 *   <li>when JNA's own {@code jna.library.path} is set: JNA's search (that path, the system's, and
 *       last the jar's);
 *   <li>the library the jar carries, the classpath resource {@code linux-x86-64/libkartla.so}
 *       (JNA's resource layout; unpacked by JNA to a temporary file, since a shared object cannot
 *       be loaded from inside a jar);
 *   <li>the operating system's (LD_LIBRARY_PATH, the ldconfig cache, /usr/lib, ...).
 * </ol>
 *
 * <p>So a jar from the build needs nothing installed, and either property still selects another
 * (a system) library. When none loads, every entry point throws {@link UnsatisfiedLinkError} with
 * a message saying how to point at one.
 */
public final class Lib {
  /** The ABI this binding was written against: the shared library's SOVERSION (KARTLA_ABI_VERSION). */
  public static final int ABI_VERSION = 1;

  public static final String PATH_PROPERTY = "kartla.library.path";
  private static final String JNA_PATH_PROPERTY = "jna.library.path";
  private static final String NAME = "kartla";
  /** Where the jar carries the library: JNA's folder for this platform ("linux-x86-64"). */
  public static final String RESOURCE = Platform.RESOURCE_PREFIX + "/" + System.mapLibraryName(NAME);

  private static volatile String location = "";
  private static final Throwable FAILURE = load();

  private Lib() {}

  private static boolean isSet(String value) {
    return value != null && !value.isEmpty();
  }

  private static Throwable load() {
    String folder = System.getProperty(PATH_PROPERTY);
    try {
      if (com.sun.jna.Native.SIZE_T_SIZE != 8 || com.sun.jna.Native.POINTER_SIZE != 8) {
        return new UnsatisfiedLinkError("the Kartla Java binding supports 64-bit platforms only (size_t is "
            + com.sun.jna.Native.SIZE_T_SIZE + " bytes here)");
      }
      NativeLibrary library;
      URL carried = Lib.class.getClassLoader() == null ? null : Lib.class.getClassLoader().getResource(RESOURCE);
      if (isSet(folder)) {
        // That folder's library and no other: not the jar's, not the system's.
        File file = new File(folder, System.mapLibraryName(NAME)).getAbsoluteFile();
        if (!file.isFile()) throw new UnsatisfiedLinkError("there is no " + file);
        library = NativeLibrary.getInstance(file.getPath());
        location = file.getPath();
      } else if (isSet(System.getProperty(JNA_PATH_PROPERTY)) || carried == null) {
        library = NativeLibrary.getInstance(NAME);
        location = library.getFile() == null ? NAME : library.getFile().getAbsolutePath();
      } else {
        library = NativeLibrary.getInstance(unpacked().getAbsolutePath());
        location = carried.toString();
      }
      Native.register(library);
      int abi = Native.kartla_abi_version();
      if (abi != ABI_VERSION) {
        return new UnsatisfiedLinkError("libkartla at " + location + " has ABI version " + abi
            + ", this binding needs ABI version " + ABI_VERSION);
      }
      return null;
    } catch (UnsatisfiedLinkError | RuntimeException | IOException e) {
      String where = isSet(folder)
          ? PATH_PROPERTY + "=" + folder + (new File(folder).isDirectory() ? "" : " (not a folder)")
          : "the system property " + PATH_PROPERTY + " is not set and the jar carries no " + RESOURCE
              + " that loads here";
      UnsatisfiedLinkError error = new UnsatisfiedLinkError(
          "libkartla could not be loaded (" + where + "): start Java with -D" + PATH_PROPERTY
              + "=/path/to/folder, the folder holding libkartla.so (after a CMake build: build/release/src/capi),"
              + " or install the library where the system linker finds it (ldconfig). Cause: " + e.getMessage());
      error.initCause(e);
      return error;
    }
  }

  /** The jar's library as a file: JNA copies it out of the jar (or names it, on a plain class path). */
  private static File unpacked() throws IOException {
    return com.sun.jna.Native.extractFromResourcePath(NAME, Lib.class.getClassLoader());
  }

  /** Returns if the library is loaded and of the right ABI version; else throws why not. */
  public static void check() {
    if (FAILURE != null) {
      UnsatisfiedLinkError error = new UnsatisfiedLinkError(FAILURE.getMessage());
      error.initCause(FAILURE);
      throw error;
    }
  }

  /**
   * Where the loaded library came from: the resource's URL when it is the jar's
   * ({@code jar:file:...!/linux-x86-64/libkartla.so}), else the file's path.
   */
  public static String location() {
    check();
    return location;
  }
}
