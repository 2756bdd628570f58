// SPDX-License-Identifier: Apache-2.0
package se.kartla;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Message;
import com.google.protobuf.Value;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.Executable;
import se.kartla.experimental.AttestationCheck;
import se.kartla.experimental.Attestations;
import se.kartla.experimental.Contributions;
import se.kartla.experimental.EntryRef;
import se.kartla.experimental.TrustDraft;
import se.kartla.experimental.TrustLists;
import se.kartla.v1.CardDescription;
import se.kartla.v1.ContributionDescription;
import se.kartla.v1.EntryProvenance;
import se.kartla.v1.ProvenanceReport;
import se.kartla.v1.SectionList;
import se.kartla.v1.ShareDescription;
import se.kartla.v1.SharedSection;
import se.kartla.v1.VerificationReport;

/**
 * The shared binding scenario (tests/bindings/README.md) through the Java binding, one test per
 * step, in order, each named by its step id; the data comes from tests/bindings/scenario.json.
 * tests/bindings/cpp/scenario_test.cpp is the reference run through the C++ wrapper.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScenarioTest {
  private final Json s = Json.repoFile("tests/bindings/scenario.json");
  private final long now = s.at("clock").number("now");
  private final Json shareSpec = s.at("share");
  private final Json agencySpec = s.at("agency");
  private final IdentityOptions kdf = IdentityOptions.defaults()
      .withKdf((int) s.at("kdf").number("opslimit"), (int) s.at("kdf").number("memlimit_mib"))
      .withCreatedAt(at(now - 86400));
  private final char[] passphrase = s.at("owner").text("passphrase").toCharArray();
  private final char[] agencyPassphrase = agencySpec.text("passphrase").toCharArray();
  private final List<String> shared = shareSpec.strings("sections");
  private final String notShared = shareSpec.text("not_shared_section");
  private final Instant readAt = at(now + shareSpec.number("read_after"));

  /** Every failure the scenario provoked, by status name, for step "errors". */
  private final Map<String, KartlaException> provoked = new ConcurrentHashMap<>();

  private Path dir;
  private Identity owner;
  private byte[] ownerCard;
  private char[] recoveryCode;
  private Path identityPath;
  private Record record;
  private final Map<String, byte[]> content = new TreeMap<>(); // section -> protobuf bytes (test data)
  private String recordId;
  private Path recordPath;
  private Identity agency;
  private byte[] agencyCard;
  private Path agencyPath;
  private Path bundlePath;

  private static Instant at(long seconds) {
    return Instant.ofEpochSecond(seconds);
  }

  private KartlaException expectError(Status expected, Executable call) {
    KartlaException e = assertThrows(KartlaException.class, call);
    assertEquals(expected, e.status(), () -> "status of: " + e.getMessage());
    assertEquals(Kartla.statusName(expected.code()), e.statusName());
    assertFalse(e.libraryMessage().isEmpty());
    provoked.put(e.statusName(), e);
    return e;
  }

  private Path examples() {
    return Repo.path(s.at("sections").text("examples_dir"));
  }

  @BeforeAll
  void setUp() throws IOException {
    assertEquals(1, Kartla.abiVersion());
    dir = Files.createTempDirectory("kartla-java-scenario");
  }

  @AfterAll
  void close() {
    for (AutoCloseable c : new AutoCloseable[] {record, agency, owner}) {
      try {
        if (c != null) c.close();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
    Arrays.fill(passphrase, '\0');
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  @Order(1)
  @DisplayName("scenario:identity.create")
  void identityCreate() {
    NewIdentity created = Identity.create(passphrase, kdf);
    recoveryCode = created.recoveryCode().clone();
    created.wipeRecoveryCode();
    assertTrue(recoveryCode.length > 0);
    owner = created.identity();
    ownerCard = owner.card();
    assertEquals(owner.fingerprint(), Kartla.cardFingerprint(ownerCard));
    assertEquals("owner", Kartla.describeCard(ownerCard).getKind());
  }

  @Test
  @Order(2)
  @DisplayName("scenario:identity.reopen")
  void identityReopen() {
    identityPath = dir.resolve("owner.kartla-id");
    owner.save(identityPath);
    byte[] file = Repo.read(identityPath);
    assertArrayEquals(file, owner.fileBytes());
    try (Identity a = Identity.openFile(identityPath, passphrase);
        Identity b = Identity.open(file, passphrase);
        Identity c = Identity.recoverFile(identityPath, recoveryCode);
        Identity d = Identity.recover(file, recoveryCode);
        Identity e = Identity.open(file, new String(passphrase).getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      for (Identity i : List.of(a, b, c, d, e)) assertEquals(owner.fingerprint(), i.fingerprint());
    }
    expectError(Status.E_AUTH, () -> Identity.openFile(identityPath, s.at("owner").text("wrong_passphrase").toCharArray()));
    // The binding keeps no copy of the caller's passphrase and leaves the caller's array alone.
    assertEquals(s.at("owner").text("passphrase"), new String(passphrase));
  }

  @Test
  @Order(3)
  @DisplayName("scenario:record.sections")
  void recordSections() throws IOException {
    List<String> ownerOnly = s.at("sections").strings("owner_only");
    record = Record.create(owner);
    record.setClock(at(now));
    List<String> names;
    try (Stream<Path> files = Files.list(examples())) {
      names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - 5)).sorted().collect(Collectors.toList());
    }
    for (String name : names) {
      String json = Files.readString(examples().resolve(name + ".json"));
      if (ownerOnly.contains(name)) {
        expectError(Status.E_INVALID_ARGUMENT, () -> record.setSectionJson(name, json));
        continue;
      }
      record.setSectionJson(name, json);
      byte[] bytes = record.section(name);
      record.setSection(name, bytes);
      assertArrayEquals(bytes, record.section(name), name);
      Json readBack = Json.parse(record.sectionJson(name));
      for (String member : Json.parse(json).object().getFieldsMap().keySet()) {
        assertTrue(readBack.has(member), name + "." + member);
      }
      // The typed path reads the same message.
      Section<?> typed = Section.named(name);
      assertNotNull(typed, name);
      Message message = record.section(typed);
      assertEquals(typed.parser().parseFrom(bytes), message, name);
      content.put(name, bytes);
    }
    assertTrue(content.size() >= 10);
    SectionList listed = record.sections();
    assertEquals(content.size(), listed.getSectionsCount());
    assertEquals(new ArrayList<>(content.keySet()), record.sectionNames().stream().sorted().collect(Collectors.toList()));
    record.removeSection("education");
    expectError(Status.E_NOT_FOUND, () -> record.section("education"));
    record.setSection("education", content.get("education"));
    expectError(Status.E_SCHEMA, () -> record.setSectionJson("profile", "{\"no_such_field\": 1}"));
    assertArrayEquals(content.get("profile"), record.section("profile"));
    recordId = record.id();
    assertTrue(recordId.matches("[0-9a-f]{32}"));
  }

  @Test
  @Order(4)
  @DisplayName("scenario:record.save")
  void recordSave() {
    recordPath = dir.resolve("record.kartla");
    record.save(recordPath);
    try (Record reopened = Record.openFile(recordPath, owner)) {
      assertEquals(1, reopened.sequence());
      for (Map.Entry<String, byte[]> e : content.entrySet()) {
        assertArrayEquals(e.getValue(), reopened.section(e.getKey()), e.getKey());
      }
    }
  }

  @Test
  @Order(5)
  @DisplayName("scenario:record.verify")
  void recordVerify() {
    try (Verification v = Verification.openFile(recordPath)) {
      assertEquals(1, v.sequence());
      assertEquals(recordId, v.recordId());
      assertEquals(owner.fingerprint(), v.ownerFingerprint());
      assertEquals("", v.previousHash());
      VerificationReport report = v.report();
      assertEquals("record", report.getKind());
      assertEquals(content.size(), report.getSectionsListed());
      v.checkLastSeen(1);
    }
    byte[] file = Repo.read(recordPath);
    byte[] half = Arrays.copyOf(file, file.length / 2);
    expectError(Status.E_FORMAT, () -> Verification.open(half));
    expectError(Status.E_FORMAT, () -> Record.open(half, owner));
  }

  @Test
  @Order(6)
  @DisplayName("scenario:agency.create")
  void agencyCreate() {
    AgencyInfo info = new AgencyInfo(agencySpec.text("name"), agencySpec.text("organisation_number"),
        agencySpec.text("role"));
    NewIdentity created = Identity.createAgency(info, agencyPassphrase, kdf);
    created.wipeRecoveryCode();
    agency = created.identity();
    agencyCard = agency.card();
    CardDescription card = Kartla.describeCard(agencyCard);
    assertEquals("agency", card.getKind());
    assertEquals(agencySpec.text("name"), card.getName());
    agencyPath = dir.resolve("agency.kartla-id");
    agency.save(agencyPath);
  }

  private ShareOptions shareOptions() {
    return ShareOptions.forPurpose(shareSpec.text("purpose"))
        .gdprArt6Basis(shareSpec.text("gdpr_art6_basis"))
        .expiresAt(at(now + shareSpec.number("expires_after")))
        .grantedAt(at(now));
  }

  @Test
  @Order(7)
  @DisplayName("scenario:share.grant")
  void shareGrant() {
    String grantId = record.share(agencyCard, shared, shareOptions());
    assertTrue(grantId.matches("[0-9a-f]{32}"), grantId);
    expectError(Status.E_INVALID_ARGUMENT, () -> record.share(ownerCard, shared, shareOptions()));
    record.save(recordPath);
    bundlePath = dir.resolve("bundle.kartla");
    record.exportBundle(grantId, bundlePath);
  }

  /** The agency's four ways in: the bundle and the record file, each from a path and from bytes. */
  private List<Share> openAll() {
    return List.of(Share.openFile(bundlePath, agency), Share.open(Repo.read(bundlePath), agency),
        Share.openFile(recordPath, agency), Share.open(Repo.read(recordPath), agency));
  }

  @Test
  @Order(8)
  @DisplayName("scenario:share.read")
  void shareRead() throws IOException {
    for (Share share : openAll()) {
      try (share) {
        for (String name : shared) {
          assertArrayEquals(content.get(name), share.section(name, readAt), name);
          assertTrue(Json.parse(share.sectionJson(name, readAt)).object().getFieldsCount() > 0, name);
          // _into: size first, then the read into memory the caller owns (heap and direct).
          long size = share.sectionSize(name, readAt);
          byte[] mine = new byte[(int) size];
          int used = share.sectionInto(name, readAt, mine);
          assertArrayEquals(content.get(name), Arrays.copyOf(mine, used), name);
          Arrays.fill(mine, (byte) 0);
          ByteBuffer direct = ByteBuffer.allocateDirect((int) size);
          assertEquals(used, share.sectionInto(name, readAt, direct));
          assertEquals(used, direct.position());
          byte[] fromDirect = new byte[used];
          direct.flip().get(fromDirect);
          assertArrayEquals(content.get(name), fromDirect, name);
          Section<?> typed = Section.named(name);
          assertEquals(Section.named(name).parser().parseFrom(content.get(name)), share.section(typed, readAt));
        }
        ShareDescription described = share.describe();
        List<String> describedSections = new ArrayList<>();
        for (SharedSection d : described.getGrantsList()) {
          describedSections.add(d.getSection());
          assertEquals(shareSpec.text("purpose"), d.getPurpose());
        }
        assertEquals(shared, describedSections);
        share.checkOwner(ownerCard);
        expectError(Status.E_INVALID_ARGUMENT, () -> share.checkOwner(agencyCard));
      }
    }
    // A typed read, as an agency system would write it.
    try (Share share = Share.openFile(bundlePath, agency)) {
      se.kartla.v1.Languages languages = share.section(Section.LANGUAGES, readAt);
      assertTrue(languages.getEntriesCount() > 0);
    }
  }

  @Test
  @Order(9)
  @DisplayName("scenario:share.not_shared")
  void shareNotShared() {
    for (Share share : openAll()) {
      try (share) {
        expectError(Status.E_NOT_SHARED, () -> share.section(notShared, readAt));
      }
    }
  }

  @Test
  @Order(10)
  @DisplayName("scenario:share.expired")
  void shareExpired() {
    Instant late = at(now + shareSpec.number("expired_read_after"));
    for (Share share : openAll()) {
      try (share) {
        expectError(Status.E_EXPIRED, () -> share.section(shared.get(0), late));
      }
    }
  }

  @Test
  @Order(11)
  @DisplayName("scenario:share.revoke")
  void shareRevoke() throws IOException {
    Json revokeSpec = s.at("revoke");
    String rewrittenSection = revokeSpec.text("rewrite_section");
    Value.Builder rewritten = Json.file(examples().resolve(rewrittenSection + ".json")).value().toBuilder();
    rewritten.getStructValueBuilder().putAllFields(revokeSpec.at("rewrite_merge").object().getFieldsMap());
    record.revoke(agencyCard, at(now + revokeSpec.number("after")));
    record.setSectionJson(rewrittenSection, com.google.protobuf.util.JsonFormat.printer().print(rewritten));
    record.save(recordPath);
    try (Share after = Share.openFile(recordPath, agency); Share before = Share.openFile(bundlePath, agency)) {
      expectError(Status.E_NOT_SHARED, () -> after.section(rewrittenSection, readAt));
      assertArrayEquals(content.get(rewrittenSection), before.section(rewrittenSection, readAt));
      after.checkLastSeen(before.sequence() + 1);
      expectError(Status.E_ROLLBACK, () -> before.checkLastSeen(after.sequence()));
    }
  }

  @Test
  @Order(12)
  @DisplayName("scenario:attest")
  void attest() {
    Json attestSpec = s.at("attest");
    String section = attestSpec.text("section");
    String entryId = attestSpec.text("entry_id");
    EntryRef ref = new EntryRef(ownerCard, recordId, section, entryId,
        Attestations.sectionEntry(section, record.section(section), entryId));
    byte[] attestation = Attestations.issue(agency, ref, attestSpec.text("claim_json"), at(now), null);
    NewIdentity root = TrustLists.createRoot(attestSpec.text("trust_root_name"), passphrase, kdf);
    root.wipeRecoveryCode();
    byte[] trustList;
    try (Identity rootIdentity = root.identity(); TrustDraft draft = TrustDraft.create(1)) {
      draft.add(agencyCard, agencySpec.text("role"), at(now - attestSpec.number("agency_valid_from_before")), null);
      assertEquals(1, draft.sequence());
      trustList = TrustLists.sign(rootIdentity, draft, at(now),
          at(now + attestSpec.number("trust_list_expires_after")));
    }
    AttestationCheck without = Attestations.verify(attestation, ref, null, at(now));
    assertEquals(Status.OK, without.status());
    assertEquals(attestSpec.text("expected_verdict_without_list"), without.report().getVerdict());
    AttestationCheck with = Attestations.verify(attestation, ref, trustList, at(now));
    assertEquals(Status.OK, with.status());
    assertEquals(attestSpec.text("expected_verdict"), with.report().getVerdict());
    assertTrue(Attestations.attach(record, owner, attestation, at(now)));
    assertFalse(Attestations.attach(record, owner, attestation, at(now)));
    ProvenanceReport provenance = Attestations.provenance(record, owner, section, trustList, at(now));
    boolean found = false;
    for (EntryProvenance e : provenance.getEntriesList()) {
      if (!e.getEntryId().equals(entryId)) continue;
      found = true;
      assertEquals(attestSpec.text("expected_verdict"), e.getProvenance());
    }
    assertTrue(found);
  }

  @Test
  @Order(13)
  @DisplayName("scenario:contribution")
  void contribution() {
    Json spec = s.at("contribution");
    String section = spec.text("section");
    String entryJson = spec.text("entry_json");
    String entryId = Json.parse(entryJson).text("id");
    byte[] contribution = Contributions.create(agency, ownerCard, recordId, section, entryJson, null, at(now));
    ContributionDescription description = Contributions.describe(owner, contribution, recordId, at(now));
    assertEquals(agencySpec.text("name"), description.getSender().getName());
    assertEquals(section, description.getSection());
    assertEquals(entryId, description.getEntryId());
    assertTrue(Contributions.accept(record, owner, contribution, at(now)));
    assertFalse(Contributions.accept(record, owner, contribution, at(now)));
    assertTrue(Attestations.sectionEntry(section, record.section(section), entryId).length > 0);
    expectError(Status.E_AUTH, () -> Contributions.describe(agency, contribution, recordId, at(now)));
  }

  @Test
  @Order(14)
  @DisplayName("scenario:errors")
  void errors() {
    for (String name : List.of("E_AUTH", "E_SCHEMA", "E_NOT_FOUND", "E_INVALID_ARGUMENT", "E_FORMAT", "E_NOT_SHARED",
        "E_EXPIRED", "E_ROLLBACK")) {
      KartlaException e = provoked.get(name);
      assertNotNull(e, "the scenario provoked " + name);
      assertEquals(name, e.status().name());
      assertFalse(e.libraryMessage().isEmpty(), name);
      assertTrue(e.getMessage().startsWith(name + ": "), e.getMessage());
    }
    // Closed handles: the binding's own typed error, never a crash; closing twice is fine.
    Identity closed = Identity.openFile(agencyPath, agencyPassphrase);
    closed.close();
    closed.close();
    assertTrue(closed.isClosed());
    KartlaException e = expectError(Status.E_INVALID_ARGUMENT, () -> Share.openFile(bundlePath, closed));
    assertTrue(e.libraryMessage().contains("closed"), e.getMessage());
    Share share = Share.openFile(bundlePath, agency);
    share.close();
    expectError(Status.E_INVALID_ARGUMENT, () -> share.section(shared.get(0), readAt));
    expectError(Status.E_INVALID_ARGUMENT, share::describe);
  }

  @Test
  @Order(15)
  @DisplayName("scenario:threads")
  void threads() throws InterruptedException {
    Json spec = s.at("threads");
    int count = (int) spec.number("count");
    long reads = spec.number("reads_each");
    AtomicLong good = new AtomicLong();
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      threads.add(new Thread(() -> {
        try (Identity mine = Identity.openFile(agencyPath, agencyPassphrase);
            Share share = Share.openFile(bundlePath, mine)) {
          for (long i = 0; i < reads; i++) {
            String name = shared.get((int) (i % shared.size()));
            boolean ok = Arrays.equals(content.get(name), share.section(name, readAt));
            try {
              share.section(notShared, readAt);
              ok = false;
            } catch (KartlaException refused) {
              // The message is read on this thread right after its call: it names this thread's section.
              ok = ok && refused.status() == Status.E_NOT_SHARED && refused.libraryMessage().contains(notShared);
            }
            if (ok) good.incrementAndGet();
          }
        } catch (Throwable x) {
          failures.add(x);
        }
      }));
    }
    for (Thread t : threads) t.start();
    for (Thread t : threads) t.join();
    assertEquals(List.of(), failures);
    assertEquals(count * reads, good.get());
  }
}
