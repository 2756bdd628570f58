// SPDX-License-Identifier: Apache-2.0
package se.kartla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kartla.internal.Lib;

/**
 * examples/java/AgencyReadsBundle.java (compiled with the tests, see the pom) runs as a program
 * of its own against a bundle made here, and bindings/java/README.md shows exactly its code.
 */
class ExampleTest {
  @TempDir Path dir;

  @Test
  @DisplayName("the README's example is examples/java/AgencyReadsBundle.java, and it runs")
  void exampleRuns() throws Exception {
    String out = runExample(dir, System.getProperty(Lib.PATH_PROPERTY));
    assertTrue(out.startsWith("purpose: Kartläggning\n"), out);
    assertTrue(out.contains(" reading "), out);

    // The README shows the example's body verbatim.
    String example = Files.readString(Repo.path("examples/java/AgencyReadsBundle.java"));
    String body = example.substring(example.indexOf("// example:begin\n") + "// example:begin\n".length(),
        example.indexOf("// example:end")); // its last line, blank, sets stripIndent's indentation
    String readme = Files.readString(Repo.path("bindings/java/README.md"));
    assertTrue(readme.replace(File.separator, "/").contains(body.stripIndent()),
        "bindings/java/README.md must show examples/java/AgencyReadsBundle.java's body");
  }

  /**
   * Makes an agency, a record shared with it and its bundle in {@code dir}, then runs the example
   * on them in a JVM of its own with this JVM's class path: with -Dkartla.library.path=FOLDER when
   * {@code libraryFolder} is not null, else with no library path at all (nor LD_LIBRARY_PATH).
   * Returns what it printed, after checking it exited 0.
   */
  static String runExample(Path dir, String libraryFolder) throws Exception {
    char[] pass = "byråns lösenfras".toCharArray();
    IdentityOptions cheap = IdentityOptions.defaults().withKdf(3, 64);
    Path agencyId = dir.resolve("agency.id");
    Path bundle = dir.resolve("bundle.kartla");
    Path ownerCard = dir.resolve("owner.card");
    try (Identity owner = Identity.create(pass, cheap).identity();
        Identity agency = Identity.createAgency(new AgencyInfo("Arbetsförmedlingen", "202100-2114",
            "employment_service"), pass, cheap).identity();
        Record record = Record.create(owner)) {
      agency.save(agencyId);
      Files.write(ownerCard, owner.card());
      record.setSectionJson("languages", Files.readString(Repo.path("examples/sections/languages.json")));
      String grant = record.share(agency.card(), List.of("languages"), ShareOptions.forPurpose("Kartläggning"));
      record.save(dir.resolve("record.kartla"));
      record.exportBundle(grant, bundle);
    }
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(javaBin, "-cp", System.getProperty("java.class.path")));
    if (libraryFolder != null) command.add("-D" + Lib.PATH_PROPERTY + "=" + libraryFolder);
    command.addAll(List.of("AgencyReadsBundle", agencyId.toString(), bundle.toString(), ownerCard.toString()));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    if (libraryFolder == null) pb.environment().remove("LD_LIBRARY_PATH");
    pb.environment().put("KARTLA_PASSPHRASE", new String(pass));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    return out;
  }
}
