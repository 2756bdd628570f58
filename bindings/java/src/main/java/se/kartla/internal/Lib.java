package se.kartla.internal;

import com.sun.jna.NativeLibrary;
import java.io.File;

/**
 * Finds and loads libkartla once per class loader. Not API.
 *
 * <p>Where it looks, in order: the folder named by the system property {@code kartla.library.path}
 * (passed on to JNA as a search path for "kartla"), then JNA's own {@code jna.library.path}, then
 * the operating system's (LD_LIBRARY_PATH, the ldconfig cache, /usr/lib, ...). When none has it,
 * every entry point throws {@link UnsatisfiedLinkError} with a message saying how to point at it.
 */
public final class Lib {
  /** The ABI this binding was written against: the shared library's SOVERSION (KARTLA_ABI_VERSION). */
  public static final int ABI_VERSION = 1;

  public static final String PATH_PROPERTY = "kartla.library.path";

  private static final Throwable FAILURE = load();

  private Lib() {}

  private static Throwable load() {
    String folder = System.getProperty(PATH_PROPERTY);
    try {
      if (com.sun.jna.Native.SIZE_T_SIZE != 8 || com.sun.jna.Native.POINTER_SIZE != 8) {
        return new UnsatisfiedLinkError("the Kartla Java binding supports 64-bit platforms only (size_t is "
            + com.sun.jna.Native.SIZE_T_SIZE + " bytes here)");
      }
      if (folder != null && !folder.isEmpty()) NativeLibrary.addSearchPath("kartla", folder);
      NativeLibrary library = NativeLibrary.getInstance("kartla");
      Native.register(library);
      int abi = Native.kartla_abi_version();
      if (abi != ABI_VERSION) {
        return new UnsatisfiedLinkError("libkartla at " + library.getFile() + " has ABI version " + abi
            + ", this binding needs ABI version " + ABI_VERSION);
      }
      return null;
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      String where = folder == null || folder.isEmpty()
          ? "the system property " + PATH_PROPERTY + " is not set"
          : PATH_PROPERTY + "=" + folder + (new File(folder).isDirectory() ? "" : " (not a folder)");
      UnsatisfiedLinkError error = new UnsatisfiedLinkError(
          "libkartla could not be loaded (" + where + "): start Java with -D" + PATH_PROPERTY
              + "=/path/to/folder, the folder holding libkartla.so (after a CMake build: build/release/src/capi),"
              + " or install the library where the system linker finds it (ldconfig). Cause: " + e.getMessage());
      error.initCause(e);
      return error;
    }
  }

  /** Returns if the library is loaded and of the right ABI version; else throws why not. */
  public static void check() {
    if (FAILURE != null) {
      UnsatisfiedLinkError error = new UnsatisfiedLinkError(FAILURE.getMessage());
      error.initCause(FAILURE);
      throw error;
    }
  }
}
