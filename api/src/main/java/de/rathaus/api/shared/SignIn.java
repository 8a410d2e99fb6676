package de.rathaus.api.shared;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * How callers of the API prove who they are: the demo accounts ({@link DemoSecurity}) or the city's
 * bearer tokens ({@link ProductionJwt}). Exactly one is configured; without one the engine does not
 * start.
 */
interface SignIn {

  /** Adds this way of signing in (and what it needs: sessions, CSRF) to the API's filter chain. */
  void configure(HttpSecurity http, ProblemEntryPoint refusals) throws Exception;
}
