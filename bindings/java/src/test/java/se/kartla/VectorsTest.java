// SPDX-License-Identifier: Apache-2.0
package se.kartla;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import se.kartla.experimental.AttestationCheck;
import se.kartla.experimental.Attestations;
import se.kartla.experimental.Contributions;
import se.kartla.experimental.EntryRef;
import se.kartla.experimental.Receipts;
import se.kartla.experimental.TrustLists;
import se.kartla.v1.AttestationReport;
import se.kartla.v1.ContributionDescription;
import se.kartla.v1.ListedAgency;
import se.kartla.v1.ReceiptDescription;
import se.kartla.v1.ShareDescription;
import se.kartla.v1.SharedSection;
import se.kartla.v1.TrustListDescription;
import se.kartla.v1.ValidationReport;
import se.kartla.v1.VerificationReport;
import se.kartla.v1.Violation;

/**
 * The reading vectors of tests/vectors through the Java binding: what tests/vectors/check_library.cpp
 * checks through the C ABI, for identity.json, record.json, negative.json, bundle.json,
 * bundle_negative.json, attest.json, attest_negative.json and receipt.json, and what
 * check_library_content.cpp checks for content.json. A negative vector must give exactly its status
 * class, as a {@link KartlaException} of that {@link Status}; a content vector exactly its
 * violations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VectorsTest {
  private static final String DIR = "tests/vectors/";

  private final Json identityVector = Json.repoFile(DIR + "identity.json");
  private final Json bundleVector = Json.repoFile(DIR + "bundle.json");
  private final Json attestVector = Json.repoFile(DIR + "attest.json");
  private Identity owner;
  private final Map<String, Identity> agencies = new HashMap<>();

  @AfterAll
  void closeIdentities() {
    if (owner != null) owner.close();
    agencies.values().forEach(Identity::close);
  }

  /** identity.json's owner (Argon2id at 64 MiB is the slow part: opened once). */
  private synchronized Identity owner() {
    if (owner == null) {
      owner = Identity.open(identityVector.bytes("identity_file"), identityVector.text("passphrase").toCharArray());
    }
    return owner;
  }

  /** bundle.json's agencies, each opened once from its identity file. */
  private synchronized Identity agency(String label) {
    return agencies.computeIfAbsent(label, l -> {
      Json a = bundleVector.labelled("agencies", l);
      return Identity.open(a.bytes("identity_file"), a.text("passphrase").toCharArray());
    });
  }

  /**
   * Opens a record file as identity.json's owner. The vectors hold two versions of one record and
   * many owner-signed variants; each is judged on its own, so an older copy or a fork is
   * accepted here rather than refused as a rollback (as check_library.cpp does).
   */
  private Record openOwned(byte[] file) {
    return Record.open(file, owner(), new RecordOpenOptions(true, 0));
  }

  /** "OK", or the status name of the KartlaException the call threw. */
  private static String outcome(Runnable call) {
    try {
      call.run();
      return "OK";
    } catch (KartlaException e) {
      assertFalse(e.libraryMessage().isEmpty(), "every library error has a message");
      return e.statusName();
    }
  }

  private static Instant at(long seconds) {
    return seconds == 0 ? null : Instant.ofEpochSecond(seconds);
  }

  /** The report's fields against the vector's report text (SPEC §8). */
  private static void checkReport(VerificationReport r, String expectedJson) {
    Json e = Json.parse(expectedJson);
    assertEquals(e.text("record_id"), r.getRecordId());
    assertEquals(e.text("owner_fingerprint"), r.getOwnerFingerprint());
    assertEquals(e.number("sequence"), r.getSequence());
    assertEquals(e.text("previous_manifest_hash"), r.getPreviousManifestHash());
    assertEquals(e.text("kind"), r.getKind());
    assertEquals(e.number("sections_listed"), r.getSectionsListed());
    assertEquals(e.number("sections_present"), r.getSectionsPresent());
    assertEquals(e.number("section_bytes"), r.getSectionBytes());
    assertEquals(e.number("grants_listed"), r.getGrantsListed());
    assertEquals(e.number("grants_present"), r.getGrantsPresent());
    assertEquals(e.number("file_bytes"), r.getFileBytes());
  }

  // ---- identity.json

  @Test
  @DisplayName("identity.json: the identity opens with its passphrase and shows its card and fingerprint")
  void identityOpens() {
    // Its own copy: the shared owner() remembers the versions of the records other tests open,
    // which its file then carries.
    try (Identity id = Identity.open(identityVector.bytes("identity_file"),
        identityVector.text("passphrase").toCharArray())) {
      assertArrayEquals(identityVector.bytes("card_file"), id.card());
      assertEquals(identityVector.text("fingerprint"), id.fingerprint());
      assertArrayEquals(identityVector.bytes("identity_file"), id.fileBytes()); // not a byte changed
    }
    assertEquals(identityVector.text("fingerprint"), Kartla.cardFingerprint(identityVector.bytes("card_file")));
  }

  @TestFactory
  @DisplayName("identity.json: every listed spelling of the recovery code unlocks the same identity")
  List<DynamicTest> recoveryCodeVariants() {
    List<DynamicTest> tests = new ArrayList<>();
    byte[] file = identityVector.bytes("identity_file");
    for (Json variant : identityVector.list("recovery_code_variants")) {
      tests.add(dynamicTest(variant.text("comment"), () -> {
        String[] result = {"OK"};
        byte[][] card = {null};
        result[0] = outcome(() -> {
          try (Identity recovered = Identity.recover(file, variant.text("code").toCharArray())) {
            card[0] = recovered.card();
          }
        });
        assertEquals(variant.text("result"), result[0]);
        assertArrayEquals(identityVector.bytes("card_file"), card[0]);
      }));
    }
    return tests;
  }

  // ---- record.json

  @Test
  @DisplayName("record.json: each version verifies without a key and reports what the vector says")
  void recordVerifies() {
    Json doc = Json.repoFile(DIR + "record.json");
    for (Json version : doc.list("versions")) {
      try (Verification v = Verification.open(version.bytes("file"))) {
        assertEquals(version.number("sequence"), v.sequence());
        assertEquals(version.text("record_id"), v.recordId());
        assertEquals(doc.at("owner").text("fingerprint"), v.ownerFingerprint());
        assertEquals(version.text("previous_manifest_hash"), v.previousHash());
        checkReport(v.report(), version.text("verification_json"));
        for (Json check : version.list("last_seen_checks")) {
          assertEquals(check.text("result"), outcome(() -> v.checkLastSeen(check.number("last_seen"))),
              "last seen " + check.number("last_seen"));
        }
      }
    }
  }

  @Test
  @DisplayName("record.json: the owner reads back exactly the plaintext of every section")
  void recordReads() {
    Json doc = Json.repoFile(DIR + "record.json");
    for (Json version : doc.list("versions")) {
      try (Record record = openOwned(version.bytes("file"))) {
        assertEquals(version.text("record_id"), record.id());
        assertEquals(version.number("sequence"), record.sequence());
        int held = 0;
        for (String name : Kartla.sectionNames()) held += record.hasSection(name) ? 1 : 0;
        assertEquals(version.list("sections").size(), held);
        for (Json section : version.list("sections")) {
          String name = section.text("name");
          assertArrayEquals(section.bytes("content"), record.section(name), name);
          assertEquals(section.number("ciphertext_length") - 40, record.sectionSize(name), name); // SPEC 5.4
        }
      }
    }
  }

  // ---- negative.json and bundle_negative.json

  private String runCheck(byte[] input, Json check) {
    String op = check.text("operation");
    switch (op) {
      case "verify":
        return outcome(() -> Verification.open(input).close());
      case "open_record":
        return outcome(() -> openOwned(input).close());
      case "read_section": {
        Record record;
        try {
          record = openOwned(input);
        } catch (KartlaException e) {
          fail("the record must open before its section is read: " + e.getMessage());
          return e.statusName();
        }
        try (record) {
          return outcome(() -> record.section(check.text("section")));
        }
      }
      case "open_identity":
        return outcome(() -> Identity.open(input, check.text("passphrase").toCharArray()).close());
      case "recover_identity":
        return outcome(() -> Identity.recover(input, check.text("recovery_code").toCharArray()).close());
      case "open_share":
        return outcome(() -> Share.open(input, agency(check.text("agency"))).close());
      case "read_share_section": {
        Share share;
        try {
          share = Share.open(input, agency(check.text("agency")));
        } catch (KartlaException e) {
          fail("the share must open before its section is read: " + e.getMessage());
          return e.statusName();
        }
        try (share) {
          return outcome(() -> share.section(check.text("section"), at(check.number("at"))));
        }
      }
      case "card_fingerprint":
        return outcome(() -> Kartla.cardFingerprint(input));
      default:
        fail("unknown operation " + op);
        return null;
    }
  }

  private List<DynamicTest> negativeFile(String name) {
    Json doc = Json.repoFile(DIR + name);
    List<DynamicTest> tests = new ArrayList<>();
    for (Json vector : doc.list("vectors")) {
      String title = "tc_id " + vector.number("tc_id") + " " + vector.text("name");
      tests.add(dynamicTest(title, () -> {
        byte[] input = vector.bytes("input");
        for (Json check : vector.list("checks")) {
          String what = check.text("operation") + (check.has("section") ? " " + check.text("section") : "");
          assertEquals(check.text("result"), runCheck(input, check), () -> title + ": " + what + " ("
              + vector.text("comment") + ")");
        }
      }));
    }
    assertFalse(tests.isEmpty());
    return tests;
  }

  @TestFactory
  @DisplayName("negative.json: every check gives exactly the status the vector names")
  List<DynamicTest> negative() {
    return negativeFile("negative.json");
  }

  @TestFactory
  @DisplayName("bundle_negative.json: every check gives exactly the status the vector names")
  List<DynamicTest> bundleNegative() {
    return negativeFile("bundle_negative.json");
  }

  // ---- bundle.json

  @Test
  @DisplayName("bundle.json: the agencies' identities open and show their cards and fingerprints")
  void bundleAgencies() {
    for (Json a : bundleVector.list("agencies")) {
      Identity id = agency(a.text("label"));
      assertArrayEquals(a.bytes("card_file"), id.card());
      assertEquals(a.text("fingerprint"), id.fingerprint());
    }
  }

  @Test
  @DisplayName("bundle.json: the record, the bundle, the revoked and the expired record verify with their reports")
  void bundleVerifies() {
    for (String input : List.of("record", "bundle", "revoked", "expired")) {
      Json v = bundleVector.at(input);
      try (Verification verification = Verification.open(v.bytes("file"))) {
        checkReport(verification.report(), v.text("verification_json"));
        assertEquals(v.number("sequence"), verification.sequence(), input);
      }
    }
  }

  @Test
  @DisplayName("bundle.json: each agency sees its grants' purpose and GDPR bases as the grant vectors give them")
  void bundleDescriptions() {
    byte[] file = bundleVector.at("record").bytes("file");
    for (Json g : bundleVector.at("record").list("grants")) {
      try (Share share = Share.open(file, agency(g.text("recipient")))) {
        ShareDescription parsed = share.describe();
        Json terms = g.at("terms_fields");
        List<Json> sections = terms.list("sections");
        assertEquals(sections.size(), parsed.getGrantsCount());
        for (int i = 0; i < sections.size(); i++) {
          SharedSection d = parsed.getGrants(i);
          assertEquals(sections.get(i).text("name"), d.getSection());
          assertEquals(terms.text("purpose"), d.getPurpose());
          assertEquals(terms.text("gdpr_art6_basis"), d.getGdprArt6Basis());
          assertEquals(terms.text("gdpr_art9_basis"), d.getGdprArt9Basis());
          assertEquals(terms.number("granted_at"), d.getGrantedAt());
          assertEquals(terms.number("expires_at"), d.getExpiresAt());
          assertTrue(d.getPresent());
          assertTrue(d.getCurrent());
        }
      }
    }
  }

  @Test
  @DisplayName("bundle.json: the bundle is pinned to identity.json's owner")
  void bundlePinned() {
    try (Share share = Share.open(bundleVector.at("bundle").bytes("file"), agency("agency_a"))) {
      share.checkOwner(owner().card());
      assertEquals("E_INVALID_ARGUMENT", outcome(() -> share.checkOwner(agency("agency_b").card())));
    }
  }

  @TestFactory
  @DisplayName("bundle.json: every listed read gives its result and plaintext")
  List<DynamicTest> bundleReads() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Json r : bundleVector.list("reads")) {
      String title = r.text("input") + ": " + r.text("agency") + " reads " + r.text("section") + " at "
          + r.number("at") + " (" + r.text("comment") + ")";
      tests.add(dynamicTest(title, () -> {
        try (Share share = Share.open(bundleVector.at(r.text("input")).bytes("file"), agency(r.text("agency")))) {
          byte[][] plaintext = {null};
          assertEquals(r.text("result"),
              outcome(() -> plaintext[0] = share.section(r.text("section"), at(r.number("at")))));
          if (r.text("result").equals("OK")) assertArrayEquals(r.bytes("content"), plaintext[0]);
        }
      }));
    }
    return tests;
  }

  // ---- attest.json and attest_negative.json

  /** verify_attestation: the status, and verdict and finding when a report is made. */
  private void checkAttestation(byte[] file, Json check, Json doc) {
    byte[] card = attestVector.labelled("owners", check.text("owner")).bytes("card_file");
    String entryId = check.text("entry_id");
    EntryRef ref = new EntryRef(card, check.text("record_id"), check.text("section"), entryId, check.bytes("entry"));
    String listLabel = check.text("trust_list");
    byte[] list = listLabel.isEmpty() ? null
        : listLabel.equals("input_list") ? doc.bytes("foreign_trust_list")
        : attestVector.labelled("trust_lists", listLabel).bytes("file");
    String comment = check.text("comment");
    AttestationCheck[] result = {null};
    String status = outcome(() -> result[0] = Attestations.verify(file, ref, list, at(check.number("now"))));
    if (result[0] != null) status = result[0].status().name();
    assertEquals(check.text("result"), status, comment);
    if (check.text("verdict").isEmpty()) {
      assertEquals(null, result[0], comment + ": no report");
      return;
    }
    assertNotNull(result[0], comment);
    AttestationReport report = result[0].report();
    assertEquals(check.text("verdict"), report.getVerdict(), comment);
    assertEquals(check.text("finding"), report.getFinding(), comment);
    if (!check.text("verdict").equals("invalid")) assertEquals(entryId, report.getEntryId(), comment);
  }

  private String verifyList(byte[] file, Json check) {
    String expected = check.text("expected_root");
    byte[] root = expected.isEmpty() ? null : attestVector.labelled("roots", expected).bytes("card_file");
    return outcome(() -> TrustLists.verify(file, root, check.number("last_seen"), at(check.number("now"))));
  }

  private String describeContribution(byte[] file, Json check, ContributionDescription[] out) {
    String recordId = check.text("record_id");
    return outcome(() -> out[0] = Contributions.describe(owner(), file, recordId.isEmpty() ? null : recordId,
        at(check.number("now"))));
  }

  @Test
  @DisplayName("attest.json: the attestation gives the listed verdict at each time, with and without the trust list")
  void attestationChecks() {
    byte[] file = attestVector.at("attestation").bytes("file");
    for (Json check : attestVector.list("attestation_checks")) checkAttestation(file, check, attestVector);
  }

  @Test
  @DisplayName("attest.json: the trust lists verify as listed and name the agency with its validity")
  void trustListChecks() {
    for (Json check : attestVector.list("trust_list_checks")) {
      byte[] file = attestVector.labelled("trust_lists", check.text("input")).bytes("file");
      assertEquals(check.text("result"), verifyList(file, check), check.text("comment"));
    }
    byte[] file = attestVector.labelled("trust_lists", "current").bytes("file");
    long now = attestVector.list("trust_list_checks").get(0).number("now");
    TrustListDescription parsed = TrustLists.verify(file, null, 0, at(now));
    assertTrue(parsed.getAgenciesCount() > 0);
    ListedAgency listed = parsed.getAgencies(0);
    Json fields = attestVector.labelled("trust_lists", "current").at("fields").list("agencies").get(0);
    assertEquals(attestVector.at("agency").text("fingerprint"), listed.getFingerprint());
    assertEquals(fields.number("valid_from"), listed.getValidFrom());
    assertEquals(fields.number("valid_until"), listed.getValidUntil());
    assertEquals(attestVector.labelled("roots", "root").text("fingerprint"), parsed.getRoot().getFingerprint());
  }

  @Test
  @DisplayName("attest.json: the owner opens the contribution, sees its sender and accepts it into the record")
  void contributionChecks() {
    Json c = attestVector.at("contribution");
    byte[] file = c.bytes("file");
    for (Json check : attestVector.list("contribution_checks")) {
      String comment = check.text("comment");
      if (check.text("operation").equals("describe_contribution")) {
        ContributionDescription[] d = {null};
        assertEquals(check.text("result"), describeContribution(file, check, d), comment);
        if (d[0] == null) continue;
        assertEquals(c.text("entry_id"), d[0].getEntryId());
        assertEquals(attestVector.at("record").text("record_id"), d[0].getRecordId());
        assertEquals(attestVector.at("agency").text("fingerprint"), d[0].getSender().getFingerprint());
        continue;
      }
      assertEquals("accept_contribution", check.text("operation"));
      try (Record record = openOwned(attestVector.at("record").bytes("file"))) {
        boolean[] added = {false};
        assertEquals(check.text("result"),
            outcome(() -> added[0] = Contributions.accept(record, owner(), file, at(check.number("now")))), comment);
        assertEquals(check.number("added"), added[0] ? 1 : 0, comment);
        byte[] entry = Attestations.sectionEntry("competences", record.section("competences"), c.text("entry_id"));
        assertArrayEquals(c.at("fields").bytes("entry"), entry);
        assertFalse(Contributions.accept(record, owner(), file, at(check.number("now")))); // twice: no change
      }
    }
  }

  @Test
  @DisplayName("attest.json: each listed entry is the exact bytes inside the section content")
  void sectionEntries() {
    Json record = attestVector.at("record");
    byte[] content = record.bytes("content");
    for (Json e : record.list("entries")) {
      assertArrayEquals(e.bytes("entry"), Attestations.sectionEntry("competences", content, e.text("entry_id")));
    }
  }

  @TestFactory
  @DisplayName("attest_negative.json: every check gives exactly the status, verdict and finding the vector names")
  List<DynamicTest> attestNegative() {
    Json doc = Json.repoFile(DIR + "attest_negative.json");
    List<DynamicTest> tests = new ArrayList<>();
    for (Json v : doc.list("vectors")) {
      tests.add(dynamicTest(v.text("name"), () -> {
        byte[] input = v.bytes("input");
        for (Json check : v.list("checks")) {
          String comment = v.text("name") + " / " + check.text("comment");
          String op = check.text("operation");
          switch (op) {
            case "verify_attestation":
              checkAttestation(input, check, doc);
              break;
            case "verify_trust_list":
              assertEquals(check.text("result"), verifyList(input, check), comment);
              break;
            case "describe_contribution":
              assertEquals(check.text("result"), describeContribution(input, check,
                  new ContributionDescription[1]), comment);
              break;
            case "accept_contribution": {
              // Into attest.json's record, opened as its owner; a refused contribution leaves the
              // section as it was (SPEC §13.5).
              try (Record record = openOwned(attestVector.at("record").bytes("file"))) {
                boolean[] added = {false};
                String result = outcome(() -> added[0] = Contributions.accept(record, owner(), input,
                    at(check.number("now"))));
                assertEquals(check.text("result"), result, comment);
                assertEquals(check.number("added"), added[0] ? 1 : 0, comment);
                if (!result.equals("OK")) {
                  assertArrayEquals(attestVector.at("record").bytes("content"), record.section("competences"));
                }
              }
              break;
            }
            case "verify_record":
              assertEquals(check.text("result"), outcome(() -> Verification.open(input).close()), comment);
              break;
            default:
              fail("unknown operation " + op);
          }
        }
      }));
    }
    return tests;
  }

  // ---- receipt.json

  @Test
  @DisplayName("receipt.json: each receipt verifies pinned and describes the fields the vector gives")
  void receipts() {
    Json doc = Json.repoFile(DIR + "receipt.json");
    byte[] ownerCard = doc.at("owner").bytes("card_file");
    for (Json r : doc.list("receipts")) {
      String name = r.text("name");
      byte[] agencyCard = doc.at("agency_cards").bytes(r.text("agency"));
      ReceiptDescription d = Receipts.describe(r.bytes("file"), ownerCard, agencyCard);
      Json f = r.at("fields");
      assertEquals(f.number("kind") == 1 ? "grant" : "termination", d.getKind(), name);
      assertEquals(f.text("record_id"), d.getRecordId(), name);
      assertEquals(f.text("grant_id"), d.getGrantId(), name);
      assertEquals(r.text("owner_fingerprint"), d.getOwnerFingerprint(), name);
      assertEquals(r.text("agency_fingerprint"), d.getAgencyFingerprint(), name);
      assertEquals(f.text("agency_name"), d.getAgencyName(), name);
      assertEquals(f.strings("sections"), d.getSectionsList(), name);
      assertEquals(f.text("purpose"), d.getPurpose(), name);
      assertEquals(f.text("gdpr_art6_basis"), d.getGdprArt6Basis(), name);
      assertEquals(f.text("gdpr_art9_basis"), d.getGdprArt9Basis(), name);
      assertEquals(f.number("granted_at"), d.getGrantedAt(), name);
      assertEquals(f.number("expires_at"), d.getExpiresAt(), name);
      assertEquals(f.number("ended_at"), d.getEndedAt(), name);
      long reason = f.number("end_reason");
      assertEquals(reason == 1 ? "revoked" : reason == 2 ? "expired" : "", d.getEndReason(), name);
      assertEquals(f.number("sequence"), d.getSequence(), name);
      assertEquals(f.text("manifest_hash"), d.getManifestHash(), name);
    }
  }

  @TestFactory
  @DisplayName("receipt.json: every negative receipt gives its status")
  List<DynamicTest> receiptNegatives() {
    Json doc = Json.repoFile(DIR + "receipt.json");
    List<DynamicTest> tests = new ArrayList<>();
    for (Json v : doc.list("negative")) {
      tests.add(dynamicTest(v.text("name"), () -> {
        byte[] owner = v.bytes("owner_card");
        byte[] agency = v.bytes("agency_card");
        ReceiptDescription[] d = {null};
        String result = outcome(() -> d[0] = Receipts.describe(v.bytes("input"), owner.length == 0 ? null : owner,
            agency.length == 0 ? null : agency));
        assertEquals(v.text("result"), result, v.text("comment"));
        assertEquals(result.equals("OK"), d[0] != null);
      }));
    }
    return tests;
  }

  // ---- content.json

  /** Violations as content.json names them: "field path: rule id", in order. */
  private static List<String> violations(List<Json> expected) {
    List<String> out = new ArrayList<>();
    for (Json e : expected) out.add(e.text("field") + ": " + e.text("rule"));
    return out;
  }

  private static List<String> violationsOf(ValidationReport report) {
    List<String> out = new ArrayList<>();
    for (Violation v : report.getViolationsList()) out.add(v.getField() + ": " + v.getRule());
    return out;
  }

  @TestFactory
  @DisplayName("content.json: every vector's content gives exactly its violations through validateSection")
  DynamicContainer content() {
    List<Json> vectors = Json.repoFile(DIR + "content.json").list("vectors");
    assertFalse(vectors.isEmpty(), "content.json holds no vectors");
    List<DynamicTest> tests = new ArrayList<>();
    for (Json v : vectors) {
      String title = "tc_id " + v.number("tc_id") + " " + v.text("name");
      tests.add(dynamicTest(title, () -> {
        String where = title + " (" + v.text("comment") + ")";
        String section = v.text("section");
        boolean valid = v.flag("valid");
        List<String> expected = violations(v.list("violations"));
        assertEquals(valid, expected.isEmpty(), where + ": the vector's valid must mean no violations");
        ValidationReport report = Kartla.validateSection(section, v.bytes("content"));
        assertEquals(section, report.getSection(), where);
        assertEquals(valid, report.getValid(), where);
        assertEquals(expected, violationsOf(report), where);
      }));
    }
    // The count is in the container's name, so the test report says how many vectors ran.
    return dynamicContainer("content.json: " + tests.size() + " vectors", tests);
  }
}
