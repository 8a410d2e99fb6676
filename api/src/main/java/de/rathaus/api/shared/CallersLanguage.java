package de.rathaus.api.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The caller's language also for answers made before Spring MVC (the security filters' 401 and 403,
 * the body limit's 413): German unless {@code Accept-Language} asks for another, as the resources
 * answer ({@code spring.web.locale}). Without a header the servlet container would answer the JVM's
 * language; this filter, the first of all, makes {@code request.getLocale()} answer the engine's
 * choice for everything after it.
 */
public class CallersLanguage extends OncePerRequestFilter {

  private final LocaleResolver resolver;

  public CallersLanguage(LocaleResolver resolver) {
    this.resolver = resolver;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(new InLanguage(request, resolver.resolveLocale(request)), response);
  }

  private static final class InLanguage extends HttpServletRequestWrapper {
    private final Locale locale;

    InLanguage(HttpServletRequest request, Locale locale) {
      super(request);
      this.locale = locale;
    }

    @Override
    public Locale getLocale() {
      return locale;
    }

    @Override
    public Enumeration<Locale> getLocales() {
      return getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null
          ? Collections.enumeration(List.of(locale))
          : super.getLocales();
    }
  }

  /** Registers the filter before every other (the body limit, the security filters). */
  @Configuration(proxyBeanMethods = false)
  static class Registration {
    @Bean
    FilterRegistrationBean<CallersLanguage> callersLanguage(LocaleResolver localeResolver) {
      FilterRegistrationBean<CallersLanguage> registration =
          new FilterRegistrationBean<>(new CallersLanguage(localeResolver));
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
      return registration;
    }
  }
}
