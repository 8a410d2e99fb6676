package de.rathaus.api.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.application.audit.AggregateHistory;
import de.rathaus.application.audit.AuditEvent;
import de.rathaus.application.audit.FindAggregateHistory;
import de.rathaus.application.catalogue.CatalogueAdministration;
import de.rathaus.application.catalogue.DepartmentView;
import de.rathaus.application.open311.FindOpen311Key;
import de.rathaus.application.open311.ListOpen311Keys;
import de.rathaus.application.open311.Open311KeyAdministration;
import de.rathaus.application.open311.Open311KeyPage;
import de.rathaus.application.open311.Open311KeyView;
import de.rathaus.domain.catalogue.PublishServiceDefinition;
import de.rathaus.domain.catalogue.ServiceDefinitionRuleViolation;
import de.rathaus.domain.open311.Open311KeyId;
import de.rathaus.domain.open311.Open311KeyRuleViolation;
import de.rathaus.domain.participation.ModerateProposal;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.participation.ProposalRuleViolation;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.LocalizedText;
import de.rathaus.domain.shared.ServiceCode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The staff pages' rare answers, in a web slice with the engine replaced: a reason left out (the
 * error next to the field and in the summary, nothing sent), a moderation someone else did first (a
 * message on the page, 409), an unknown proposal (the 404 page).
 */
@WebMvcTest(
    controllers = {
      PortalModerationController.class,
      PortalStaffController.class,
      PortalCatalogueAdministration.class,
      PortalOpen311Keys.class,
      PortalErasure.class
    },
    excludeFilters =
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = RestControllerAdvice.class))
@Import({PortalConfiguration.class, PortalAdministrationTest.Fixed.class})
class PortalAdministrationTest {

