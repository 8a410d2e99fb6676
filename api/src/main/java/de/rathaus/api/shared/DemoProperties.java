package de.rathaus.api.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo accounts ({@code RATHAUS_DEMO_*}). Whether demo mode is on at all ({@code RATHAUS_DEMO})
 * is decided before the application starts, by {@link DemoMode}.
 *
 * @param password the demo accounts' password; default {@code demo}
 */
@ConfigurationProperties("rathaus.demo")
public record DemoProperties(String password) {

  public DemoProperties {
    password = password == null || password.isEmpty() ? "demo" : password;
  }
}
