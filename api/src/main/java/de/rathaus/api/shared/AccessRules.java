package de.rathaus.api.shared;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may call which path (docs/design.md section 6), one line per resource family: open to
 * everyone or to one role. The first line that matches decides; what no line lists is refused to
 * everyone. Rules on single items (a citizen's own request, a clerk's department) are the
 * resources' own.
 */
final class AccessRules {

  /**
   * One line of the table.
   *
   * @param method the method it applies to, {@code null} for every method
   * @param role who may call, {@code null} for everyone (signed in or not)
   * @param paths the path patterns
   * @param alsoRoles further roles who may call (none for most lines)
   */
  record Rule(HttpMethod method, Role role, List<String> paths, List<Role> alsoRoles) {

    /** Every role who may call; empty if everyone may. */
    List<Role> roles() {
      if (role == null) {
        return List.of();
      }
      List<Role> all = new java.util.ArrayList<>(List.of(role));
      all.addAll(alsoRoles);
      return List.copyOf(all);
    }
  }

  static final List<Rule> TABLE =
      List.of(
          open(null, "/actuator/health", "/actuator/health/**", "/error"),
          only(Role.OPERATOR, "/actuator/prometheus"),
          open(null, "/v3/api-docs", "/v3/api-docs/**"),
          open(
              HttpMethod.GET,
              // outside demo mode the engine's address leads to the portal (RootAddress)
              "/",
              "/api/v1/services",
              "/api/v1/services/**",
              "/api/v1/departments",
              "/api/v1/departments/**",
              "/api/v1/action-fields",
              "/api/v1/action-fields/**",
              "/api/v1/sustainability-goals",
              "/api/v1/sustainability-goals/**",
              "/api/v1/consultations",
              "/api/v1/consultations/**",
              "/api/v1/proposals/**",
              "/api/v1/statistics/**",
              "/api/v1/open-data/**",
              "/api/v1/audit/checkpoints",
              "/api/v1/audit/checkpoints/**",
              "/api/v1/audit/proofs/**",
              "/.well-known/rathaus-log-key",
              "/open311/**"),
          only(Role.ADMIN, "/api/v1/services", "/api/v1/services/**"),
          only(Role.ADMIN, "/api/v1/departments", "/api/v1/departments/**"),
          only(Role.ADMIN, "/api/v1/action-fields", "/api/v1/action-fields/**"),
          // the Open311 API keys
          only(Role.ADMIN, "/api/v1/open311/keys", "/api/v1/open311/keys/**"),
          only(Role.ADMIN, "/api/v1/proposals/*/answer"),
          // --- comments and moderation: before the citizens' line of the proposals
          only(List.of(Role.MODERATOR, Role.ADMIN), "/api/v1/proposals/*/moderation"),
          // citizens propose, the city (admins) puts up a feedback consultation's
          // items
          anyOf(
              HttpMethod.POST,
              List.of(Role.CITIZEN, Role.ADMIN),
              "/api/v1/consultations/*/proposals"),
          only(Role.CITIZEN, "/api/v1/consultations/*/proposals", "/api/v1/proposals/**"),
          only(Role.ADMIN, "/api/v1/consultations", "/api/v1/consultations/**"),
          // a request's documents, the applicant's and its department's clerks'
          only(
              List.of(Role.CITIZEN, Role.CLERK),
              "/api/v1/requests/*/attachments",
              "/api/v1/requests/*/attachments/*"),
          only(Role.CITIZEN, "/api/v1/requests", "/api/v1/requests/**"),
          only(Role.CLERK, "/api/v1/cases", "/api/v1/cases/**"),
          only(Role.CITIZEN, "/api/v1/privacy/me", "/api/v1/privacy/me/access-log"),
          // a citizen's own notification settings
          only(Role.CITIZEN, "/api/v1/privacy/me/notifications"),
          only(Role.ADMIN, "/api/v1/privacy/**"),
          // the trail, histories and views as of a moment: auditors and the data-protection
          // officer (an administrator)
          only(
              List.of(Role.AUDITOR, Role.ADMIN),
              "/api/v1/audit/events",
              "/api/v1/audit/aggregates/*/history",
              "/api/v1/audit/aggregates/*/state"),
          // auditors and administrators see the read models and rebuild them
          only(List.of(Role.AUDITOR, Role.ADMIN), "/api/v1/audit/projections/*/rebuild"),
          only(
              List.of(Role.AUDITOR, Role.ADMIN),
              "/api/v1/audit/projections",
              "/api/v1/audit/projections/*"),
          only(Role.AUDITOR, "/api/v1/audit/**"));

  private AccessRules() {}

  private static Rule open(HttpMethod method, String... paths) {
    return new Rule(method, null, List.of(paths), List.of());
  }

  private static Rule only(Role role, String... paths) {
    return new Rule(null, role, List.of(paths), List.of());
  }

  /** A line for several roles: any of them may call. */
  private static Rule only(List<Role> roles, String... paths) {
    return new Rule(null, roles.get(0), List.of(paths), roles.subList(1, roles.size()));
  }

  /** Calls with {@code method} on {@code paths} for any of {@code roles} (the first one first). */
  private static Rule anyOf(HttpMethod method, List<Role> roles, String... paths) {
    return new Rule(method, roles.get(0), List.of(paths), roles.subList(1, roles.size()));
  }

  /** The table as Spring Security's authorization rules, refusing whatever it does not list. */
  static void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          authorize) {
    for (Rule rule : TABLE) {
      String[] paths = rule.paths().toArray(String[]::new);
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl matched =
          rule.method() == null
              ? authorize.requestMatchers(paths)
              : authorize.requestMatchers(rule.method(), paths);
      if (rule.role() == null) {
        matched.permitAll();
      } else {
        matched.hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
      }
    }
    authorize.anyRequest().denyAll();
  }
}
