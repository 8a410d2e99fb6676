package de.rathaus.application.servicerequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplicantNameIndexTest {

  private static final byte[] KEY = new byte[32];
  private static final byte[] OTHER_KEY = new byte[32];

  static {
    Arrays.fill(KEY, (byte) 7);
    Arrays.fill(OTHER_KEY, (byte) 9);
  }

  @Test
  void normalizesCaseAccentsSharpSAndHyphens() {
    assertThat(ApplicantNameIndex.normalizedTokens("  Jürgen GROß-Müller "))
        .containsExactly("jurgen", "gross", "muller");
    assertThat(ApplicantNameIndex.normalizedTokens("Zoë O'Brien–Ç"))
        .containsExactly("zoe", "obrien", "c");
    assertThat(ApplicantNameIndex.normalizedTokens(" - ")).isEmpty();
    assertThat(ApplicantNameIndex.normalizedTokens(null)).isEmpty();
  }

  @Test
  void equalTokensGiveEqualBlindTokensUnderOneKeyOnly() {
    ApplicantNameIndex index = new ApplicantNameIndex(KEY);
    assertThat(index.tokensOf("Jürgen Groß")).isEqualTo(index.tokensOf("JURGEN gross"));
    assertThat(index.tokensOf("Jürgen Groß")).doesNotContain("jurgen", "gross");
    assertThat(new ApplicantNameIndex(OTHER_KEY).tokensOf("Jürgen"))
        .doesNotContainAnyElementsOf(index.tokensOf("Jürgen"));
  }

  @Test
  void refusesAShortKey() {
    assertThatThrownBy(() -> new ApplicantNameIndex(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void failsClosedWithoutAConfiguredKeyOutsideDemoMode(@TempDir Path dir) {
    assertThatThrownBy(() -> ApplicantNameIndex.load(null, dir.resolve("search-key"), false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(ApplicantNameIndex.SETTING);
    assertThat(dir.resolve("search-key")).doesNotExist();
  }

  @Test
  void aConfiguredKeyThatIsNoKeyIsRefusedWithoutQuotingIt(@TempDir Path dir) {
    assertThatThrownBy(() -> ApplicantNameIndex.load("geheim!!", dir.resolve("k"), true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(ApplicantNameIndex.SETTING)
        .hasMessageNotContaining("geheim");
    String shortKey = Base64.getEncoder().encodeToString(new byte[8]);
    assertThatThrownBy(() -> ApplicantNameIndex.load(shortKey, dir.resolve("k"), true))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theConfiguredKeyIsUsed(@TempDir Path dir) {
    ApplicantNameIndex loaded =
        ApplicantNameIndex.load(Base64.getEncoder().encodeToString(KEY), dir.resolve("k"), false);
    assertThat(loaded.tokensOf("Anna")).isEqualTo(new ApplicantNameIndex(KEY).tokensOf("Anna"));
  }

  @Test
  void demoModeGeneratesItsKeyOnceAndKeepsIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("data").resolve("search-key");
    ApplicantNameIndex first = ApplicantNameIndex.load(null, file, true);
    assertThat(file).exists();
    ApplicantNameIndex again = ApplicantNameIndex.load(null, file, true);
    assertThat(again.tokensOf("Anna")).isEqualTo(first.tokensOf("Anna"));
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(
              java.nio.file.attribute.PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
  }
}
