package de.rathaus.api.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.application.catalogue.DepartmentView;
import de.rathaus.application.participation.ActionFieldView;
import de.rathaus.application.participation.ConsultationAdministration;
import de.rathaus.application.participation.ConsultationView;
import de.rathaus.application.participation.FindConsultation;
import de.rathaus.domain.participation.ActionFieldCode;
import de.rathaus.domain.participation.ConsultationContent;
import de.rathaus.domain.participation.ConsultationFormat;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.ConsultationPhase;
import de.rathaus.domain.participation.ConsultationRuleViolation;
import de.rathaus.domain.participation.MoveConsultationPhase;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.LocalizedText;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The administrators' consultation pages' rare answers, in a web slice with the engine replaced: a
 * form with mistakes (400, each error at its field and in the summary, the values kept, nothing
 * sent), a rule of the content refused by the domain (422 at its field), a phase move the rules
 * forbid (409, a message on the page), an unknown consultation (the 404 page).
 */
@WebMvcTest(
    controllers = {PortalConsultationAdministration.class},
    excludeFilters =
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = RestControllerAdvice.class))
@Import({PortalConfiguration.class, PortalConsultationAdministrationTest.Fixed.class})
class PortalConsultationAdministrationTest {

  @TestConfiguration
  static class Fixed {
    @Bean
    Clock clock() {
      return Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);
    }
  }

  @Autowired MockMvc mvc;
  @MockitoBean PortalParticipation participation;
  @MockitoBean PortalCatalogue catalogue;
  @MockitoBean QueryGateway queries;
  @MockitoBean CommandGateway commands;
  @MockitoBean ReadYourWrites readYourWrites;
  @MockitoBean ConsultationAdministration administration;

  static final RequestPostProcessor ADA = user("ada").authorities(() -> "ROLE_ADMIN");

  static final ConsultationId PARKS = ConsultationId.of(UUID.randomUUID());

  static final String FORM = UUID.randomUUID().toString();

  static final ConsultationContent CONTENT =
      new ConsultationContent(
          new LocalizedText("Parks am Fluss", null),
          new LocalizedText("Worum es geht", null),
          new ActionFieldCode("mobilitaet"),
          List.of(),
          null,
          ConsultationFormat.FEEDBACK,
          Instant.parse("2026-07-01T08:00:00Z"),
          Instant.parse("2026-08-01T08:00:00Z"),
          null,
          null,
          null);

  private void stands(ConsultationPhase phase) {
    ConsultationView view =
        new ConsultationView(
            PARKS, CONTENT, phase, Instant.parse("2026-06-01T08:00:00Z"), List.of(), null, 1);
    when(queries.query(any(FindConsultation.class), any(ResponseType.class)))
        .thenReturn(CompletableFuture.completedFuture(Optional.of(view)));
  }

  @BeforeEach
  void engine() {
    doAnswer(call -> ((Supplier<?>) call.getArgument(0)).get())
        .when(readYourWrites)
        .run(any(), any(String[].class));
    when(queries.query(any(FindConsultation.class), any(ResponseType.class)))
        .thenReturn(CompletableFuture.completedFuture(Optional.empty()));
    when(participation.actionFields())
        .thenReturn(
            List.of(
                new ActionFieldView(
                    new ActionFieldCode("mobilitaet"),
                    new LocalizedText("Mobilität", "Mobility"),
                    new LocalizedText("Wege", null),
                    true,
                    1)));
    when(catalogue.departments())
        .thenReturn(
            List.of(
                new DepartmentView(
                    new DepartmentCode("buergeramt"),
                    new LocalizedText("Bürgeramt", null),
                    null,
                    true,
                    1)));
  }

  private String body(ResultActions done) throws Exception {
    return done.andReturn().getResponse().getContentAsString();
  }

  private static MockHttpServletRequestBuilder filled(MockHttpServletRequestBuilder request) {
    return request
        .with(csrf())
        .with(ADA)
        .param("formular", FORM)
        .param("title_de", "Parks am Fluss")
        .param("description_de", "Worum es geht")
        .param("actionField", "mobilitaet")
        .param("format", "IDEAS")
        .param("opensAt", "2026-07-01T10:00")
        .param("closesAt", "2026-08-01T10:00");
  }

  @Test
  void aDraftWithMistakesShowsEachErrorAtItsFieldKeepsTheValuesAndSendsNothing() throws Exception {
    String page =
        body(
            mvc.perform(
                    post("/portal/verwaltung/beteiligung/neu")
                        .with(csrf())
                        .with(ADA)
                        .param("title_de", "")
                        .param("title_en", "x".repeat(201))
                        .param("description_de", "Worum es geht")
                        .param("actionField", "mobilitaet")
                        .param("format", "PODCAST")
                        .param("sustainabilityGoals", "13", "18")
                        .param("opensAt", "1999-01-01T10:00")
                        .param("closesAt", "morgen")
                        .param("supportThreshold", "0")
                        .param("answerDeadlineDays", "3651"))
                .andExpect(status().isBadRequest()));
    assertThat(page)
        .contains("Es gibt ein Problem")
        .contains("href=\"#feld-title_de\"", "id=\"feld-title_de-error\"")
        .contains("href=\"#feld-title_en\"", "Der Text ist zu lang")
        .contains("href=\"#feld-format\"", "href=\"#feld-sustainabilityGoals\"")
        .contains("href=\"#feld-opensAt\"", "href=\"#feld-closesAt\"")
        .contains("href=\"#feld-supportThreshold\"", "href=\"#feld-answerDeadlineDays\"")
        .contains("aria-describedby=\"feld-title_de-hint feld-title_de-error\"")
        .contains("Worum es geht", "value=\"morgen\"", "value=\"0\"");
    assertThat(page).containsPattern("value=\"13\"\\s+checked");
    verify(administration, never()).draft(any(), any());
  }

  @Test
  void aRuleOfTheContentRefusedByTheDomainIsShownAtItsField() throws Exception {
    doThrow(
            new ConsultationRuleViolation(
                null, ConsultationRuleViolation.Code.CLOSES_IN_THE_PAST, "past"))
        .when(administration)
        .draft(any(), any());
    String page =
        body(
            mvc.perform(filled(post("/portal/verwaltung/beteiligung/neu")))
                .andExpect(status().isUnprocessableEntity()));
    assertThat(page)
        .contains("href=\"#feld-closesAt\"", "id=\"feld-closesAt-error\"")
        .contains("Das Ende der Vorschlagsphase muss in der Zukunft liegen.")
        .contains("value=\"Parks am Fluss\"");
  }

  @Test
  void anActionFieldRetiredMeanwhileIsShownAtItsField() throws Exception {
    doThrow(new ConsultationAdministration.UnknownReference("actionField"))
        .when(administration)
        .draft(any(), any());
    String page =
        body(
            mvc.perform(filled(post("/portal/verwaltung/beteiligung/neu")))
                .andExpect(status().isUnprocessableEntity()));
    assertThat(page).contains("href=\"#feld-actionField\"", "id=\"feld-actionField-error\"");
  }

  @Test
  void aDraftThatWorkedLeadsToItsPage() throws Exception {
    mvc.perform(filled(post("/portal/verwaltung/beteiligung/neu")))
        .andExpect(status().isSeeOther())
        .andExpect(
            redirectedUrlPattern("/portal/verwaltung/beteiligung/consultation-*?gespeichert"));
    verify(administration).draft(any(), eq(contentOfTheFilledForm()));
  }

  private static ConsultationContent contentOfTheFilledForm() {
    return new ConsultationContent(
        new LocalizedText("Parks am Fluss", null),
        new LocalizedText("Worum es geht", null),
        new ActionFieldCode("mobilitaet"),
        List.of(),
        null,
        ConsultationFormat.IDEAS,
        // Berlin summer time
        Instant.parse("2026-07-01T08:00:00Z"),
        Instant.parse("2026-08-01T08:00:00Z"),
        null,
        null,
        null);
  }

  @Test
  void theSameFormSentAgainDraftsNothingMore() throws Exception {
    stands(ConsultationPhase.DRAFT);
    mvc.perform(filled(post("/portal/verwaltung/beteiligung/neu")))
        .andExpect(status().isSeeOther())
        .andExpect(
            redirectedUrlPattern("/portal/verwaltung/beteiligung/consultation-*?gespeichert"));
    verify(administration, never()).draft(any(), any());
  }

  @Test
  void aFormWithoutItsTokenIsShownAnewAndDraftsNothing() throws Exception {
    String page =
        body(
            mvc.perform(
                    post("/portal/verwaltung/beteiligung/neu")
                        .with(csrf())
                        .with(ADA)
                        .param("title_de", "Parks am Fluss")
                        .param("description_de", "Worum es geht")
                        .param("actionField", "mobilitaet")
                        .param("format", "IDEAS")
                        .param("opensAt", "2026-07-01T10:00")
                        .param("closesAt", "2026-08-01T10:00"))
                .andExpect(status().isBadRequest()));
    assertThat(page).containsPattern("name=\"formular\" value=\"[0-9a-f-]{36}\"");
    assertThat(page).contains("value=\"Parks am Fluss\"");
    verify(administration, never()).draft(any(), any());
  }

  @Test
  void revisingAnOpenConsultationIsAMessageOnItsPage() throws Exception {
    stands(ConsultationPhase.OPEN);
    doThrow(
            new ConsultationRuleViolation(
                PARKS, ConsultationRuleViolation.Code.NOT_A_DRAFT, "not a draft"))
        .when(administration)
        .revise(any(), any());
    String page =
        body(
            mvc.perform(filled(post("/portal/verwaltung/beteiligung/" + PARKS.value())))
                .andExpect(status().isConflict()));
    assertThat(page).contains("Das Verfahren ist kein Entwurf mehr").doesNotContain("Exception");
  }

  @Test
  void aPhaseMoveTheRulesForbidIsAMessageOnThePage() throws Exception {
    stands(ConsultationPhase.OPEN);
    when(commands.sendAndWait(any(MoveConsultationPhase.class)))
        .thenThrow(
            new ConsultationRuleViolation(
                PARKS, ConsultationRuleViolation.Code.NO_VOTING_IN_FEEDBACK, "no voting"));
    String page =
        body(
            mvc.perform(
                    post("/portal/verwaltung/beteiligung/" + PARKS.value() + "/phase")
                        .with(csrf())
                        .with(ADA)
                        .param("phase", "VOTING"))
                .andExpect(status().isConflict()));
    assertThat(page).contains("Ein Reallabor hat keine Abstimmung.").doesNotContain("Exception");
  }

  @Test
  void publishingResultsWithoutASummaryIsTheErrorAtTheSummary() throws Exception {
    stands(ConsultationPhase.CLOSED);
    when(commands.sendAndWait(any(MoveConsultationPhase.class)))
        .thenThrow(
            new ConsultationRuleViolation(
                PARKS, ConsultationRuleViolation.Code.SUMMARY_REQUIRED, "summary"));
    String page =
        body(
            mvc.perform(
                    post("/portal/verwaltung/beteiligung/" + PARKS.value() + "/phase")
                        .with(csrf())
                        .with(ADA)
                        .param("phase", "RESULTS_PUBLISHED"))
                .andExpect(status().isUnprocessableEntity()));
    assertThat(page).contains("href=\"#feld-summary_de\"", "id=\"feld-summary_de-error\"");
  }

  @Test
  void anUnknownPhaseIsTheErrorAtThePhaseAndNothingIsSent() throws Exception {
    stands(ConsultationPhase.OPEN);
    String page =
        body(
            mvc.perform(
                    post("/portal/verwaltung/beteiligung/" + PARKS.value() + "/phase")
                        .with(csrf())
                        .with(ADA)
                        .param("phase", "DRAFT"))
                .andExpect(status().isBadRequest()));
    assertThat(page).contains("href=\"#feld-phase\"", "id=\"feld-phase-error\"");
    verify(commands, never()).sendAndWait(any());
  }

  @Test
  void theNextPhasesOfferedAreThoseTheRulesAllow() throws Exception {
    stands(ConsultationPhase.OPEN);
    String page =
        body(
            mvc.perform(get("/portal/verwaltung/beteiligung/" + PARKS.value()).with(ADA))
                .andExpect(status().isOk()));
    // a feedback consultation closes without voting; its content no longer changes
    assertThat(page)
        .contains("id=\"feld-phase-CLOSED\"")
        .doesNotContain("id=\"feld-phase-VOTING\"", "id=\"feld-title_de\"")
        .contains("href=\"/portal/beteiligung/" + PARKS.value() + "\"");
  }

  @Test
  void aListPageNoPageMadeIsTheBadRequestPage() throws Exception {
    when(queries.query(
            any(de.rathaus.application.participation.ListConsultations.class),
            any(ResponseType.class)))
        .thenReturn(
            CompletableFuture.failedFuture(
                new de.rathaus.application.shared.Page.InvalidPageRequest("cursor")));
    mvc.perform(get("/portal/verwaltung/beteiligung").param("weiter", "erfunden").with(ADA))
        .andExpect(status().isBadRequest());
  }

  @Test
  void mistakesInTheFormOfADraftOpenedMeanwhileAreShownAtTheirFields() throws Exception {
    stands(ConsultationPhase.OPEN);
    String page =
        body(
            mvc.perform(
                    filled(post("/portal/verwaltung/beteiligung/" + PARKS.value()))
                        .param("supportThreshold", "0"))
                .andExpect(status().isBadRequest()));
    // the summary's link leads to a field on the page
    assertThat(page).contains("href=\"#feld-supportThreshold\"", "id=\"feld-supportThreshold\"");
    verify(administration, never()).revise(any(), any());
  }

  @Test
  void anUnknownConsultationIsTheNotFoundPage() throws Exception {
    String unknown = ConsultationId.of(UUID.randomUUID()).value();
    mvc.perform(get("/portal/verwaltung/beteiligung/" + unknown).with(ADA))
        .andExpect(status().isNotFound());
    mvc.perform(get("/portal/verwaltung/beteiligung/kein-verfahren").with(ADA))
        .andExpect(status().isNotFound());
    mvc.perform(filled(post("/portal/verwaltung/beteiligung/" + unknown)))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/portal/verwaltung/beteiligung/" + unknown + "/phase")
                .with(csrf())
                .with(ADA)
                .param("phase", "OPEN"))
        .andExpect(status().isNotFound());
    verify(commands, never()).sendAndWait(any());
    verify(administration, never()).revise(any(), any());
  }
}
