package de.rathaus.api.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.application.transparency.LogKey;
import de.rathaus.application.transparency.LogKeySet;
import de.rathaus.domain.transparency.TransparencyLogId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The settings of the log's keys as an operator writes them, in environment variables (Spring's
 * relaxed binding), and the one sentence that stops the engine when they cannot be used.
 */
class LogKeySettingsTest {

  private static final String LOG = "rathaus.example/log";
  private static final TransparencyLogId LOG_ID = new TransparencyLogId(LOG);
  private static final String ROTATION = "2026-12-01T00:00:00Z";

  private final LogKey current = LogKey.generate();
  private final LogKey old = LogKey.generate();
  private final LogKey older = LogKey.generate();

  private static TransparencyProperties bind(Map<String, Object> variables) {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    environment
        .getPropertySources()
        .remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    environment
        .getPropertySources()
        .addFirst(
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
    ConfigurationPropertySources.attach(environment);
    return Binder.get(environment)
        .bindOrCreate("rathaus.transparency", TransparencyProperties.class);
  }

  private Map<String, Object> rotated() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("RATHAUS_TRANSPARENCY_SIGNINGKEYVALIDFROM", ROTATION);
    variables.put(
        "RATHAUS_TRANSPARENCY_RETIREDKEYS_0_PUBLICKEY", old.verifierKey(LOG).verifierKeyString());
    variables.put("RATHAUS_TRANSPARENCY_RETIREDKEYS_0_VALIDFROM", "2026-06-01T00:00:00Z");
    variables.put("RATHAUS_TRANSPARENCY_RETIREDKEYS_0_VALIDUNTIL", ROTATION);
    variables.put("RATHAUS_TRANSPARENCY_RETIREDKEYS_1_PUBLICKEY", older.verifierKey(LOG).pem());
    variables.put("RATHAUS_TRANSPARENCY_RETIREDKEYS_1_VALIDUNTIL", "2026-06-01T00:00:00Z");
    return variables;
  }

  private LogKeySet keys(Map<String, Object> variables) {
    return LogKeySettings.keySet(bind(variables), current, LOG_ID);
  }

  private String refusal(Map<String, Object> variables) {
    try {
      keys(variables);
    } catch (LogKeySettings.Invalid e) {
      return e.getMessage();
    }
    throw new AssertionError("the settings were accepted");
  }

  @Test
  void environmentVariablesGiveTheSigningKeysPeriodAndTheRetiredKeys() {
    LogKeySet keys = keys(rotated());

    assertThat(keys.periods()).hasSize(3);
    assertThat(keys.current().key()).isEqualTo(current.verifierKey(LOG));
    assertThat(keys.current().validFrom()).isEqualTo(Instant.parse(ROTATION));
    assertThat(keys.periods().get(1).key()).isEqualTo(old.verifierKey(LOG));
    assertThat(keys.periods().get(1).validUntil()).isEqualTo(Instant.parse(ROTATION));
    assertThat(keys.periods().get(2).key()).isEqualTo(older.verifierKey(LOG));
    assertThat(keys.periods().get(2).validFrom()).isNull();
  }

  @Test
  void withoutRotationTheSigningKeySignsForAllTime() {
    LogKeySet keys = keys(Map.of());

    assertThat(keys.periods())
        .containsExactly(LogKeySet.KeyPeriod.always(current.verifierKey(LOG)));
  }

  @Test
  void overlappingPeriodsStopTheEngine() {
    Map<String, Object> variables = rotated();
    variables.put("RATHAUS_TRANSPARENCY_RETIREDKEYS_1_VALIDUNTIL", "2026-07-01T00:00:00Z");

    assertThat(refusal(variables))
        .contains("retired-keys[0]", "retired-keys[1]", "overlap")
        .doesNotContain("\n");
  }

  @Test
  void aRetiredPeriodReachingIntoTheSigningKeysStopsTheEngine() {
    Map<String, Object> variables = rotated();
    variables.put("RATHAUS_TRANSPARENCY_RETIREDKEYS_0_VALIDUNTIL", "2026-12-02T00:00:00Z");

    assertThat(refusal(variables)).contains("signing-key-valid-from", "retired-keys[0]", "overlap");
  }

  @Test
  void retiredKeysWithoutTheSigningKeysValidFromStopTheEngine() {
    Map<String, Object> variables = rotated();
    variables.remove("RATHAUS_TRANSPARENCY_SIGNINGKEYVALIDFROM");

    assertThat(refusal(variables))
        .contains("rathaus.transparency.signing-key-valid-from is missing");
  }

  @Test
  void theSigningKeyListedAsRetiredStopsTheEngine() {
    Map<String, Object> variables = rotated();
    variables.put(
        "RATHAUS_TRANSPARENCY_RETIREDKEYS_0_PUBLICKEY",
        current.verifierKey(LOG).verifierKeyString());

    assertThat(refusal(variables)).contains("retired-keys[0].public-key is the signing key itself");
  }

  @Test
  void anUnparsableKeyStopsTheEngineWithoutRepeatingIt() {
    Map<String, Object> variables = rotated();
    variables.put("RATHAUS_TRANSPARENCY_RETIREDKEYS_1_PUBLICKEY", "not-a-key-XYZ");

    assertThat(refusal(variables))
        .contains("retired-keys[1].public-key is not an Ed25519 public key")
        .doesNotContain("XYZ");
  }

  @Test
  void aKeyOfAnotherLogStopsTheEngine() {
    Map<String, Object> variables = rotated();
    variables.put(
        "RATHAUS_TRANSPARENCY_RETIREDKEYS_0_PUBLICKEY",
        old.verifierKey("other.example/log").verifierKeyString());

    assertThat(refusal(variables)).contains("other.example/log");
  }

  @Test
  void aValidUntilBeforeItsValidFromStopsTheEngine() {
    Map<String, Object> variables = rotated();
    variables.put("RATHAUS_TRANSPARENCY_RETIREDKEYS_0_VALIDFROM", "2026-12-15T00:00:00Z");

    assertThat(refusal(variables)).contains("retired-keys[0].valid-until", "is not after");
  }

  @Test
  void aRetiredKeyWithoutValidUntilStopsTheEngine() {
    Map<String, Object> variables = rotated();
    variables.remove("RATHAUS_TRANSPARENCY_RETIREDKEYS_1_VALIDUNTIL");

    assertThat(refusal(variables)).contains("retired-keys[1].valid-until is missing");
  }

  @Test
  void theSameRetiredKeyTwiceStopsTheEngine() {
    Map<String, Object> variables = rotated();
    variables.put("RATHAUS_TRANSPARENCY_RETIREDKEYS_1_PUBLICKEY", old.verifierKey(LOG).pem());

    assertThat(refusal(variables))
        .contains("retired-keys[1].public-key is", "retired-keys[0] again");
  }

  @Test
  void theOperatorSeesTheSentenceNotAStackTrace() {
    LogKeySettings.Invalid invalid =
        new LogKeySettings.Invalid(
            refusal(Map.of("RATHAUS_TRANSPARENCY_RETIREDKEYS_0_PUBLICKEY", "x")));
    FailureAnalysis analysis =
        new KeySettingsFailureAnalyzer()
            .analyze(new BeanCreationException("transparencyLogKeys", "failed", invalid));

    assertThat(analysis).isNotNull();
    assertThat(analysis.getDescription()).isEqualTo(invalid.getMessage());
    assertThat(analysis.getAction()).contains("README");
  }
}
