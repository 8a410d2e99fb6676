package de.rathaus.api.portal;

import de.rathaus.domain.participation.ActionFieldCode;
import de.rathaus.domain.participation.ConsultationContent;
import de.rathaus.domain.participation.ConsultationFormat;
import de.rathaus.domain.participation.SustainabilityGoal;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.LocalizedText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * An administrator's form of a consultation's draft: every field of the API's {@code
 * ConsultationInput} (title and description in German and English, action field, sustainability
 * goals, department, format, the three dates, support threshold and answer deadline). It keeps what
 * was entered, checks it field by field as the API's body does (lengths, codes, the format, goals
 * 1–17, dates between 2000 and 2099, numbers in range) and makes the domain's content; the rules
 * about how the parts fit together stay the domain's, whose violation names the field.
 */
final class PortalConsultationForm {

  static final int MAX_TITLE = 200;
  static final int MAX_TEXT = 10_000;
  static final int MAX_THRESHOLD = 1_000_000;
  static final int MAX_DAYS = 3_650;

  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,62}");

  /** The form's fields in the page's order (the names the API's body and the domain use). */
  static final List<String> FIELDS =
      List.of(
          "title_de",
          "title_en",
          "description_de",
          "description_en",
          "actionField",
          "department",
          "format",
          "sustainabilityGoals",
          "opensAt",
          "closesAt",
          "votingEndsAt",
          "supportThreshold",
          "answerDeadlineDays");

  /** An entry of the error summary: the field's id, its label's key, the error's key. */
  record Problem(String id, String label, String error) {}

  private final Map<String, String> entered = new HashMap<>();
  private final Set<Integer> goals = new LinkedHashSet<>();
  private final Map<String, String> errors = new LinkedHashMap<>();
  private ConsultationContent content;

  private PortalConsultationForm() {}

  /** The form filled with a consultation's content (empty, ideas, for a new one). */
  static PortalConsultationForm of(ConsultationContent content) {
    PortalConsultationForm form = new PortalConsultationForm();
    form.entered.put("format", ConsultationFormat.IDEAS.name());
    if (content == null) {
      return form;
    }
    form.entered.put("title_de", content.title().de());
    form.entered.put("title_en", content.title().en());
    form.entered.put("description_de", content.description().de());
    form.entered.put("description_en", content.description().en());
    form.entered.put("actionField", content.actionField().value());
    form.entered.put(
        "department", content.department() == null ? null : content.department().value());
    form.entered.put("format", content.format().name());
    form.entered.put("opensAt", local(content.opensAt()));
    form.entered.put("closesAt", local(content.closesAt()));
    form.entered.put("votingEndsAt", local(content.votingEndsAt()));
    form.entered.put("supportThreshold", number(content.supportThreshold()));
    form.entered.put("answerDeadlineDays", number(content.answerDeadlineDays()));
    content.sustainabilityGoals().forEach(g -> form.goals.add(g.number()));
    return form;
  }

  private static String local(Instant at) {
    return at == null ? null : PortalAuditViews.local(at);
  }

  private static String number(Integer value) {
    return value == null ? null : String.valueOf(value);
  }

  /** The form as sent, checked. */
  static PortalConsultationForm sent(MultiValueMap<String, String> sent) {
    PortalConsultationForm form = new PortalConsultationForm();
    for (String name : FIELDS) {
      if (!name.equals("sustainabilityGoals")) {
        String value = sent.getFirst(name);
        form.entered.put(name, value == null ? null : value.strip());
      }
    }
    form.check(sent.getOrDefault("sustainabilityGoals", List.of()));
    return form;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private void check(List<String> goalsSent) {
    for (String name : List.of("title_de", "description_de", "actionField", "format")) {
      if (blank(entered.get(name))) {
        errors.put(name, "portal.form.error.REQUIRED");
      }
    }
    for (String name : List.of("opensAt", "closesAt")) {
      if (blank(entered.get(name))) {
        errors.put(name, "portal.form.error.REQUIRED");
      }
    }
    tooLong("title_de", MAX_TITLE);
    tooLong("title_en", MAX_TITLE);
    tooLong("description_de", MAX_TEXT);
    tooLong("description_en", MAX_TEXT);
    for (String name : List.of("actionField", "department")) {
      String code = entered.get(name);
      if (!blank(code) && !CODE.matcher(code).matches()) {
        errors.putIfAbsent(name, "portal.form.error.NOT_ALLOWED_VALUE");
      }
    }
    ConsultationFormat format = null;
    if (!blank(entered.get("format"))) {
      try {
        format = ConsultationFormat.valueOf(entered.get("format").toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException unknown) {
        errors.put("format", "portal.form.error.NOT_ALLOWED_VALUE");
      }
    }
    List<SustainabilityGoal> chosen = new ArrayList<>();
    for (String goal : goalsSent) {
      if (blank(goal)) {
        continue;
      }
      try {
        int number = Integer.parseInt(goal.strip());
        SustainabilityGoal found = SustainabilityGoal.numbered(number).orElse(null);
        if (found == null) {
          errors.putIfAbsent("sustainabilityGoals", "portal.form.error.NOT_ALLOWED_VALUE");
        } else if (!goals.add(number)) {
          errors.putIfAbsent("sustainabilityGoals", "portal.form.error.DUPLICATE_VALUE");
        } else {
          chosen.add(found);
        }
      } catch (NumberFormatException notANumber) {
        errors.putIfAbsent("sustainabilityGoals", "portal.form.error.NOT_ALLOWED_VALUE");
      }
    }
    Instant opens = moment("opensAt");
    Instant closes = moment("closesAt");
    Instant votingEnds = moment("votingEndsAt");
    Integer threshold = whole("supportThreshold", MAX_THRESHOLD);
    Integer days = whole("answerDeadlineDays", MAX_DAYS);
    if (!errors.isEmpty()) {
      return;
    }
    content =
        new ConsultationContent(
            new LocalizedText(entered.get("title_de"), entered.get("title_en")),
            new LocalizedText(entered.get("description_de"), entered.get("description_en")),
            new ActionFieldCode(entered.get("actionField")),
            chosen,
            blank(entered.get("department")) ? null : new DepartmentCode(entered.get("department")),
            format,
            opens,
            closes,
            votingEnds,
            threshold,
            days);
  }

  private void tooLong(String name, int max) {
    String value = entered.get(name);
    if (value != null && value.length() > max) {
      errors.putIfAbsent(name, "portal.form.error.TOO_LONG");
    }
  }

  /** A date typed into a {@code datetime-local} field, or null (recorded if it is not one). */
  private Instant moment(String name) {
    String value = entered.get(name);
    if (blank(value)) {
      return null;
    }
    Instant at = PortalAuditViews.moment(value);
    if (at == null) {
      errors.putIfAbsent(name, "portal.form.error.NOT_A_DATETIME");
    }
    return at;
  }

  /** A whole number from 1 to {@code max}, or null (recorded if it is not one). */
  private Integer whole(String name, int max) {
    String value = entered.get(name);
    if (blank(value)) {
      return null;
    }
    try {
      int number = Integer.parseInt(value);
      if (number >= 1 && number <= max) {
        return number;
      }
    } catch (NumberFormatException notANumber) {
      // recorded below
    }
    errors.putIfAbsent(name, "portal.staff.consultations.error." + name);
    return null;
  }

  /** A field refused by the engine (a rule of the content, an unknown reference). */
  void refused(String field, String error) {
    errors.put(FIELDS.contains(field) ? field : "title_de", error);
    content = null;
  }

  boolean valid() {
    return errors.isEmpty() && content != null;
  }

  ConsultationContent content() {
    return content;
  }

  Map<String, String> entered() {
    return entered;
  }

  Set<Integer> goals() {
    return goals;
  }

  Map<String, String> errors() {
    return errors;
  }

  /** The error summary, in the page's order, each linking to its field. */
  List<Problem> summary() {
    List<Problem> summary = new ArrayList<>();
    for (String name : FIELDS) {
      if (errors.containsKey(name)) {
        summary.add(
            new Problem(
                "feld-" + name, "portal.staff.consultations.field." + name, errors.get(name)));
      }
    }
    return summary;
  }
}
