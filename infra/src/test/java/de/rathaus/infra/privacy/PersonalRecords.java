package de.rathaus.infra.privacy;

import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.PersonalData;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Small records shaped like the domain's events and views, for the privacy tests. */
final class PersonalRecords {
  private PersonalRecords() {}

  record Question(String code, @PersonalData String text) {}

  record Location(double lat, double lon, @PersonalData String address) {}

  /** The subject comes last, after the values it protects. */
  record Submitted(
      String requestId,
      @PersonalData String name,
      @PersonalData String email,
      @PersonalData Map<String, Object> attributes,
      Location location,
      List<Question> questions,
      int copies,
      @DataSubject CitizenId applicant) {}

  /** Whole values of other types as one envelope each; the subject as plain text. */
  record Profile(
      @DataSubject String citizen,
      @PersonalData Location home,
      @PersonalData List<String> phones,
      @PersonalData LocalDate birthday,
      @PersonalData Map<String, Integer> counts,
      String city) {}

  /** A record nested in another subject's record, with a subject of its own. */
  record Household(@DataSubject CitizenId head, @PersonalData String name, Profile member) {}

  /** No annotations at all. */
  /** A record without any annotation. */
  record Remark(String code, String text) {}

  record Unmarked(String name, Map<String, Object> attributes, List<Remark> questions) {}

  /** A subject that may be missing. */
  record Anonymous(@DataSubject String citizen, @PersonalData String text) {}

  /** {@link Anonymous} read with the wrong type. */
  record Misread(@DataSubject String citizen, @PersonalData Integer text) {}
}
