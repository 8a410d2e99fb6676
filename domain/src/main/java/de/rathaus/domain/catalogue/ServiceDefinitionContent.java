package de.rathaus.domain.catalogue;

import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.LocalizedText;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a citizen reads about a service in the catalogue, and the form they fill in: what it
 * is, which department handles it, what it costs, how long it should take, which documents to
 * bring, and the fields of the online form. One version of a service is one such content.
 *
 * @param group the catalogue section the service is listed under, for example "Verkehr"
 * @param keywords words citizens search for, beyond the name
 * @param feeCents the fee in euro cents, zero for free services
 * @param processingDays the processing target in days: a request's due date is this far after
 *     submission
 * @param leikaKey the service's key in the federal catalogue, or {@code null} where none applies
 * @param retentionYears how many years the personal data of a request for this service is kept
 *     after the case ended (closed or withdrawn), by the records rules that apply to it; 0 stands
 *     for the default of {@value #DEFAULT_RETENTION_YEARS} years (and for versions stored before
 *     the field existed)
 */
public record ServiceDefinitionContent(
    LocalizedText name,
    LocalizedText description,
    DepartmentCode department,
    String group,
    List<String> keywords,
    ServiceKind kind,
    List<ServiceAttribute> attributes,
    long feeCents,
    int processingDays,
    List<LocalizedText> requiredDocuments,
    LeikaKey leikaKey,
    int retentionYears) {

  /** Ten years: the usual period for administrative files where no shorter rule applies. */
  public static final int DEFAULT_RETENTION_YEARS = 10;

  /** The longest retention the engine accepts. */
  public static final int MAX_RETENTION_YEARS = 100;

  public ServiceDefinitionContent {
    if (name == null || description == null || department == null || kind == null) {
      throw new IllegalArgumentException(
          "A service needs a name, a description, a department and a kind");
    }
    if (group == null || group.isBlank()) {
      throw new IllegalArgumentException("A service belongs to a group of the catalogue");
    }
    keywords = copyOf(keywords, "keywords");
    if (keywords.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("A keyword must not be blank");
    }
    attributes = copyOf(attributes, "attributes");
    Set<String> codes = new HashSet<>();
    for (ServiceAttribute attribute : attributes) {
      if (!codes.add(attribute.code())) {
        throw new IllegalArgumentException("Attribute code used twice: " + attribute.code());
      }
    }
    if (feeCents < 0) {
      throw new IllegalArgumentException("A fee must not be negative");
    }
    if (processingDays <= 0) {
      throw new IllegalArgumentException("The processing target is at least one day");
    }
    requiredDocuments = copyOf(requiredDocuments, "required documents");
    if (retentionYears < 0 || retentionYears > MAX_RETENTION_YEARS) {
      throw new IllegalArgumentException("The retention period lies between 1 and 100 years");
    }
    retentionYears = retentionYears == 0 ? DEFAULT_RETENTION_YEARS : retentionYears;
  }

  /** A content with the default retention period. */
  public ServiceDefinitionContent(
      LocalizedText name,
      LocalizedText description,
      DepartmentCode department,
      String group,
      List<String> keywords,
      ServiceKind kind,
      List<ServiceAttribute> attributes,
      long feeCents,
      int processingDays,
      List<LocalizedText> requiredDocuments,
      LeikaKey leikaKey) {
    this(
        name,
        description,
        department,
        group,
        keywords,
        kind,
        attributes,
        feeCents,
        processingDays,
        requiredDocuments,
        leikaKey,
        0);
  }

  /** The same content with another retention period. */
  public ServiceDefinitionContent withRetentionYears(int years) {
    return new ServiceDefinitionContent(
        name,
        description,
        department,
        group,
        keywords,
        kind,
        attributes,
        feeCents,
        processingDays,
        requiredDocuments,
        leikaKey,
        years);
  }

  /**
   * Checks the values a citizen submitted for this service's form fields, keyed by attribute code
   * as they arrive from JSON (String, Number, Boolean or a list of strings), and lists what is
   * wrong with them. Pure: it neither changes nor remembers anything.
   */
  public AttributeValidation validate(Map<String, ?> values) {
    return AttributeValidator.validate(attributes, values);
  }

  /** An unmodifiable copy; a missing list is an empty one (so older or sparse JSON still reads). */
  private static <T> List<T> copyOf(List<T> list, String what) {
    if (list == null) {
      return List.of();
    }
    if (list.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException(
          "The " + what + " of a service must not contain empty entries");
    }
    return List.copyOf(list);
  }
}
