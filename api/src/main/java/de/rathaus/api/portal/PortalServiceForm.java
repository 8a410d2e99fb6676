package de.rathaus.api.portal;

import de.rathaus.domain.catalogue.AllowedValue;
import de.rathaus.domain.catalogue.AttributeDatatype;
import de.rathaus.domain.catalogue.ServiceAttribute;
import de.rathaus.domain.catalogue.ServiceDefinitionContent;
import de.rathaus.domain.catalogue.ServiceKind;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.LocalizedText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * An administrator's form of a service's draft: what the API's {@code ServiceInput} carries that a
 * person types (code, names and descriptions in German and English, department, group, kind, fee,
 * processing days) and a few rows of form fields (code, datatype, required, help text in both
 * languages, and for list fields their choices, one {@code key=Name} a line). It keeps what was
 * entered, checks it field by field as the API's body and the domain's constructors do, and makes
 * the domain's content; what the form does not show (keywords, required documents, LeiKa key,
 * retention) is kept from the service's current content.
 */
final class PortalServiceForm {

  /** The rows of form fields a page offers at least. */
  static final int ROWS = 3;

  static final int MAX_TEXT = 2_000;

  private static final Pattern SERVICE_CODE = Pattern.compile("[a-z][a-z0-9-]{1,62}");
  private static final Pattern ATTRIBUTE_CODE = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  /** The service's own fields, in the page's order. */
  static final List<String> FIELDS =
      List.of(
          "code",
          "name_de",
          "name_en",
          "description_de",
          "description_en",
          "department",
          "group",
          "kind",
          "fee",
          "days");

  /** The fields of an attribute row, in the page's order. */
  static final List<String> ROW_FIELDS = List.of("code", "datatype", "de", "en", "values");

  /** An entry of the error summary: the field's id, its label's key and row, the error's key. */
  record Problem(String id, String label, int row, String error) {}

  /** A row of form fields as the page shows it. */
  record Row(int index, int number, Map<String, String> values, boolean required) {}

  private final Map<String, String> entered = new HashMap<>();
  private final Map<String, String> errors = new LinkedHashMap<>();
  private final List<Row> rows = new ArrayList<>();
  private ServiceDefinitionContent content;

  private PortalServiceForm() {}

  /** The form filled with a service's content (empty for a new service). */
  static PortalServiceForm of(String code, ServiceDefinitionContent content) {
    PortalServiceForm form = new PortalServiceForm();
    form.entered.put("code", code);
    form.entered.put("kind", ServiceKind.REQUEST.name());
    form.entered.put("days", "10");
    form.entered.put("fee", "0");
    int count = 0;
    if (content != null) {
      form.entered.put("name_de", content.name().de());
      form.entered.put("name_en", content.name().en());
      form.entered.put("description_de", content.description().de());
      form.entered.put("description_en", content.description().en());
      form.entered.put("department", content.department().value());
      form.entered.put("group", content.group());
      form.entered.put("kind", content.kind().name());
      form.entered.put("fee", euros(content.feeCents()));
      form.entered.put("days", String.valueOf(content.processingDays()));
      List<ServiceAttribute> attributes =
          content.attributes().stream()
              .sorted(Comparator.comparingInt(ServiceAttribute::order))
              .toList();
      for (ServiceAttribute a : attributes) {
        Map<String, String> row = new HashMap<>();
        row.put("code", a.code());
        row.put("datatype", a.datatype().name());
        row.put("de", a.description().de());
        row.put("en", a.description().en());
        row.put(
            "values",
            String.join(
                "\n", a.values().stream().map(v -> v.key() + "=" + v.name().de()).toList()));
        form.rows.add(new Row(count, count + 1, row, a.required()));
        count++;
      }
    }
    form.fillRows(count);
    return form;
  }

  private void fillRows(int from) {
    for (int i = from; i < Math.max(ROWS, from + 1); i++) {
      Map<String, String> row = new HashMap<>();
      row.put("datatype", AttributeDatatype.STRING.name());
      rows.add(new Row(i, i + 1, row, false));
    }
  }

