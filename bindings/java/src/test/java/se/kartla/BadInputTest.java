// SPDX-License-Identifier: Apache-2.0
package se.kartla;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import se.kartla.experimental.Attestations;
import se.kartla.experimental.TrustDraft;

/**
 * Bad input through the binding is a {@link KartlaException} with the right {@link Status}, never
 * a crash of the JVM: null arguments, closed handles (also closed by another thread during calls),
 * the wrong kind of card, truncated and empty files, text C cannot take, a buffer too small.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
  private static final IdentityOptions CHEAP = IdentityOptions.defaults().withKdf(3, 64);
  private static final char[] PASS = "en lösenfras för felprovet".toCharArray();
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private Path dir;
  private Identity owner;
  private Identity agency;
  private Path recordPath;
  private Path bundlePath;
  private byte[] profile;

  @BeforeAll
  void setUp() throws IOException {
    dir = Files.createTempDirectory("kartla-java-bad-input");
    owner = Identity.create(PASS, CHEAP).identity();
    agency = Identity.createAgency(new AgencyInfo("Landskrona stad", "212000-1140", "municipal_labour_unit"), PASS,
        CHEAP).identity();
    recordPath = dir.resolve("record.kartla");
    bundlePath = dir.resolve("bundle.kartla");
    try (Record record = Record.create(owner)) {
      record.setClock(NOW);
      record.setSectionJson("profile", Files.readString(Repo.path("examples/sections/profile.json")));
      record.setSectionJson("languages", Files.readString(Repo.path("examples/sections/languages.json")));
      profile = record.section("profile");
      String grant = record.share(agency.card(), List.of("profile"), ShareOptions.forPurpose("Felprov"));
      record.save(recordPath);
      record.exportBundle(grant, bundlePath);
    }
  }

  @AfterAll
  void tearDown() throws IOException {
    owner.close();
    agency.close();
    for (Path p : List.of(recordPath, bundlePath, dir.resolve("record.kartla.lock"))) Files.deleteIfExists(p);
    try (var files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) Files.deleteIfExists(p);
    }
    Files.deleteIfExists(dir);
  }

  private static KartlaException expect(Status status, Executable call) {
    KartlaException e = assertThrows(KartlaException.class, call);
    assertEquals(status, e.status(), e::getMessage);
    assertFalse(e.libraryMessage().isEmpty());
    return e;
  }

  @Test
  @DisplayName("null arguments are E_INVALID_ARGUMENT naming the argument")
  void nulls() {
    assertTrue(expect(Status.E_INVALID_ARGUMENT, () -> Identity.create((char[]) null, CHEAP)).libraryMessage()
        .contains("passphrase"));
    expect(Status.E_INVALID_ARGUMENT, () -> Identity.open(null, PASS));
    expect(Status.E_INVALID_ARGUMENT, () -> Identity.openFile(null, PASS));
    expect(Status.E_INVALID_ARGUMENT, () -> Record.create(null));
    expect(Status.E_INVALID_ARGUMENT, () -> Record.openFile(recordPath, null));
    expect(Status.E_INVALID_ARGUMENT, () -> Share.openFile(bundlePath, null));
    expect(Status.E_INVALID_ARGUMENT, () -> Share.open(null, agency));
    expect(Status.E_INVALID_ARGUMENT, () -> Verification.open(null));
    expect(Status.E_INVALID_ARGUMENT, () -> Kartla.cardFingerprint(null));
    expect(Status.E_INVALID_ARGUMENT, () -> Identity.createAgency(null, PASS, CHEAP));
    try (Record record = Record.openFile(recordPath, owner); Share share = Share.openFile(bundlePath, agency)) {
      expect(Status.E_INVALID_ARGUMENT, () -> record.section((String) null));
      expect(Status.E_INVALID_ARGUMENT, () -> record.setSection("profile", (byte[]) null));
      expect(Status.E_INVALID_ARGUMENT, () -> record.setSectionJson("profile", null));
      expect(Status.E_INVALID_ARGUMENT, () -> record.share(null, List.of("profile"), ShareOptions.forPurpose("x")));
      expect(Status.E_INVALID_ARGUMENT, () -> record.share(agency.card(), List.of("profile"),
          ShareOptions.forPurpose(null)));
      expect(Status.E_INVALID_ARGUMENT, () -> record.share(agency.card(), List.of(), ShareOptions.forPurpose("x")));
      expect(Status.E_INVALID_ARGUMENT, () -> share.section((String) null, null));
      expect(Status.E_INVALID_ARGUMENT, () -> share.sectionInto("profile", null, (ByteBuffer) null));
      expect(Status.E_INVALID_ARGUMENT, () -> share.checkOwner(null));
      expect(Status.E_INVALID_ARGUMENT, () -> Attestations.sectionEntry("competences", null, "x"));
    }
  }

  @Test
  @DisplayName("closed handles are E_INVALID_ARGUMENT; closing twice is fine")
  void closedHandles() {
    Record record = Record.openFile(recordPath, owner);
    record.close();
    record.close();
    assertTrue(record.isClosed());
    expect(Status.E_INVALID_ARGUMENT, () -> record.section("profile"));
    expect(Status.E_INVALID_ARGUMENT, () -> record.save(recordPath));
    Share share = Share.openFile(bundlePath, agency);
    share.close();
    expect(Status.E_INVALID_ARGUMENT, () -> share.section("profile", null));
    expect(Status.E_INVALID_ARGUMENT, () -> share.sectionInto("profile", null, new byte[2048]));
    Verification v = Verification.openFile(recordPath);
    v.close();
    expect(Status.E_INVALID_ARGUMENT, v::report);
    TrustDraft draft = TrustDraft.create(1);
    draft.close();
    expect(Status.E_INVALID_ARGUMENT, draft::sequence);
  }

  @Test
  @DisplayName("the wrong kind of card: an owner's where an agency's is needed and the reverse")
  void wrongCards() {
    try (Record record = Record.openFile(recordPath, owner); Share share = Share.openFile(bundlePath, agency)) {
      expect(Status.E_INVALID_ARGUMENT, () -> record.share(owner.card(), List.of("profile"),
          ShareOptions.forPurpose("x")));
      expect(Status.E_INVALID_ARGUMENT, () -> share.checkOwner(agency.card()));
    }
    try (TrustDraft draft = TrustDraft.create(1)) {
      expect(Status.E_INVALID_ARGUMENT, () -> draft.add(owner.card(), "municipal_labour_unit", NOW, null));
    }
    // An agency cannot own a record; an owner holds no grant of its own record's bundle.
    expect(Status.E_INVALID_ARGUMENT, () -> Record.create(agency));
    expect(Status.E_INVALID_ARGUMENT, () -> Record.openFile(recordPath, agency));
    byte[] card = owner.card();
    card[card.length - 1] ^= 1;
    expect(Status.E_SIGNATURE, () -> Kartla.cardFingerprint(card));
  }

  @Test
  @DisplayName("truncated, empty and foreign files are E_FORMAT")
  void truncated() throws IOException {
    byte[] file = Files.readAllBytes(bundlePath);
    for (int len : new int[] {0, 1, 7, file.length / 3, file.length - 1}) {
      byte[] cut = Arrays.copyOf(file, len);
      expect(Status.E_FORMAT, () -> Verification.open(cut));
      expect(Status.E_FORMAT, () -> Share.open(cut, agency));
    }
    Path half = dir.resolve("half.kartla");
    Files.write(half, Arrays.copyOf(Files.readAllBytes(recordPath), 100));
    expect(Status.E_FORMAT, () -> Record.openFile(half, owner));
    expect(Status.E_FORMAT, () -> Share.openFile(half, agency));
    expect(Status.E_FORMAT, () -> Identity.open(new byte[10], PASS));
    expect(Status.E_FORMAT, () -> Record.open(Files.readAllBytes(bundlePath), owner)); // a bundle is not a record
    expect(Status.E_IO, () -> Verification.openFile(dir.resolve("no-such-file")));
  }

  @Test
  @DisplayName("text C cannot take, times C cannot tell from now, small buffers and unknown sections")
  void textTimesAndBuffers() {
    try (Share share = Share.openFile(bundlePath, agency)) {
      assertTrue(expect(Status.E_INVALID_ARGUMENT, () -> share.section("profile\0languages", null)).libraryMessage()
          .contains("NUL"));
      expect(Status.E_INVALID_ARGUMENT, () -> share.section("profile\ud800", null));
      expect(Status.E_INVALID_ARGUMENT, () -> share.section("profile", Instant.EPOCH));
      expect(Status.E_INVALID_ARGUMENT, () -> share.section("no_such_section", null));
      expect(Status.E_INVALID_ARGUMENT, () -> share.sectionInto("profile", null, new byte[10]));
      expect(Status.E_INVALID_ARGUMENT, () -> share.sectionInto("profile", null, ByteBuffer.allocateDirect(10)));
      expect(Status.E_INVALID_ARGUMENT, () -> share.sectionInto("profile", null,
          ByteBuffer.allocate(4096).asReadOnlyBuffer()));
      expect(Status.E_INVALID_ARGUMENT, () -> share.checkLastSeen(-1));
      // An unchanged position after a refused read; a read at an offset lands there.
      ByteBuffer buf = ByteBuffer.allocate(8192);
      buf.position(100);
      int n = share.sectionInto("profile", null, buf);
      assertEquals(100 + n, buf.position());
      assertArrayEquals(profile, Arrays.copyOfRange(buf.array(), 100, 100 + n));
    }
    expect(Status.E_INVALID_ARGUMENT, () -> Identity.create(new char[] {'a', '\ud800'}, CHEAP));
    expect(Status.E_INVALID_ARGUMENT, () -> Identity.create(new char[0], CHEAP));
    expect(Status.E_INVALID_ARGUMENT, () -> Identity.create(PASS, IdentityOptions.defaults().withKdf(1, 64)));
    expect(Status.E_AUTH, () -> Identity.recover(owner.fileBytes(), "0000-0000".toCharArray()));
  }

  @Test
  @DisplayName("status codes map both ways; an unknown code is UNKNOWN and keeps its number")
  void statuses() {
    for (Status s : Status.values()) {
      if (s == Status.UNKNOWN) continue;
      assertEquals(s, Status.of(s.code()));
      assertEquals(Kartla.statusName(s.code()), s.name());
    }
    KartlaException e = new KartlaException(99, "newer");
    assertEquals(Status.UNKNOWN, e.status());
    assertEquals(99, e.code());
    assertEquals("UNKNOWN", Kartla.statusName(99));
    assertThrows(IllegalArgumentException.class, () -> new KartlaException(Status.OK, "no"));
  }

  @Test
  @DisplayName("two threads with separate handles, and a share closed while other threads read it: no crash")
  void threadsAndCloseDuringUse() throws Exception {
    // Separate handles on two threads, each reading and provoking its own error.
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    AtomicLong reads = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      threads.add(new Thread(() -> {
        try (Share mine = Share.openFile(bundlePath, agency)) {
          for (int i = 0; i < 300; i++) {
            assertArrayEquals(profile, mine.section("profile", null));
            KartlaException e = assertThrows(KartlaException.class, () -> mine.section("languages", null));
            assertEquals(Status.E_NOT_SHARED, e.status());
            assertTrue(e.libraryMessage().contains("languages"), e.libraryMessage());
            reads.incrementAndGet();
          }
        } catch (Throwable x) {
          failures.add(x);
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) t.join();
    assertEquals(List.of(), failures);
    assertEquals(600, reads.get());

    // One share read by four threads and closed by a fifth in the middle: every read either
    // gives the content or E_INVALID_ARGUMENT (closed), and the handle is freed once, after the
    // last read in flight.
    Share shared = Share.openFile(bundlePath, agency);
    CountDownLatch started = new CountDownLatch(4);
    List<Thread> readers = new ArrayList<>();
    AtomicLong refused = new AtomicLong();
    for (int t = 0; t < 4; t++) {
      readers.add(new Thread(() -> {
        started.countDown();
        for (int i = 0; i < 100_000; i++) {
          try {
            if (!Arrays.equals(profile, shared.section("profile", null))) failures.add(new AssertionError("content"));
          } catch (KartlaException e) {
            if (e.status() != Status.E_INVALID_ARGUMENT) failures.add(e);
            refused.incrementAndGet();
            return;
          }
        }
      }));
    }
    readers.forEach(Thread::start);
    assertTrue(started.await(10, TimeUnit.SECONDS));
    Thread.sleep(20);
    shared.close();
    for (Thread t : readers) t.join();
    assertEquals(List.of(), failures);
    assertTrue(shared.isClosed());
  }

  @Test
  @DisplayName("without the library, the first call says how to point at it")
  void missingLibrary() throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
        "-Dkartla.library.path=" + dir.resolve("no-library-here"), "-Djna.library.path=" + dir,
        MissingLibraryMain.class.getName())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertTrue(out.contains("UnsatisfiedLinkError") && out.contains("-Dkartla.library.path="), out);
  }

  /**
   * Run in a JVM whose kartla.library.path names a folder without the library: neither the
   * jar's library (target/classes carries it) nor a system copy may stand in for it.
   */
  static final class MissingLibraryMain {
    public static void main(String[] args) {
      try {
        System.out.println(Kartla.version());
        System.out.println("FOUND a library elsewhere");
      } catch (UnsatisfiedLinkError e) {
        System.out.println("UnsatisfiedLinkError: " + e.getMessage());
      }
    }
  }
}
