package de.rathaus.api.shared;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether the engine runs in demo mode (docs/design.md section 6): accounts with a known password,
 * among them an admin, the login form and the sample catalogue. The one place that decides it:
 *
 * <ul>
 *   <li>under the {@code production} profile never ({@code RATHAUS_DEMO=true} refuses to start);
 *   <li>on a MongoDB ({@code RATHAUS_MONGODB_URI}, the city's data) only with {@code
 *       RATHAUS_DEMO=true};
 *   <li>on the embedded store by default.
 * </ul>
 *
 * <p>Anything else refuses to start, before anything is connected or written: a MongoDB without
 * either the profile or {@code RATHAUS_DEMO=true} (it is not clear whether demo accounts may open
 * it), and {@code RATHAUS_DEMO=false} without the profile (nobody could sign in).
 */
public enum DemoMode {
  ON,
  OFF;

  static final String PROPERTY = "rathaus.demo";

  /** The mode this environment asks for; a combination that is not safe is refused. */
  public static DemoMode of(Environment environment) {
    boolean production = environment.acceptsProfiles(Profiles.of("production"));
    String asked = environment.getProperty(PROPERTY, "").strip();
    String uri = environment.getProperty("rathaus.mongodb.uri", "");
    if (!asked.isEmpty() && !asked.equalsIgnoreCase("true") && !asked.equalsIgnoreCase("false")) {
      throw new IllegalStateException("RATHAUS_DEMO must be true or false");
    }
    if (production) {
      if (asked.equalsIgnoreCase("true")) {
        throw new IllegalStateException(
            "RATHAUS_DEMO=true is not allowed under the production profile: demo accounts have a"
                + " known password. Remove RATHAUS_DEMO, or run without the production profile.");
      }
      return OFF;
    }
    if (asked.equalsIgnoreCase("true")) {
      return ON;
    }
    if (asked.equalsIgnoreCase("false")) {
      throw new IllegalStateException(
          "RATHAUS_DEMO=false needs the production profile (SPRING_PROFILES_ACTIVE=production):"
              + " outside it the demo accounts are the only way to sign in.");
    }
    if (!uri.isBlank()) {
      throw new IllegalStateException(
          "RATHAUS_MONGODB_URI is set, but neither the production profile nor demo mode: set"
              + " SPRING_PROFILES_ACTIVE=production for the city's data, or RATHAUS_DEMO=true to"
              + " open this database to the demo accounts (password known to everyone).");
    }
    return ON;
  }

  /** Whether beans of demo mode exist: on, and the environment is one the engine starts with. */
  public static final class On implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return decided(context.getEnvironment()) == ON;
    }
  }

  /** Whether beans of production exist: demo mode off, and a start the engine accepts. */
  public static final class Off implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return decided(context.getEnvironment()) == OFF;
    }
  }

  /** Conditions do not refuse (their failures would be hard to read); {@link Check} does. */
  private static DemoMode decided(Environment environment) {
    try {
      return of(environment);
    } catch (IllegalStateException refused) {
      return null;
    }
  }

  /**
   * Refuses a start that is not safe, as the first thing the engine does after reading its
   * configuration: before any bean is made, so before a database is connected or a file written.
   */
  @Configuration(proxyBeanMethods = false)
  static class Check {
    @Bean
    static BeanFactoryPostProcessor demoModeCheck(Environment environment) {
      return beans -> of(environment);
    }
  }
}