  private static String euros(long cents) {
    return BigDecimal.valueOf(cents, 2).stripTrailingZeros().toPlainString().replace('.', ',');
  }

  /**
   * The form as sent, checked. {@code base} is the service's current content (null for a new one),
   * whose fields the form does not show are kept.
   */
  static PortalServiceForm sent(
      MultiValueMap<String, String> sent, boolean isNew, ServiceDefinitionContent base) {
    PortalServiceForm form = new PortalServiceForm();
    for (String name : FIELDS) {
      form.entered.put(name, strip(sent.getFirst(name)));
    }
    int count = 0;
    while (count < 50 && sent.containsKey("attr" + count + "_code")) {
      count++;
    }
    for (int i = 0; i < count; i++) {
      Map<String, String> row = new HashMap<>();
      for (String field : ROW_FIELDS) {
        row.put(field, strip(sent.getFirst("attr" + i + "_" + field)));
      }
      form.rows.add(new Row(i, i + 1, row, "ja".equals(sent.getFirst("attr" + i + "_required"))));
    }
    form.check(isNew, base);
    if (count == 0) {
      form.fillRows(0);
    }
    return form;
  }

  private static String strip(String value) {
    return value == null ? null : value.strip();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private void check(boolean isNew, ServiceDefinitionContent base) {
    if (isNew
        && (blank(entered.get("code")) || !SERVICE_CODE.matcher(entered.get("code")).matches())) {
      errors.put(
          "code",
          blank(entered.get("code"))
              ? "portal.form.error.REQUIRED"
              : "portal.staff.services.error.code");
    }
    for (String name : List.of("name_de", "description_de", "group", "department")) {
      if (blank(entered.get(name))) {
        errors.put(name, "portal.form.error.REQUIRED");
      }
    }
    for (String name : List.of("name_de", "name_en", "description_de", "description_en", "group")) {
      if (entered.get(name) != null && entered.get(name).length() > MAX_TEXT) {
        errors.putIfAbsent(name, "portal.form.error.TOO_LONG");
      }
    }
    String department = entered.get("department");
    if (!blank(department) && !Pattern.matches("[a-z][a-z0-9-]{1,62}", department)) {
      errors.putIfAbsent("department", "portal.staff.services.error.department");
    }
    ServiceKind kind = null;
    try {
      kind = ServiceKind.valueOf(String.valueOf(entered.get("kind")).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      errors.put("kind", "portal.form.error.NOT_ALLOWED_VALUE");
    }
    long fee = 0;
    try {
      BigDecimal euros =
          new BigDecimal(blank(entered.get("fee")) ? "0" : entered.get("fee").replace(',', '.'));
      if (euros.signum() < 0
          || euros.scale() > 2
          || euros.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
        errors.put("fee", "portal.staff.services.error.fee");
      } else {
        fee = euros.movePointRight(2).longValueExact();
      }
    } catch (NumberFormatException | ArithmeticException notANumber) {
      errors.put("fee", "portal.staff.services.error.fee");
    }
    int days = 0;
    try {
      days = Integer.parseInt(String.valueOf(entered.get("days")));
      if (days < 1 || days > 3650) {
        errors.put("days", "portal.staff.services.error.days");
      }
    } catch (NumberFormatException notANumber) {
      errors.put("days", "portal.staff.services.error.days");
    }
    List<ServiceAttribute> attributes = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    for (Row row : rows) {
      ServiceAttribute attribute = attribute(row, codes);
      if (attribute != null) {
        attributes.add(attribute);
      }
    }
    if (!errors.isEmpty()) {
      return;
    }
    content =
        new ServiceDefinitionContent(
            new LocalizedText(entered.get("name_de"), entered.get("name_en")),
            new LocalizedText(entered.get("description_de"), entered.get("description_en")),
            new DepartmentCode(department),
            entered.get("group"),
            base == null ? List.of() : base.keywords(),
            kind,
            attributes,
            fee,
            days,
            base == null ? List.of() : base.requiredDocuments(),
            base == null ? null : base.leikaKey(),
            base == null ? 0 : base.retentionYears());
  }

  /** A row as an attribute, or null when it is left empty or has errors (recorded). */
  private ServiceAttribute attribute(Row row, Set<String> codes) {
    Map<String, String> v = row.values();
    String prefix = "attr" + row.index() + "_";
    boolean empty =
        blank(v.get("code")) && blank(v.get("de")) && blank(v.get("en")) && blank(v.get("values"));
    if (empty) {
      return null;
    }
    int before = errors.size();
    String code = v.get("code");
    if (blank(code)) {
      errors.put(prefix + "code", "portal.form.error.REQUIRED");
    } else if (!ATTRIBUTE_CODE.matcher(code).matches()) {
      errors.put(prefix + "code", "portal.staff.services.error.attribute-code");
    } else if (!codes.add(code)) {
      errors.put(prefix + "code", "portal.staff.services.error.attribute-twice");
    }
    AttributeDatatype datatype = null;
    try {
      datatype = AttributeDatatype.valueOf(String.valueOf(v.get("datatype")));
    } catch (IllegalArgumentException unknown) {
      errors.put(prefix + "datatype", "portal.form.error.NOT_ALLOWED_VALUE");
    }
    if (blank(v.get("de"))) {
      errors.put(prefix + "de", "portal.form.error.REQUIRED");
    } else if (v.get("de").length() > MAX_TEXT) {
      errors.put(prefix + "de", "portal.form.error.TOO_LONG");
    }
    if (v.get("en") != null && v.get("en").length() > MAX_TEXT) {
      errors.put(prefix + "en", "portal.form.error.TOO_LONG");
    }
    List<AllowedValue> values = new ArrayList<>();
    if (datatype != null) {
      String lines = v.get("values");
      if (datatype.offersChoices()) {
        Set<String> keys = new HashSet<>();
        for (String line : blank(lines) ? new String[0] : lines.split("\\R")) {
          if (line.isBlank()) {
            continue;
          }
          int at = line.indexOf('=');
          String key = (at < 0 ? line : line.substring(0, at)).strip();
          String name = (at < 0 ? line : line.substring(at + 1)).strip();
          if (key.isEmpty() || name.isEmpty() || !keys.add(key)) {
            errors.put(prefix + "values", "portal.staff.services.error.values");
            break;
          }
          values.add(new AllowedValue(key, new LocalizedText(name, null)));
        }
        if (values.isEmpty()) {
          errors.putIfAbsent(prefix + "values", "portal.staff.services.error.values");
        }
      } else if (!blank(lines)) {
        errors.put(prefix + "values", "portal.staff.services.error.no-values");
      }
    }
    if (errors.size() > before) {
      return null;
    }
    return new ServiceAttribute(
        code,
        datatype,
        row.required(),
        row.number(),
        new LocalizedText(v.get("de"), v.get("en")),
        values);
  }

  /** The department named no known, active one (the administration's check). */
  void unknownDepartment() {
    errors.put("department", "portal.staff.services.error.department");
    content = null;
  }

  boolean valid() {
    return errors.isEmpty() && content != null;
  }

  ServiceDefinitionContent content() {
    return content;
  }

  String code() {
    return entered.get("code");
  }

  Map<String, String> entered() {
    return entered;
  }

  Map<String, String> errors() {
    return errors;
  }

  List<Row> rows() {
    return rows;
  }

  /** The error summary, in the page's order, each linking to its field. */
  List<Problem> summary() {
    List<Problem> summary = new ArrayList<>();
    for (String name : FIELDS) {
      if (errors.containsKey(name)) {
        summary.add(
            new Problem(
                "feld-" + name, "portal.staff.services.field." + name, 0, errors.get(name)));
      }
    }
    for (Row row : rows) {
      for (String field : ROW_FIELDS) {
        String name = "attr" + row.index() + "_" + field;
        if (errors.containsKey(name)) {
          summary.add(
              new Problem(
                  "feld-" + name,
                  "portal.staff.services.attr." + field,
                  row.number(),
                  errors.get(name)));
        }
      }
    }
    return summary;
  }
}
