package de.rathaus.api.portal;

import de.rathaus.application.catalogue.DepartmentView;
import de.rathaus.application.catalogue.ServiceView;
import de.rathaus.domain.catalogue.ServiceAttribute;
import de.rathaus.domain.catalogue.ServiceDefinitionContent;
import de.rathaus.domain.shared.LocalizedText;
import java.text.NumberFormat;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the portal's templates show, in the visitor's language: plain values made from the read
 * models, so that templates hold no logic beyond showing them (and Thymeleaf escapes every one).
 */
final class PortalViews {

  private PortalViews() {}

  /**
   * A text in the language it is shown in: where English was asked for but only German exists,
   * {@code language} says {@code de}, so the page marks it (WCAG 3.1.2).
   */
  record Localized(String text, String language) {
    static Localized of(LocalizedText text, String language) {
      boolean english = "en".equals(language) && text.en() != null;
      return new Localized(english ? text.en() : text.de(), english ? "en" : "de");
    }
  }

  /** A department to choose in the filter. */
  record DepartmentOption(String code, Localized name) {}

  /** A service in a list. */
  record ServiceSummary(
      String code, Localized name, Localized description, Localized department, String group) {}

  /** A field of the service's form. */
  record Field(
      String code, Localized label, String datatype, boolean required, List<Localized> values) {}

  /** A service's own page. */
  record ServiceDetail(
      String code,
      int version,
      Localized name,
      Localized description,
      String kind,
      String group,
      List<String> keywords,
      Localized department,
      String departmentEmail,
      String departmentPhone,
      String fee,
      int processingDays,
      List<Localized> documents,
      List<Field> fields,
      String leikaKey) {}

  /**
   * The signed-in person's account name for the header, or null when nobody is signed in (the
   * portal's pages are shown to anyone; a signed-in person sees their name and the sign-out).
   */
  static String account() {
    org.springframework.security.core.Authentication signedIn =
        org.springframework.security.core.context.SecurityContextHolder.getContext()
            .getAuthentication();
    return signedIn == null
            || !signedIn.isAuthenticated()
            || signedIn
                instanceof org.springframework.security.authentication.AnonymousAuthenticationToken
        ? null
        : signedIn.getPrincipal()
                instanceof org.springframework.security.oauth2.core.oidc.user.OidcUser person
            ? shownName(person)
            : signedIn.getName();
  }

  /**
   * How a person signed in through the city's provider is greeted: the name the provider gives
   * ({@code name}, else {@code preferred_username}), else the subject.
   */
  private static String shownName(
      org.springframework.security.oauth2.core.oidc.user.OidcUser person) {
    if (person.getFullName() != null && !person.getFullName().isBlank()) {
      return person.getFullName();
    }
    if (person.getPreferredUsername() != null && !person.getPreferredUsername().isBlank()) {
      return person.getPreferredUsername();
    }
    return person.getSubject();
  }

  /** The departments by code. */
  static Map<String, DepartmentView> byCode(List<DepartmentView> departments) {
    return departments.stream()
        .collect(Collectors.toMap(d -> d.code().value(), Function.identity(), (a, b) -> a));
  }

  static List<DepartmentOption> options(List<DepartmentView> departments, String language) {
    return departments.stream()
        .filter(DepartmentView::active)
        .map(d -> new DepartmentOption(d.code().value(), Localized.of(d.name(), language)))
        .sorted(Comparator.comparing(o -> CatalogueSearch.folded(o.name().text())))
        .toList();
  }

  static ServiceSummary summary(
      ServiceView service, Map<String, DepartmentView> departments, String language) {
    ServiceDefinitionContent content = service.content();
    return new ServiceSummary(
        service.code(),
        Localized.of(content.name(), language),
        Localized.of(content.description(), language),
        department(content, departments, language),
        content.group());
  }

  static ServiceDetail detail(
      ServiceView service, Map<String, DepartmentView> departments, String language) {
    ServiceDefinitionContent content = service.content();
    DepartmentView department = departments.get(content.department().value());
    return new ServiceDetail(
        service.code(),
        service.version(),
        Localized.of(content.name(), language),
        Localized.of(content.description(), language),
        content.kind().name(),
        content.group(),
        content.keywords(),
        department(content, departments, language),
        department == null ? null : department.contact().email(),
        department == null ? null : department.contact().phone(),
        fee(content.feeCents(), language),
        content.processingDays(),
        content.requiredDocuments().stream().map(d -> Localized.of(d, language)).toList(),
        content.attributes().stream()
            .sorted(Comparator.comparingInt(ServiceAttribute::order))
            .map(
                a ->
                    new Field(
                        a.code(),
                        Localized.of(a.description(), language),
                        a.datatype().name(),
                        a.required(),
                        a.values().stream().map(v -> Localized.of(v.name(), language)).toList()))
            .toList(),
        content.leikaKey() == null ? null : content.leikaKey().value());
  }

  /** The department's name, or its code where the read model does not know it (yet). */
  private static Localized department(
      ServiceDefinitionContent content, Map<String, DepartmentView> departments, String language) {
    DepartmentView department = departments.get(content.department().value());
    return department == null
        ? new Localized(content.department().value(), language)
        : Localized.of(department.name(), language);
  }

  /** A fee in euro as the language writes it ({@code 30,60 €}, {@code €30.60}); null if free. */
  static String fee(long cents, String language) {
    if (cents == 0) {
      return null;
    }
    NumberFormat format =
        NumberFormat.getCurrencyInstance(
            "en".equals(language) ? Locale.forLanguageTag("en-IE") : Locale.GERMANY);
    return format.format(java.math.BigDecimal.valueOf(cents, 2));
  }
}
