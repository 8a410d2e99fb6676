package de.rathaus.application.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogKeyTest {

  private static final byte[] MESSAGE = "tree head".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  @Test
  void aKeyReadFromItsPemSignsForTheSamePublicKey() {
    LogKey key = LogKey.generate();

    LogKey again = LogKey.fromPem(key.pem());

    assertThat(key.verifierKey("log").verify(MESSAGE, again.sign(MESSAGE))).isTrue();
  }

  @Test
  void derivesThePublicKeyOfTheSumdbExampleFromItsPrivateKey() {
    LogKey key = LogKey.fromPem(SumdbVector.pkcs8Pem());

    assertThat(key.verifierKey(SumdbVector.NAME).verifierKeyString())
        .isEqualTo(SumdbVector.VERIFIER_KEY);
  }

  @Test
  void refusesAPemThatIsNoPrivateKey() {
    String publicPem = LogKey.generate().verifierKey("log").pem();

    assertThatThrownBy(() -> LogKey.fromPem(publicPem))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writesTheKeyFileForItsOwnerOnly() throws Exception {
    Path file = dir.resolve("keys/log-key.pem");
    assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"));

    LogKey.generate().writeTo(file);

    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
  }

  @Test
  void neverOverwritesAKeyFile() {
    Path file = dir.resolve("log-key.pem");
    LogKey.generate().writeTo(file);

    assertThatThrownBy(() -> LogKey.generate().writeTo(file))
        .isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void demoModeGeneratesTheKeyOnTheFirstStartAndReadsItOnTheNext() {
    Path file = dir.resolve("log-key.pem");

    LogKey first = LogKey.load(null, file, true);
    LogKey second = LogKey.load("", file, true);

    assertThat(Files.exists(file)).isTrue();
    assertThat(first.verifierKey("log").verify(MESSAGE, second.sign(MESSAGE))).isTrue();
  }

  @Test
  void theConfiguredKeyWinsOverTheDemoFile() {
    Path file = dir.resolve("log-key.pem");
    LogKey.load(null, file, true);

    LogKey key = LogKey.load(SumdbVector.pkcs8Pem(), file, true);

    assertThat(key.verifierKey(SumdbVector.NAME).verifierKeyString())
        .isEqualTo(SumdbVector.VERIFIER_KEY);
  }

  @Test
  void failsClosedWithoutAConfiguredKeyOutsideDemoMode() {
    Path file = dir.resolve("log-key.pem");

    assertThatThrownBy(() -> LogKey.load(null, file, false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(LogKey.SETTING);
    assertThat(Files.exists(file)).isFalse();
  }

  @Test
  void anInvalidConfiguredKeyIsNamedBySettingNeverByItsText() {
    String broken = "-----BEGIN PRIVATE KEY-----\nc2VjcmV0IHRleHQ=\n-----END PRIVATE KEY-----\n";

    assertThatThrownBy(() -> LogKey.load(broken, dir.resolve("log-key.pem"), true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(LogKey.SETTING)
        .hasMessageNotContaining("c2VjcmV0IHRleHQ=");
  }

  @Test
  void neverShowsTheKeyInItsText() {
    LogKey key = LogKey.fromPem(SumdbVector.pkcs8Pem());

    assertThat(key.toString()).doesNotContain("MC4CAQ").isEqualTo("LogKey[Ed25519]");
  }
}
