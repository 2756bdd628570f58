// SPDX-License-Identifier: Apache-2.0
package se.kartla;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kartla.v1.Assertion;
import se.kartla.v1.DocumentEntry;
import se.kartla.v1.Documents;

/**
 * The binding benchmark (not a timed test: it prints, it asserts no timing). An agency reads a
 * 1 KiB and a 64 MiB section of a share bundle through the Java binding and, in the same run,
 * through the C ABI called from C (bench/c_reader.c, compiled here against the same libkartla):
 * the same calls, timed on each side around the same work. Run it with
 *
 * <pre>  mvn -q verify -Pbench -Dtest=BindingBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * Modes: {@code open_read} opens the bundle, reads the section into a new array (Java byte[];
 * C kartla_buffer) and closes; {@code read} reads on a share opened once; {@code into} reads into a
 * reused caller buffer ({@code sectionInto}: a direct ByteBuffer in Java, a malloc'd buffer in C).
 * Each sample times a batch of repetitions in the calling thread's CPU time (and wall time, shown
 * too): CPU time is what stays comparable on a loaded machine. Each number is the median over the
 * samples of one repetition; C and Java runs alternate, and the better of three rounds is kept
 * for each side.
 */
@Tag("bench")
class BindingBenchmark {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final String PASS = "bench passphrase";

  @TempDir Path dir;

  /** A documents section whose protobuf is {@code size} bytes: one entry with inline content. */
  static byte[] documents(int size) throws Exception {
    byte[] content = new byte[0];
    for (int guess = size - 200; ; ) {
      content = new byte[Math.max(0, guess)];
      new Random(guess).nextBytes(content);
      byte[] encoded = entry(content).toByteArray();
      if (encoded.length == size) return encoded;
      guess += size - encoded.length;
    }
  }

  private static Documents entry(byte[] content) throws Exception {
    return Documents.newBuilder().addEntries(DocumentEntry.newBuilder()
        .setId("bench-document").setKind(DocumentEntry.Kind.OTHER).setTitle("benchmark payload")
        .setMediaType("application/octet-stream").setSizeBytes(content.length)
        .setSha256(ByteString.copyFrom(MessageDigest.getInstance("SHA-256").digest(content)))
        .setInlineContent(ByteString.copyFrom(content))
        .setAssertion(Assertion.newBuilder().setSource(Assertion.Source.SELF_REPORTED)
            .setAssertedAt(Timestamp.newBuilder().setSeconds(1700000000))))
        .build();
  }

  private interface Rep {
    void run() throws Exception;
  }

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  /** {CPU, wall}: medians over {@code samples} of one repetition's nanoseconds, each sample a batch. */
  private static long[] medianNs(int samples, int batch, Rep rep) throws Exception {
    long[] cpu = new long[samples];
    long[] wall = new long[samples];
    for (int i = 0; i < samples; i++) {
      long c0 = THREADS.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      for (int b = 0; b < batch; b++) rep.run();
      cpu[i] = (THREADS.getCurrentThreadCpuTime() - c0) / batch;
      wall[i] = (System.nanoTime() - w0) / batch;
    }
    Arrays.sort(cpu);
    Arrays.sort(wall);
    return new long[] {cpu[samples / 2], wall[samples / 2]};
  }

