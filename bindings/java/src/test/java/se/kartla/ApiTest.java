// SPDX-License-Identifier: Apache-2.0
package se.kartla;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kartla.experimental.Attestations;
import se.kartla.experimental.Receipts;
import se.kartla.experimental.TrustDraft;
import se.kartla.experimental.TrustLists;
import se.kartla.experimental.ViewOptions;
import se.kartla.experimental.Views;
import se.kartla.v1.ReceiptDescription;
import se.kartla.v1.ValidationReport;

/** The parts of the API the shared scenario does not reach: tables, validation, views, receipts, drafts. */
class ApiTest {
  private static final IdentityOptions CHEAP = IdentityOptions.defaults().withKdf(3, 64);
  private static final char[] PASS = "api-provets lösenfras".toCharArray();
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path dir;

  @Test
  @DisplayName("versions, the section table (one class per library section), roles and special categories")
  void tables() {
    assertEquals(Kartla.versionNumber(), 100 * 100 * Integer.parseInt(Kartla.version().split("\\.")[0])
        + 100 * Integer.parseInt(Kartla.version().split("\\.")[1]) + Integer.parseInt(Kartla.version().split("\\.")[2]));
    assertEquals(1, Kartla.formatVersion());
    List<String> names = new ArrayList<>();
    for (Section<?> s : Section.all()) names.add(s.name());
    assertEquals(Kartla.sectionNames(), names, "Section has exactly the library's sections, in its order");
    assertTrue(Kartla.agencyRoles().contains("validation_provider"));
    assertTrue(Kartla.isSpecialCategory("work_ability"));
    assertFalse(Kartla.isSpecialCategory("languages"));
    assertEquals(Status.E_INVALID_ARGUMENT,
        assertThrows(KartlaException.class, () -> Kartla.isSpecialCategory("nope")).status());
  }

  @Test
  @DisplayName("kartla.library.path selects that folder's library over the one on the class path")
  void libraryPathWins() {
    // target/classes carries the packaged library as linux-x86-64/libkartla.so; the pom points
    // kartla.library.path at the build tree's, and that one must be the one loaded.
    String folder = System.getProperty("kartla.library.path");
    assertTrue(folder != null && !folder.isEmpty(), "the pom sets kartla.library.path for these tests");
    assertTrue(getClass().getClassLoader().getResource("linux-x86-64/libkartla.so") != null,
        "the class path carries the packaged library");
    assertEquals(Path.of(folder, "libkartla.so").toAbsolutePath().toString(), Kartla.libraryLocation());
  }

  @Test
  @DisplayName("validation returns every violation as a typed report; E_SCHEMA is a verdict, not a failure")
  void validation() throws IOException {
    String good = Files.readString(Repo.path("examples/sections/languages.json"));
    assertEquals(0, Kartla.validateSectionJson("languages", good).getViolationsCount());
    ValidationReport bad = Kartla.validateSectionJson("profile", "{\"no_such_field\": 1}");
    assertEquals(1, bad.getViolationsCount());
    assertEquals("schema-parse", bad.getViolations(0).getRule());
    assertTrue(Kartla.validateSection("languages", new byte[] {(byte) 0xff}).getViolationsCount() > 0);
    assertEquals(Status.E_INVALID_ARGUMENT,
        assertThrows(KartlaException.class, () -> Kartla.validateSection("nope", new byte[0])).status());
  }

