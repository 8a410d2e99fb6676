package de.rathaus.api.portal;

import de.rathaus.api.portal.PortalViews.Localized;
import de.rathaus.application.catalogue.ServiceView;
import de.rathaus.domain.catalogue.AttributeDatatype;
import de.rathaus.domain.catalogue.AttributeError;
import de.rathaus.domain.catalogue.ServiceAttribute;
import de.rathaus.domain.catalogue.ServiceDefinitionContent;
import de.rathaus.domain.servicerequest.ApplicantContact;
import de.rathaus.domain.servicerequest.Location;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * The request form of a service, generated from its definition: one field per attribute in their
 * order (its control chosen by the datatype), the applicant's contact, a description, and for a
 * report the place by coordinates and address. It reads what a browser sends (the attributes under
 * {@value #PREFIX}{@code code}), keeps what the citizen entered to show it again, and collects the
 * errors field by field: those of the portal (contact, place) and those of the service's own
 * validation, the same the use case applies ({@link ServiceDefinitionContent#validate}).
 */
final class PortalForm {

  /** The parameter names of the attributes start with this, so none clashes with the others. */
  static final String PREFIX = "a_";

  /** A choice of a list attribute. */
  record Choice(String key, Localized name, boolean chosen) {}

  /**
   * A field as the template shows it.
   *
   * @param id the element's id (and the anchor of the error summary's link)
   * @param name the parameter's name
   * @param control {@code input}, {@code number}, {@code date}, {@code textarea}, {@code radio},
   *     {@code checkbox}
   * @param error the error's message key, or null
   */
  record Field(
      String id,
      String name,
      Localized label,
      String control,
      boolean required,
      String value,
      List<Choice> choices,
      String error) {}

  /** The limits of the API's body, checked by the same annotations. */
  record Contact(
      @Size(max = 200) String name,
      @Email @Size(max = 254) String email,
      @Size(max = 50) String phone,
      @Size(max = 500) String address,
      @Size(max = 10_000) String description,
      @Size(max = 500) String place) {}

  private final ServiceView service;
  private final String language;
  private final List<Field> attributes = new ArrayList<>();
  private final Map<String, Object> values = new HashMap<>();
  private final Map<String, String> entered = new HashMap<>();
  private final Map<String, String> errors = new LinkedHashMap<>();
  private Location location;

  private PortalForm(ServiceView service, String language) {
    this.service = service;
    this.language = language;
  }

  /** The empty form. */
  static PortalForm empty(ServiceView service, String language) {
    PortalForm form = new PortalForm(service, language);
    form.build(Map.of());
    return form;
  }

  /** The form as sent, checked. */
  static PortalForm sent(
      ServiceView service, String language, MultiValueMap<String, String> sent, Validator check) {
    PortalForm form = new PortalForm(service, language);
    for (String name : List.of("name", "email", "phone", "address", "description", "lat", "lon")) {
      form.entered.put(name, strip(sent.getFirst(name)));
    }
    form.entered.put("place", strip(sent.getFirst("place")));
    form.checkContact(check);
    form.checkPlace();
    for (ServiceAttribute attribute : sorted(service)) {
      String name = PREFIX + attribute.code();
      if (attribute.datatype() == AttributeDatatype.MULTIVALUELIST) {
        List<String> chosen = sent.get(name) == null ? List.of() : sent.get(name);
        form.values.put(attribute.code(), List.copyOf(chosen));
      } else {
        String value = strip(sent.getFirst(name));
        form.entered.put(name, value);
        if (value != null && !value.isEmpty()) {
          form.values.put(attribute.code(), value);
        }
      }
    }
    // the service's own rules, as the use case applies them: shown next to each field
    for (AttributeError error : service.content().validate(form.values).errors()) {
      form.errors.putIfAbsent(
          PREFIX + error.attribute(), "portal.form.error." + error.reason().name());
    }
    form.build(sent);
    return form;
  }

  private static String strip(String value) {
    return value == null ? null : value.strip();
  }

  private static List<ServiceAttribute> sorted(ServiceView service) {
    return service.content().attributes().stream()
        .sorted(Comparator.comparingInt(ServiceAttribute::order))
        .toList();
  }

  boolean isReport() {
    return service.content().kind().name().equals("REPORT");
  }

  private void checkContact(Validator check) {
    Contact contact =
        new Contact(
            entered.get("name"),
            entered.get("email"),
            entered.get("phone"),
            entered.get("address"),
            entered.get("description"),
            entered.get("place"));
    check
        .validate(contact)
        .forEach(
            v ->
                errors.putIfAbsent(
                    v.getPropertyPath().toString(),
                    v.getConstraintDescriptor().getAnnotation() instanceof Email
                        ? "portal.form.error.email"
                        : "portal.form.error.TOO_LONG"));
    if (!isReport() && blank(entered.get("name"))) {
      // an application needs the applicant's name (the aggregate's rule, said at the field)
      errors.putIfAbsent("name", "portal.form.error.REQUIRED");
    }
  }

  private void checkPlace() {
    String lat = entered.get("lat");
    String lon = entered.get("lon");
    if (!isReport()) {
      return;
    }
    Double latitude = coordinate(lat, 90, "lat");
    Double longitude = coordinate(lon, 180, "lon");
    if (latitude != null && longitude != null && !errors.containsKey("place")) {
      location = new Location(latitude, longitude, entered.get("place"));
    }
  }

  /** A coordinate within ±{@code bound}, with a point or a comma; required for a report. */
  private Double coordinate(String value, double bound, String name) {
    if (blank(value)) {
      errors.put(name, "portal.form.error.REQUIRED");
      return null;
    }
    try {
      double number = Double.parseDouble(value.replace(',', '.'));
      if (!Double.isFinite(number) || number < -bound || number > bound) {
        errors.put(name, "portal.form.error." + name + "-range");
        return null;
      }
      return number;
    } catch (NumberFormatException notANumber) {
      errors.put(name, "portal.form.error.NOT_A_NUMBER");
      return null;
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private void build(Map<String, List<String>> sent) {
    for (ServiceAttribute attribute : sorted(service)) {
      String name = PREFIX + attribute.code();
      List<String> chosen = sent.get(name) == null ? List.of() : sent.get(name);
      String control =
          switch (attribute.datatype()) {
            case STRING -> "input";
            case TEXT -> "textarea";
            case NUMBER -> "number";
            case DATETIME -> "date";
            case SINGLEVALUELIST -> "radio";
            case MULTIVALUELIST -> "checkbox";
          };
      attributes.add(
          new Field(
              "feld-" + attribute.code(),
              name,
              Localized.of(attribute.description(), language),
              control,
              attribute.required(),
              entered.get(name),
              attribute.values().stream()
                  .map(
                      v ->
                          new Choice(
                              v.key(),
                              Localized.of(v.name(), language),
                              Set.copyOf(chosen).contains(v.key())))
                  .toList(),
              errors.get(name)));
    }
  }

  List<Field> attributes() {
    return attributes;
  }

  /** What the citizen entered in a field that is not an attribute (empty when nothing). */
  Map<String, String> entered() {
    return entered;
  }

  /** The errors by parameter name, in the order of the page. */
  Map<String, String> errors() {
    return errors;
  }

  /** The error summary's entries: the field's id and its message key, in the page's order. */
  List<Map.Entry<String, String>> summary() {
    List<Map.Entry<String, String>> summary = new ArrayList<>();
    for (Field field : attributes) {
      if (field.error() != null) {
        summary.add(
            Map.entry(field.choices().isEmpty() ? field.id() : field.id() + "-0", field.error()));
      }
    }
    for (String name :
        List.of("description", "lat", "lon", "place", "name", "email", "phone", "address")) {
      add(summary, name, "feld-" + name);
    }
    return summary;
  }

  private void add(List<Map.Entry<String, String>> summary, String name, String id) {
    if (errors.containsKey(name)) {
      summary.add(Map.entry(id, errors.get(name)));
    }
  }

  /** The labels of the error summary's attribute entries, by field id. */
  Map<String, Localized> labels() {
    Map<String, Localized> labels = new HashMap<>();
    for (Field field : attributes) {
      labels.put(field.choices().isEmpty() ? field.id() : field.id() + "-0", field.label());
    }
    return labels;
  }

  boolean valid() {
    return errors.isEmpty();
  }

  Map<String, Object> values() {
    return values;
  }

  String description() {
    return blank(entered.get("description")) ? null : entered.get("description");
  }

  Location location() {
    return location;
  }

  ApplicantContact contact() {
    return new ApplicantContact(
        entered.get("name"), entered.get("email"), entered.get("phone"), entered.get("address"));
  }
}