  @TestConfiguration
  static class Fixed {
    @Bean
    Clock clock() {
      return Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);
    }
  }

  @Autowired MockMvc mvc;
  @MockitoBean PortalParticipation participation;
  @MockitoBean QueryGateway queries;
  @MockitoBean CommandGateway commands;
  @MockitoBean ReadYourWrites readYourWrites;
  @MockitoBean PortalCatalogue catalogue;
  @MockitoBean CatalogueAdministration administration;
  @MockitoBean Open311KeyAdministration keys;
  @MockitoBean de.rathaus.application.privacy.PersonalDataErasure erasure;

  static final RequestPostProcessor MONA = user("mona").authorities(() -> "ROLE_MODERATOR");
  static final RequestPostProcessor ADA = user("ada").authorities(() -> "ROLE_ADMIN");

  static final String BENCHES = PortalPublicPagesTest.BENCHES.value();

  @BeforeEach
  void engine() {
    when(participation.proposal(BENCHES))
        .thenReturn(Optional.of(PortalPublicPagesTest.BENCHES_VIEW));
    doAnswer(call -> ((Supplier<?>) call.getArgument(0)).get())
        .when(readYourWrites)
        .run(any(), any(String[].class));
    when(queries.query(any(FindAggregateHistory.class), any(ResponseType.class)))
        .thenReturn(CompletableFuture.completedFuture(new AggregateHistory(List.of())));
    when(queries.query(any(ListOpen311Keys.class), any(ResponseType.class)))
        .thenReturn(CompletableFuture.completedFuture(new Open311KeyPage(List.of(), null)));
    when(queries.query(any(FindOpen311Key.class), any(ResponseType.class)))
        .thenReturn(CompletableFuture.completedFuture(Optional.empty()));
    when(catalogue.departments())
        .thenReturn(
            List.of(
                new DepartmentView(
                    new DepartmentCode("ordnungsamt"),
                    new LocalizedText("Ordnungsamt", null),
                    null,
                    true,
                    1)));
  }

  /** The service {@code code} has this history (the types of its events). */
  private void history(String code, String... types) {
    List<AuditEvent> events = new java.util.ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      events.add(
          new AuditEvent(
              i + 1,
              i,
              code,
              "ServiceDefinition",
              types[i],
              "de.rathaus.domain.catalogue." + types[i],
              "1",
              Instant.parse("2026-06-01T10:00:00Z"),
              null,
              "web",
              null,
              null,
              Map.of()));
    }
    when(queries.query(
            argThat(
                (Object q) -> q instanceof FindAggregateHistory h && h.aggregateId().equals(code)),
            any(ResponseType.class)))
        .thenReturn(CompletableFuture.completedFuture(new AggregateHistory(events)));
  }

  private String body(org.springframework.test.web.servlet.ResultActions done) throws Exception {
    return done.andReturn().getResponse().getContentAsString();
  }

  // --- moderation

  @Test
  void aModerationWithoutAReasonShowsTheErrorAtTheFieldAndSendsNothing() throws Exception {
    String page =
        body(
            mvc.perform(
                    post("/portal/verwaltung/moderation/" + BENCHES)
                        .with(csrf())
                        .with(MONA)
                        .param("aktion", "HIDE")
                        .param("grund", "   "))
                .andExpect(status().isBadRequest()));
    assertThat(page)
        .contains("href=\"#grund\"", "id=\"grund-error\"", "Bitte machen Sie hier eine Angabe")
        .contains("aria-describedby=\"grund-hint grund-error\"");
    verify(commands, never()).sendAndWait(any());
  }

  @Test
  void aCommentsModerationWithoutAReasonShowsTheErrorAtThatCommentsField() throws Exception {
    String comment = PortalPublicPagesTest.QUESTION.value();
    String page =
        body(
            mvc.perform(
                    post("/portal/verwaltung/moderation/" + BENCHES)
                        .with(csrf())
                        .with(MONA)
                        .param("aktion", "HIDE")
                        .param("kommentar", comment)
                        .param("grund", ""))
                .andExpect(status().isBadRequest()));
    assertThat(page)
        .contains("href=\"#grund-" + comment + "\"", "id=\"grund-" + comment + "-error\"")
        .doesNotContain("id=\"grund-error\"");
    verify(commands, never()).sendAndWait(any());
  }

  @Test
  void aModerationSomeoneElseDidFirstIsAMessageOnThePage() throws Exception {
    when(commands.sendAndWait(any(ModerateProposal.class)))
        .thenThrow(
            new ProposalRuleViolation(
                PortalPublicPagesTest.BENCHES,
                ProposalRuleViolation.Code.ALREADY_HIDDEN,
                "hidden already"));
    String page =
        body(
            mvc.perform(
                    post("/portal/verwaltung/moderation/" + BENCHES)
                        .with(csrf())
                        .with(ADA)
                        .param("aktion", "HIDE")
                        .param("grund", "Beleidigung"))
                .andExpect(status().isConflict()));
    assertThat(page).contains("jemand anderes war schneller");
  }

  @Test
  void aModerationThatWorkedLeadsBackToTheProposalsModerationPage() throws Exception {
    mvc.perform(
            post("/portal/verwaltung/moderation/" + BENCHES)
                .with(csrf())
                .with(MONA)
                .param("aktion", "HIDE")
                .param("grund", "Beleidigung"))
        .andExpect(status().isSeeOther())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                "/portal/verwaltung/moderation/" + BENCHES + "?erledigt"));
    verify(commands).sendAndWait(any(ModerateProposal.class));
  }

  @Test
  void anUnknownProposalOrCommentIsTheNotFoundPage() throws Exception {
    String unknown = ProposalId.of(UUID.randomUUID()).value();
    mvc.perform(get("/portal/verwaltung/moderation/" + unknown).with(MONA))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/portal/verwaltung/moderation/" + unknown)
                .with(csrf())
                .with(MONA)
                .param("aktion", "HIDE")
                .param("grund", "x"))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/portal/verwaltung/moderation/" + BENCHES)
                .with(csrf())
                .with(MONA)
                .param("aktion", "HIDE")
                .param("kommentar", UUID.randomUUID().toString())
                .param("grund", "x"))
        .andExpect(status().isNotFound());
    verify(commands, never()).sendAndWait(any());
  }

  @Test
  void theStaffsStartPageShowsTheAdminsTasksToAdminsOnly() throws Exception {
    assertThat(body(mvc.perform(get("/portal/verwaltung").with(MONA)).andExpect(status().isOk())))
        .contains("href=\"/portal/verwaltung/moderation\"", ">Verwaltung</a>")
        .doesNotContain("/portal/verwaltung/leistungen");
    assertThat(body(mvc.perform(get("/portal/verwaltung").with(ADA)).andExpect(status().isOk())))
        .contains("/portal/verwaltung/leistungen");
  }

  // --- the catalogue

  @Test
  void publishingARetiredServiceIsAMessageOnItsPage() throws Exception {
    history(
        "hundesteuer",
        "ServiceDefinitionDrafted",
        "ServiceDefinitionPublished",
        "ServiceDefinitionRetired");
    when(commands.sendAndWait(any(PublishServiceDefinition.class)))
        .thenThrow(
            new ServiceDefinitionRuleViolation(
                new ServiceCode("hundesteuer"),
                ServiceDefinitionRuleViolation.Code.ALREADY_RETIRED,
                "retired"));
    String page =
        body(
            mvc.perform(
                    post("/portal/verwaltung/leistungen/hundesteuer/veroeffentlichung")
                        .with(csrf())
                        .with(ADA))
                .andExpect(status().isConflict()));
    assertThat(page)
        .contains(
            "Die Leistung ist zurückgezogen; sie kann weder veröffentlicht noch geändert werden.")
        .contains("Zurückgezogen (nicht mehr im Katalog)")
        .doesNotContain("Exception");
  }

  @Test
  void anUnknownServiceIsTheNotFoundPage() throws Exception {
    mvc.perform(get("/portal/verwaltung/leistungen/gibtsnicht").with(ADA))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/portal/verwaltung/leistungen/gibtsnicht/veroeffentlichung")
                .with(csrf())
                .with(ADA))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/portal/verwaltung/leistungen/gibtsnicht/ruecknahme")
                .with(csrf())
                .with(ADA)
                .param("grund", "x"))
        .andExpect(status().isNotFound());
    verify(commands, never()).sendAndWait(any());
  }

  @Test
  void aDraftWithMistakesShowsEachErrorAtItsFieldAndKeepsWhatWasEntered() throws Exception {
    String page =
        body(
            mvc.perform(
                    post("/portal/verwaltung/leistungen/neu")
                        .with(csrf())
                        .with(ADA)
                        .param("code", "Hunde Steuer")
                        .param("name_de", "")
                        .param("description_de", "Steuer für Hunde")
                        .param("department", "ordnungsamt")
                        .param("group", "Steuern")
                        .param("kind", "REQUEST")
                        .param("fee", "-3")
                        .param("days", "10")
                        .param("attr0_code", "rasse")
                        .param("attr0_datatype", "SINGLEVALUELIST")
                        .param("attr0_de", "Rasse des Hundes")
                        .param("attr0_en", "")
                        .param("attr0_values", "")
                        .param("attr1_code", "")
                        .param("attr1_datatype", "STRING")
                        .param("attr1_de", "Name des Hundes")
                        .param("attr1_en", "")
                        .param("attr1_values", ""))
                .andExpect(status().isBadRequest()));
    assertThat(page)
        .contains("href=\"#feld-code\"", "id=\"feld-code-error\"")
        .contains("href=\"#feld-name_de\"", "href=\"#feld-fee\"")
        .contains("href=\"#feld-attr0_values\"", "id=\"feld-attr0_values-error\"")
        .contains("href=\"#feld-attr1_code\"", "Feld 2: Code")
        .contains("value=\"Rasse des Hundes\"", "value=\"Name des Hundes\"", "Steuer für Hunde");
    verify(administration, never()).draft(any(), any());
  }

  @Test
  void aDepartmentNoLongerActiveIsAnErrorAtTheField() throws Exception {
    doThrow(new CatalogueAdministration.UnknownDepartment(new DepartmentCode("ordnungsamt")))
        .when(administration)
        .draft(any(), any());
    String page =
        body(
            mvc.perform(
                    post("/portal/verwaltung/leistungen/neu")
                        .with(csrf())
                        .with(ADA)
                        .param("code", "hundesteuer")
                        .param("name_de", "Hundesteuer")
                        .param("description_de", "Steuer für Hunde")
                        .param("department", "ordnungsamt")
                        .param("group", "Steuern")
                        .param("kind", "REQUEST")
                        .param("fee", "0")
                        .param("days", "10"))
                .andExpect(status().isUnprocessableEntity()));
    assertThat(page).contains("href=\"#feld-department\"", "id=\"feld-department-error\"");
  }

  @Test
  void retiringNeedsAReason() throws Exception {
    history("hundesteuer", "ServiceDefinitionDrafted", "ServiceDefinitionPublished");
    String page =
        body(
            mvc.perform(
                    post("/portal/verwaltung/leistungen/hundesteuer/ruecknahme")
                        .with(csrf())
                        .with(ADA)
                        .param("grund", " "))
                .andExpect(status().isBadRequest()));
    assertThat(page).contains("href=\"#feld-grund\"", "id=\"feld-grund-error\"");
    verify(commands, never()).sendAndWait(any());
  }

  // --- the Open311 keys

  @Test
  void aKeyWithoutANameShowsTheErrorAtTheFieldAndIssuesNothing() throws Exception {
    String page =
        body(
            mvc.perform(
                    post("/portal/verwaltung/open311").with(csrf()).with(ADA).param("name", " "))
                .andExpect(status().isBadRequest()));
    assertThat(page).contains("href=\"#feld-name\"", "id=\"feld-name-error\"");
    verify(keys, never()).issue(any());
  }

  @Test
  void revokingAnUnknownKeyIsTheNotFoundPageAndARevokedOneAMessage() throws Exception {
    mvc.perform(post("/portal/verwaltung/open311/kein-schluessel/widerruf").with(csrf()).with(ADA))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/portal/verwaltung/open311/0123456789abcdef0123/widerruf").with(csrf()).with(ADA))
        .andExpect(status().isNotFound());
    Open311KeyId known = new Open311KeyId("00000000000000000001");
    when(queries.query(
            argThat((Object q) -> q instanceof FindOpen311Key f && f.id().equals(known)),
            any(ResponseType.class)))
        .thenReturn(
            CompletableFuture.completedFuture(
                Optional.of(
                    new Open311KeyView(
                        known, "App", "hash", Instant.parse("2026-06-01T10:00:00Z"), null, 1))));
    doThrow(new Open311KeyRuleViolation(Open311KeyRuleViolation.Code.ALREADY_REVOKED, "revoked"))
        .when(keys)
        .revoke(any(), any());
    String page =
        body(
            mvc.perform(
                    post("/portal/verwaltung/open311/" + known.value() + "/widerruf")
                        .with(csrf())
                        .with(ADA))
                .andExpect(status().isConflict()));
    assertThat(page).contains("bereits widerrufen");
  }

  @Test
  void theModerationPageShowsTheProposalsTitle() throws Exception {
    assertThat(
            body(
                mvc.perform(get("/portal/verwaltung/moderation/" + BENCHES).with(MONA))
                    .andExpect(status().isOk())))
        .contains("<h2 id=\"vorschlag\">Bänke am Kiliansplatz</h2>");
  }

  // --- erasure

  @Test
  void anErasureWithoutConfirmationShowsTheErrorAtTheCheckboxAndErasesNothing() throws Exception {
    String page =
        body(
            mvc.perform(
                    post("/portal/verwaltung/loeschung")
                        .with(csrf())
                        .with(ADA)
                        .param("person", "ben")
                        .param("grund", "CONSENT_WITHDRAWN")
                        .param("aktenzeichen", "ds 17"))
                .andExpect(status().isBadRequest()));
    assertThat(page)
        .contains("href=\"#feld-bestaetigt\"", "id=\"feld-bestaetigt-error\"")
        .contains("href=\"#feld-aktenzeichen\"", "value=\"ben\"");
    verify(erasure, never()).erase(any(), any(), any(), any());
  }
}