  @Test
  @DisplayName("experimental: views for owner and agency, receipts, a trust draft's next version")
  void experimental() throws IOException {
    try (Identity owner = Identity.create(PASS, CHEAP).identity();
        Identity agency = Identity.createAgency(new AgencyInfo("Landskrona stad", "212000-1140", "municipal_labour_unit"),
            PASS, CHEAP).identity();
        Record record = Record.create(owner)) {
      record.setClock(NOW);
      for (String name : List.of("action_plan", "progress", "profile")) {
        record.setSectionJson(name, Files.readString(Repo.path("examples/sections/" + name + ".json")));
      }
      ViewOptions sv = new ViewOptions(false, "sv");
      assertTrue(Views.plan(record, sv).getGoalsCount() > 0);
      assertTrue(Views.planText(record, null).length() > 0);
      assertTrue(Views.progress(record, null).getIndicatorsCount() > 0);
      assertTrue(Views.progressText(record, sv).length() > 0);
      assertTrue(Views.progressSvg(record, null).startsWith("<"));
      assertTrue(Views.showText(record, "profile", null).length() > 0);
      assertTrue(Views.showText(record, null, sv).length() > 0);

      String grant = record.share(agency.card(), List.of("action_plan", "progress", "profile"),
          ShareOptions.forPurpose("Uppföljning").expiresThrough(LocalDate.of(2026, 6, 30)).gdprArt6Basis("6.1.e"));
      Path recordPath = dir.resolve("record.kartla");
      record.save(recordPath);
      byte[] receipt = Receipts.of(record, grant);
      ReceiptDescription d = Receipts.describe(receipt, owner.card(), agency.card());
      assertEquals("grant", d.getKind());
      assertEquals(grant, d.getGrantId());
      // An owner's card where the agency's is expected: the wrong kind of card.
      assertEquals(Status.E_INVALID_ARGUMENT, assertThrows(KartlaException.class,
          () -> Receipts.describe(receipt, owner.card(), owner.card())).status());

      try (Share share = Share.openFile(recordPath, agency)) {
        Instant at = NOW.plusSeconds(3600);
        assertEquals(Views.plan(record, null), Views.plan(share, at, null));
        assertTrue(Views.progress(share, at, null).getIndicatorsCount() > 0);
        assertTrue(Views.planText(share, at, sv).length() > 0);
        assertTrue(Views.progressText(share, at, null).length() > 0);
        assertTrue(Views.progressSvg(share, at, null).startsWith("<"));
        assertTrue(Views.showText(share, null, at, null).length() > 0);
        assertTrue(Attestations.provenance(share, "profile", null, at).getEntriesCount() >= 0);
        assertEquals(Status.E_EXPIRED, assertThrows(KartlaException.class,
            () -> Views.plan(share, Instant.parse("2026-08-01T00:00:00Z"), null)).status());
      }

      try (Identity root = TrustLists.createRoot("Rot", PASS, CHEAP).identity();
          TrustDraft draft = TrustDraft.create(1)) {
        draft.add(agency.card(), "municipal_labour_unit", NOW, null);
        byte[] list = TrustLists.sign(root, draft, NOW, NOW.plusSeconds(86400 * 30));
        try (TrustDraft next = TrustDraft.next(list)) {
          assertEquals(2, next.sequence());
          assertTrue(next.remove(agency.card()));
          assertFalse(next.remove(agency.card()));
          byte[] second = TrustLists.sign(root, next, NOW.plusSeconds(60), NOW.plusSeconds(86400 * 30));
          assertEquals(0, TrustLists.verify(second, root.card(), 2, NOW.plusSeconds(120)).getAgenciesCount());
          assertEquals(Status.E_ROLLBACK, assertThrows(KartlaException.class,
              () -> TrustLists.verify(list, root.card(), 2, NOW.plusSeconds(120))).status());
        }
      }
    }
  }

  @Test
  @DisplayName("identity: passphrase change, save-new refusing an existing file, state folder, recovery code as chars")
  void identity() throws IOException {
    NewIdentity created = Identity.create(PASS, CHEAP);
    char[] code = created.recoveryCode().clone();
    created.wipeRecoveryCode();
    assertTrue(new String(created.recoveryCode()).chars().allMatch(c -> c == 0));
    try (Identity id = created.identity()) {
      Path file = dir.resolve("id");
      id.saveNew(file);
      assertEquals(Status.E_INVALID_ARGUMENT, assertThrows(KartlaException.class, () -> id.saveNew(file)).status());
      char[] other = "en annan lösenfras".toCharArray();
      id.setPassphrase(other);
      id.save(file);
      assertEquals(Status.E_AUTH, assertThrows(KartlaException.class, () -> Identity.openFile(file, PASS)).status());
      try (Identity again = Identity.openFile(file, other); Identity recovered = Identity.recoverFile(file, code)) {
        assertEquals(id.fingerprint(), again.fingerprint());
        assertArrayEquals(id.card(), recovered.card());
      }
      Path state = Files.createDirectory(dir.resolve("state"));
      id.useStateFolder(state);
      try (Record r = Record.create(id)) {
        r.setSectionJson("profile", Files.readString(Repo.path("examples/sections/profile.json")));
        r.save(dir.resolve("r.kartla"));
      }
      assertEquals(1, Files.list(state).count());
    }
  }
}
