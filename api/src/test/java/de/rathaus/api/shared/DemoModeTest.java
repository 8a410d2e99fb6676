package de.rathaus.api.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The rules of {@link DemoMode}, one combination of profile, MongoDB URI and RATHAUS_DEMO each. */
class DemoModeTest {

  private static final String URI = "mongodb://127.0.0.1:27017/rathaus";

  private static MockEnvironment environment(boolean production, String uri, String demo) {
    MockEnvironment environment = new MockEnvironment();
    if (production) {
      environment.setActiveProfiles("production");
    }
    if (uri != null) {
      environment.setProperty("rathaus.mongodb.uri", uri);
    }
    if (demo != null) {
      environment.setProperty("rathaus.demo", demo);
    }
    return environment;
  }

  @Test
  void theEmbeddedStoreRunsInDemoModeByDefault() {
    assertThat(DemoMode.of(environment(false, null, null))).isEqualTo(DemoMode.ON);
    assertThat(DemoMode.of(environment(false, "", null))).isEqualTo(DemoMode.ON);
    assertThat(DemoMode.of(environment(false, null, "true"))).isEqualTo(DemoMode.ON);
  }

  @Test
  void aMongoDbRunsInDemoModeOnlyWhenAskedFor() {
    assertThat(DemoMode.of(environment(false, URI, "true"))).isEqualTo(DemoMode.ON);
    assertThat(DemoMode.of(environment(false, URI, "TRUE"))).isEqualTo(DemoMode.ON);
  }

  @Test
  void aMongoDbWithoutDemoModeOrProductionIsRefused() {
    assertThatThrownBy(() -> DemoMode.of(environment(false, URI, null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("RATHAUS_DEMO=true");
  }

  @Test
  void productionIsNeverDemoMode() {
    assertThat(DemoMode.of(environment(true, URI, null))).isEqualTo(DemoMode.OFF);
    assertThat(DemoMode.of(environment(true, null, null))).isEqualTo(DemoMode.OFF);
    assertThat(DemoMode.of(environment(true, URI, "false"))).isEqualTo(DemoMode.OFF);
  }

  @Test
  void productionRefusesDemoModeAskedFor() {
    assertThatThrownBy(() -> DemoMode.of(environment(true, URI, "true")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("production");
  }

  @Test
  void demoModeOffWithoutProductionIsRefused() {
    assertThatThrownBy(() -> DemoMode.of(environment(false, null, "false")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("RATHAUS_DEMO=false");
    assertThatThrownBy(() -> DemoMode.of(environment(false, URI, "false")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anythingButTrueOrFalseIsRefused() {
    assertThatThrownBy(() -> DemoMode.of(environment(false, null, "yes")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("true or false");
  }
}
