// SPDX-License-Identifier: Apache-2.0
// An agency case system opens a participant's share bundle and reads one section, typed.
// Usage: java [-Dkartla.library.path=DIR] AgencyReadsBundle AGENCY_ID BUNDLE OWNER_CARD
// (the agency identity's passphrase in KARTLA_PASSPHRASE). bindings/java/README.md shows it;
// bindings/java's ExampleTest compiles and runs it.
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import se.kartla.Identity;
import se.kartla.KartlaException;
import se.kartla.Section;
import se.kartla.Share;
import se.kartla.v1.LanguageEntry;
import se.kartla.v1.Languages;

public final class AgencyReadsBundle {
  public static void main(String[] args) throws Exception {
    // example:begin
    char[] passphrase = System.getenv("KARTLA_PASSPHRASE").toCharArray();
    try (Identity agency = Identity.openFile(Path.of(args[0]), passphrase);
        Share share = Share.openFile(Path.of(args[1]), agency)) {   // signature and grant checked
      share.checkOwner(Files.readAllBytes(Path.of(args[2])));        // the person we expect?
      System.out.println("purpose: " + share.describe().getGrants(0).getPurpose());
      Languages languages = share.section(Section.LANGUAGES, null); // grant's expiry checked now
      for (LanguageEntry e : languages.getEntriesList()) {
        System.out.println(e.getLanguage().getCode() + " reading " + e.getReading().getCode());
      }
    } catch (KartlaException e) {                                    // E_NOT_SHARED, E_EXPIRED, ...
      System.err.println("kartla: " + e.statusName() + ": " + e.libraryMessage());
      System.exit(1);
    } finally {
      Arrays.fill(passphrase, '\0');
    }
    // example:end
  }
}
