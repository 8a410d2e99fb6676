package de.rathaus.domain.servicerequest;

import static de.rathaus.domain.servicerequest.Cases.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rathaus.domain.servicerequest.ServiceRequestRuleViolation.Code;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Documents of a case: who attaches what when, and how much a case holds. */
class AttachmentTest {

  private static final AttachmentLimits LIMITS = new AttachmentLimits(3, 1_000, 1_500);
  private static final String PDF = "application/pdf";

  private CaseFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new CaseFixture();
  }

  private static AttachmentRef document(String id, long size) {
    return new AttachmentRef(new AttachmentId(id), PDF, size, "ab".repeat(32));
  }

  private static AttachDocument byAnna(AttachmentRef document, AttachmentPurpose purpose) {
    return new AttachDocument(ID, document, "Nachweis.pdf", purpose, ANNA, null, LIMITS, day(3));
  }

  private static AttachDocument byClerk(
      AttachmentRef document,
      AttachmentPurpose purpose,
      de.rathaus.domain.shared.DepartmentCode department) {
    return new AttachDocument(
        ID, document, "Bescheid.pdf", purpose, null, department, LIMITS, day(7));
  }

  private static DocumentAttached attached(
      AttachmentRef document, AttachmentPurpose purpose, InformationRequestId question) {
    return new DocumentAttached(ID, ANNA, document, "Nachweis.pdf", purpose, question, day(3));
  }

  @Test
  void applicantAttachesASupportingDocumentToASubmittedRequest() {
    AttachmentRef document = document("a-1", 200);
    fixture
        .given(submitted())
        .when(byAnna(document, AttachmentPurpose.SUPPORTING_DOCUMENT))
        .expectEvents(attached(document, AttachmentPurpose.SUPPORTING_DOCUMENT, null));
  }

  @Test
  void applicantsAnswerDocumentBelongsToTheOpenQuestion() {
    AttachmentRef document = document("a-1", 200);
    fixture
        .given(submitted(), assigned(), asked(day(2)))
        .when(byAnna(document, AttachmentPurpose.ANSWER))
        .expectEvents(attached(document, AttachmentPurpose.ANSWER, QUESTION));
  }

  @Test
  void refusesAnAnswerDocumentWithoutAnOpenQuestion() {
    fixture
        .given(submitted(), assigned())
        .when(byAnna(document("a-1", 200), AttachmentPurpose.ANSWER))
        .expectRefusal(Code.NOT_WAITING);
  }

  @Test
  void refusesTheApplicantsDocumentAfterTheDecision() {
    fixture
        .given(submitted(), assigned(), decided())
        .when(byAnna(document("a-1", 200), AttachmentPurpose.SUPPORTING_DOCUMENT))
        .expectRefusal(Code.NOT_OPEN);
  }

  @Test
  void refusesTheApplicantsDocumentAfterWithdrawal() {
    fixture
        .given(submitted(), new ServiceRequestWithdrawn(ID, ANNA, null, day(1)))
        .when(byAnna(document("a-1", 200), AttachmentPurpose.SUPPORTING_DOCUMENT))
        .expectRefusal(Code.NOT_OPEN);
  }

  @Test
  void refusesADocumentOfSomeoneElseThanTheApplicant() {
    fixture
        .given(submitted())
        .when(
            new AttachDocument(
                ID,
                document("a-1", 200),
                "x.pdf",
                AttachmentPurpose.SUPPORTING_DOCUMENT,
                BEN,
                null,
                LIMITS,
                day(1)))
        .expectRefusal(Code.NOT_THE_APPLICANT);
  }

  @Test
  void clerkAttachesADocumentToTheOpenQuestion() {
    AttachmentRef document = document("q-doc", 300);
    fixture
        .given(submitted(), assigned(), asked(day(2)))
        .when(byClerk(document, AttachmentPurpose.QUESTION, BUERGERAMT))
        .expectEvents(
            new DocumentAttached(
                ID, ANNA, document, "Bescheid.pdf", AttachmentPurpose.QUESTION, QUESTION, day(7)));
  }

  @Test
  void refusesAQuestionDocumentWithoutAnOpenQuestion() {
    fixture
        .given(submitted(), assigned())
        .when(byClerk(document("q-doc", 300), AttachmentPurpose.QUESTION, BUERGERAMT))
        .expectRefusal(Code.NOT_WAITING);
  }

  @Test
  void clerkAttachesTheDecisionLetterToADecidedCase() {
    AttachmentRef letter = document("letter", 300);
    fixture
        .given(submitted(), assigned(), decided())
        .when(byClerk(letter, AttachmentPurpose.DECISION_LETTER, BUERGERAMT))
        .expectEvents(
            new DocumentAttached(
                ID, ANNA, letter, "Bescheid.pdf", AttachmentPurpose.DECISION_LETTER, null, day(7)));
  }

  @Test
  void refusesADecisionLetterBeforeTheDecision() {
    fixture
        .given(submitted(), assigned())
        .when(byClerk(document("letter", 300), AttachmentPurpose.DECISION_LETTER, BUERGERAMT))
        .expectRefusal(Code.NOT_DECIDED);
  }

  @Test
  void refusesADecisionLetterAfterClosure() {
    fixture
        .given(submitted(), assigned(), decided(), new CaseClosed(ID, day(8)))
        .when(byClerk(document("letter", 300), AttachmentPurpose.DECISION_LETTER, BUERGERAMT))
        .expectRefusal(Code.NOT_DECIDED);
  }

  @Test
  void refusesAnOfficeDocumentFromAnotherDepartment() {
    fixture
        .given(submitted(), assigned(), decided())
        .when(byClerk(document("letter", 300), AttachmentPurpose.DECISION_LETTER, ORDNUNGSAMT))
        .expectRefusal(Code.NOT_YOUR_DEPARTMENT);
  }

  @Test
  void refusesTheSameDocumentTwice() {
    AttachmentRef document = document("a-1", 200);
    fixture
        .given(submitted(), attached(document, AttachmentPurpose.SUPPORTING_DOCUMENT, null))
        .when(byAnna(document, AttachmentPurpose.SUPPORTING_DOCUMENT))
        .expectRefusal(Code.ALREADY_ATTACHED);
  }

  @Test
  void refusesAnEmptyDocument() {
    fixture
        .given(submitted())
        .when(byAnna(document("a-1", 0), AttachmentPurpose.SUPPORTING_DOCUMENT))
        .expectRefusal(Code.EMPTY_ATTACHMENT);
  }

  @Test
  void refusesADocumentOverTheFileLimit() {
    fixture
        .given(submitted())
        .when(byAnna(document("a-1", 1_001), AttachmentPurpose.SUPPORTING_DOCUMENT))
        .expectRefusal(Code.ATTACHMENT_TOO_LARGE);
  }

  @Test
  void refusesADocumentOverTheCountLimit() {
    fixture
        .given(
            submitted(),
            attached(document("a-1", 10), AttachmentPurpose.SUPPORTING_DOCUMENT, null),
            attached(document("a-2", 10), AttachmentPurpose.SUPPORTING_DOCUMENT, null),
            attached(document("a-3", 10), AttachmentPurpose.SUPPORTING_DOCUMENT, null))
        .when(byAnna(document("a-4", 10), AttachmentPurpose.SUPPORTING_DOCUMENT))
        .expectRefusal(Code.TOO_MANY_ATTACHMENTS);
  }

  @Test
  void refusesADocumentOverTheTotalLimit() {
    fixture
        .given(
            submitted(),
            attached(document("a-1", 1_000), AttachmentPurpose.SUPPORTING_DOCUMENT, null))
        .when(byAnna(document("a-2", 501), AttachmentPurpose.SUPPORTING_DOCUMENT))
        .expectRefusal(Code.ATTACHMENTS_TOO_LARGE);
  }

  @Test
  void acceptsADocumentThatFillsTheTotalLimitExactly() {
    AttachmentRef last = document("a-2", 500);
    fixture
        .given(
            submitted(),
            attached(document("a-1", 1_000), AttachmentPurpose.SUPPORTING_DOCUMENT, null))
        .when(byAnna(last, AttachmentPurpose.SUPPORTING_DOCUMENT))
        .expectEvents(attached(last, AttachmentPurpose.SUPPORTING_DOCUMENT, null));
  }

  @Test
  void laterCommandsMayNameOnlyTheApplicantsDocuments() {
    ServiceRequest case_ = new ServiceRequest();
    case_.on(submitted());
    case_.on(attached(document("mine", 10), AttachmentPurpose.SUPPORTING_DOCUMENT, null));
    case_.on(
        new DocumentAttached(
            ID,
            ANNA,
            document("office", 10),
            "B.pdf",
            AttachmentPurpose.QUESTION,
            QUESTION,
            day(4)));
    case_.requireApplicantsAttachments(List.of(new AttachmentId("mine")));
    assertThatThrownBy(
            () -> case_.requireApplicantsAttachments(List.of(new AttachmentId("office"))))
        .isInstanceOfSatisfying(
            ServiceRequestRuleViolation.class,
            v -> assertThat(v.code()).isEqualTo(Code.UNKNOWN_ATTACHMENT));
    assertThatThrownBy(() -> case_.requireApplicantsAttachments(List.of(new AttachmentId("none"))))
        .isInstanceOf(ServiceRequestRuleViolation.class);
  }

  @Test
  void theFileNameIsNotShown() {
    AttachDocument command = byAnna(document("a-1", 10), AttachmentPurpose.SUPPORTING_DOCUMENT);
    assertThat(command.toString()).doesNotContain("Nachweis");
    assertThat(attached(document("a-1", 10), AttachmentPurpose.ANSWER, QUESTION).toString())
        .doesNotContain("Nachweis")
        .contains("ab".repeat(32));
  }

  @Test
  void aReferenceNeedsAHexSha256AndAMediaType() {
    assertThatThrownBy(() -> new AttachmentRef(new AttachmentId("x"), PDF, 1, "AB".repeat(32)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AttachmentRef(new AttachmentId("x"), "pdf", 1, "ab".repeat(32)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
