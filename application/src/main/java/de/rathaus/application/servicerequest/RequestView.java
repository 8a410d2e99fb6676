package de.rathaus.application.servicerequest;

import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.PersonalData;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A request as its applicant sees it: status, deadline, the public timeline, questions from the
 * office and the decision — never the clerks' internal notes.
 *
 * <p>Stored with the personal parts encrypted under the applicant's key (see {@link PersonalData}).
 *
 * @param applicant the applicant's pseudonymous id, to check ownership
 * @param withdrawalReason the applicant's reason, once they withdrew (optional)
 */
public record RequestView(
    String id,
    String caseNumber,
    @DataSubject String applicant,
    String serviceCode,
    int serviceVersion,
    String kind,
    String department,
    String status,
    Instant submittedAt,
    Instant dueDate,
    @PersonalData Map<String, Object> attributes,
    @PersonalData String description,
    List<TimelineEntry> timeline,
    List<Question> informationRequests,
    Outcome decision,
    @PersonalData String withdrawalReason) {

  /** A step of the public timeline. */
  public record TimelineEntry(String type, String status, Instant at) {}

  /** A question from the office and, once given, the applicant's answer. */
  public record Question(
      String id,
      @PersonalData String question,
      Instant answerDueDate,
      @PersonalData String answer,
      Instant answeredAt) {

    /** The questions, with the one of {@code id} answered. */
    public static List<Question> answered(
        List<Question> questions, String id, String answer, Instant at) {
      return questions.stream()
          .map(
              q ->
                  q.id().equals(id)
                      ? new Question(q.id(), q.question(), q.answerDueDate(), answer, at)
                      : q)
          .toList();
    }
  }

  /** The decision (Bescheid). */
  public record Outcome(
      String outcome, @PersonalData String reasoning, String legalBasis, Instant at) {}
}