  private long[] cNs(Path program, Path agencyId, Path bundle, int samples, int batch, String mode) throws Exception {
    Process p = new ProcessBuilder(program.toString(), agencyId.toString(), PASS, bundle.toString(), "documents",
        Long.toString(NOW.getEpochSecond() + 60), Integer.toString(samples), Integer.toString(batch), mode)
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    p.waitFor(10, TimeUnit.MINUTES);
    assertEquals(0, p.exitValue(), out);
    String[] f = out.split(" ");
    assertEquals(mode, f[0], out);
    return new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])};
  }

  private static Path compileC(Path dir) throws Exception {
    Path lib = Path.of(System.getProperty("kartla.library.path")).toAbsolutePath();
    Path out = dir.resolve("c_reader");
    Process p = new ProcessBuilder("cc", "-O2", "-std=c99", "-I" + Repo.path("include"),
        Repo.path("bindings/java/bench/c_reader.c").toString(), "-L" + lib, "-lkartla", "-Wl,-rpath," + lib, "-o",
        out.toString()).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(2, TimeUnit.MINUTES);
    assertEquals(0, p.exitValue(), log);
    return out;
  }

  @Test
  @DisplayName("benchmark: an agency reading a 1 KiB and a 64 MiB section, Java binding vs C ABI")
  void benchmark() throws Exception {
    Path c = compileC(dir);
    IdentityOptions cheap = IdentityOptions.defaults().withKdf(3, 64);
    Path agencyId = dir.resolve("agency.id");
    List<String> lines = new ArrayList<>();
    lines.add(String.format("%-7s %-10s %12s %12s %7s %13s %13s %7s", "size", "mode", "C cpu ns", "Java cpu ns",
        "Java/C", "C wall ns", "Java wall ns", "Java/C"));
    try (Identity owner = Identity.create(PASS.toCharArray(), cheap).identity();
        Identity agency = Identity.createAgency(new AgencyInfo("Bänkprov", "212000-1140", "municipal_labour_unit"),
            PASS.toCharArray(), cheap).identity()) {
      agency.save(agencyId);
      for (int size : new int[] {1024, 64 << 20}) {
        boolean big = size > 1 << 20;
        int samples = big ? 9 : 30;
        int batch = big ? 1 : 200;
        byte[] section = documents(size);
        Path bundle = dir.resolve("bundle-" + size + ".kartla");
        try (Record record = Record.create(owner)) {
          record.setClock(NOW);
          record.setSection("documents", section);
          String grant = record.share(agency.card(), List.of("documents"),
              ShareOptions.forPurpose("Bänkprov").expiresThrough(LocalDate.of(2027, 1, 1)));
          record.save(dir.resolve("record-" + size + ".kartla"));
          record.exportBundle(grant, bundle);
        }
        Instant at = NOW.plusSeconds(60);
        try (Share share = Share.openFile(bundle, agency)) {
          assertArrayEquals(section, share.section("documents", at));
          ByteBuffer direct = ByteBuffer.allocateDirect((int) share.sectionSize("documents", at));
          byte[] heap = new byte[direct.capacity()];
          // Warm-up (JIT) on the same work.
          for (int i = 0; i < (big ? 3 : 2000); i++) {
            try (Share s = Share.openFile(bundle, agency)) {
              s.section("documents", at);
            }
          }
          String[] modes = {"open_read", "read", "into"};
          Rep[] java = {
            () -> {
              try (Share s = Share.openFile(bundle, agency)) {
                s.section("documents", at);
              }
            },
            () -> share.section("documents", at),
            () -> {
              direct.clear();
              share.sectionInto("documents", at, direct);
            },
          };
          for (int m = 0; m < modes.length; m++) {
            long[] cBest = {Long.MAX_VALUE, Long.MAX_VALUE};
            long[] jBest = {Long.MAX_VALUE, Long.MAX_VALUE};
            for (int round = 0; round < 3; round++) {
              long[] cr = cNs(c, agencyId, bundle, samples, batch, modes[m]);
              System.gc();
              long[] jr = medianNs(samples, batch, java[m]);
              for (int k = 0; k < 2; k++) {
                cBest[k] = Math.min(cBest[k], cr[k]);
                jBest[k] = Math.min(jBest[k], jr[k]);
              }
            }
            lines.add(String.format("%-7s %-10s %12d %12d %7.3f %13d %13d %7.3f", big ? "64 MiB" : "1 KiB", modes[m],
                cBest[0], jBest[0], (double) jBest[0] / cBest[0], cBest[1], jBest[1], (double) jBest[1] / cBest[1]));
          }
          // The heap-array _into path, for the README (one copy through native memory, wiped).
          long[] heapInto = medianNs(samples, batch, () -> share.sectionInto("documents", at, heap));
          lines.add(String.format("%-7s %-10s %12s %12d %7s %13s %13d", big ? "64 MiB" : "1 KiB", "into byte[]", "",
              heapInto[0], "", "", heapInto[1]));
        }
      }
    }
    System.out.println();
    System.out.println("Kartla Java binding benchmark, " + java.time.LocalDate.now() + ", "
        + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version"));
    lines.forEach(System.out::println);
    Files.write(Path.of("target", "benchmark.txt"), lines);
  }
}
