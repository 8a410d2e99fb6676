package de.rathaus.api.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.application.participation.ConsultationView;
import de.rathaus.application.participation.ModerationLogPage;
import de.rathaus.application.participation.ModerationState;
import de.rathaus.application.participation.ProposalAnswers;
import de.rathaus.application.participation.ProposalTally;
import de.rathaus.application.participation.ProposalView;
import de.rathaus.application.participation.Supports;
import de.rathaus.domain.participation.ConsultationFormat;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.ConsultationPhase;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.participation.ProposalRuleViolation;
import de.rathaus.domain.participation.SubmitProposal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The citizen's participation forms' rare answers, in a web slice with the engine replaced: a rule
 * of the domain refusing (the phase moved on between the page and the click) is a message on the
 * page with a 409, never an error page; an unknown proposal or consultation is the 404 page; input
 * longer than the API's body allows is an error next to its field and in the summary, what was
 * entered kept and nothing sent.
 */
@WebMvcTest(
    controllers = {PortalParticipating.class, PortalParticipationController.class},
    excludeFilters =
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = RestControllerAdvice.class))
@Import({PortalConfiguration.class, PortalParticipatingTest.Fixed.class})
class PortalParticipatingTest {

  static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
  static final String FORM_ID = "0b9c7a2e-3f1d-4c5e-9a8b-7d6e5f4a3b2c";

  @TestConfiguration
  static class Fixed {
    @Bean
    Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }
  }

  @Autowired MockMvc mvc;
  @MockitoBean PortalCatalogue catalogue;
  @MockitoBean PortalParticipation participation;
  @MockitoBean Supports supports;
  @MockitoBean CommandGateway commands;
  @MockitoBean ReadYourWrites readYourWrites;
  @MockitoBean org.axonframework.queryhandling.QueryGateway queries;

  static final ConsultationId LANES = PortalPublicPagesTest.LANES;
  static final ProposalId BENCHES = PortalPublicPagesTest.BENCHES;
  static final String UNKNOWN = ProposalId.of(UUID.randomUUID()).value();

  static ConsultationView lanes(ConsultationPhase phase) {
    ConsultationView open =
        PortalPublicPagesTest.consultation(LANES, ConsultationFormat.IDEAS, "Radwege");
    return new ConsultationView(
        open.id(),
        open.content(),
        phase,
        open.draftedAt(),
        open.phases(),
        open.summary(),
        open.sequence());
  }

  static final ProposalView BENCHES_VIEW =
      PortalPublicPagesTest.proposal(
          BENCHES,
          LANES,
          "Bänke am Kiliansplatz",
          ProposalTally.PROPOSAL,
          List.of(),
          ModerationState.NONE,
          ProposalAnswers.NONE);

  @BeforeEach
  void engine() {
    when(participation.consultation(LANES.value()))
        .thenReturn(Optional.of(lanes(ConsultationPhase.OPEN)));
    when(participation.proposal(BENCHES.value())).thenReturn(Optional.of(BENCHES_VIEW));
    when(participation.actionFields()).thenReturn(List.of(PortalPublicPagesTest.MOBILITY));
    when(participation.moderationLog(any(), any(), anyInt()))
        .thenReturn(new ModerationLogPage(List.of(), null));
    // the read-your-writes wait runs the command it is given
    doAnswer(call -> ((Supplier<?>) call.getArgument(0)).get())
        .when(readYourWrites)
        .run(any(), any(String[].class));
  }

  private static MockHttpServletRequestBuilder asAnna(MockHttpServletRequestBuilder request) {
    return request.with(csrf()).with(user("anna").authorities(() -> "ROLE_CITIZEN"));
  }

  private String body(MockHttpServletRequestBuilder request, int status) throws Exception {
    return mvc.perform(request)
        .andExpect(status().is(status))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void aSupportRefusedByThePhaseIsAMessageOnTheProposalsPage() throws Exception {
    doThrow(
            new ProposalRuleViolation(
                BENCHES, ProposalRuleViolation.Code.SUPPORTS_CLOSED, "closed meanwhile"))
        .when(supports)
        .support(any(de.rathaus.domain.shared.CitizenId.class), any(), any(), any(), any());
    String page =
        body(
            asAnna(post("/portal/beteiligung/vorschlag/" + BENCHES.value() + "/unterstuetzung"))
                .param("aktion", "unterstuetzen"),
            409);
    assertThat(page)
        .contains("Das ist gerade nicht möglich")
        .contains("Unterstützungen werden nur gegeben und zurückgenommen")
        .contains("Bänke am Kiliansplatz")
        .doesNotContain("Exception");
  }

  @Test
  void aProposalRefusedBecauseTheProposalPhaseEndedKeepsWhatWasEntered() throws Exception {
    doThrow(
            new ProposalRuleViolation(
                BENCHES, ProposalRuleViolation.Code.CONSULTATION_NOT_OPEN, "voting now"))
        .when(commands)
        .sendAndWait(any(SubmitProposal.class));
    String page =
        body(
            asAnna(post("/portal/beteiligung/" + LANES.value() + "/vorschlagen"))
                .param("titel", "Mehr Bänke")
                .param("text", "Am Neckarufer")
                .param("name", "Anna B.")
                .param("formular", FORM_ID),
            409);
    assertThat(page)
        .contains("Vorschläge werden nur angenommen, solange das Verfahren offen ist")
        .contains("value=\"Mehr Bänke\"", "Am Neckarufer", "value=\"Anna B.\"");
  }

  @Test
  void anUnknownProposalOrConsultationIsTheNotFoundPage() throws Exception {
    when(participation.proposal(UNKNOWN)).thenReturn(Optional.empty());
    when(participation.consultation("kein-verfahren")).thenReturn(Optional.empty());
    String base = "/portal/beteiligung/vorschlag/" + UNKNOWN;
    for (MockHttpServletRequestBuilder request :
        List.of(
            post(base + "/unterstuetzung").param("aktion", "unterstuetzen"),
            post(base + "/bewertung").param("sterne", "4"),
            post(base + "/kommentare")
                .param("kommentar", "Gut")
                .param("name", "Anna")
                .param("formular", FORM_ID),
            get(base + "/mitmachen"),
            get("/portal/beteiligung/kein-verfahren/vorschlagen"),
            post("/portal/beteiligung/kein-verfahren/vorschlagen")
                .param("titel", "T")
                .param("text", "T")
                .param("name", "N")
                .param("formular", FORM_ID))) {
      assertThat(body(asAnna(request), 404)).contains("Seite nicht gefunden");
    }
    verifyNoInteractions(commands, readYourWrites);
    verify(supports, never())
        .support(any(de.rathaus.domain.shared.CitizenId.class), any(), any(), any(), any());
  }

  @Test
  void inputLongerThanTheApiAllowsIsAnErrorNextToItsFieldAndNothingIsSent() throws Exception {
    String page =
        body(
            asAnna(post("/portal/beteiligung/" + LANES.value() + "/vorschlagen"))
                .param("titel", "T".repeat(201))
                .param("text", "Am Neckarufer")
                .param("name", "")
                .param("formular", FORM_ID),
            400);
    assertThat(page)
        .contains("Es gibt ein Problem", "href=\"#feld-titel\"", "href=\"#feld-name\"")
        .contains("id=\"feld-titel-error\"", "aria-describedby=\"feld-titel-error\"")
        .contains("Der Text ist zu lang.", "Bitte machen Sie hier eine Angabe.")
        .contains("value=\"" + "T".repeat(201) + "\"", "Am Neckarufer")
        .doesNotContain("href=\"#feld-text\"");

    String comment =
        body(
            asAnna(post("/portal/beteiligung/vorschlag/" + BENCHES.value() + "/kommentare"))
                .param("kommentar", "K".repeat(5_001))
                .param("name", "Anna")
                .param("formular", FORM_ID),
            400);
    assertThat(comment)
        .contains("href=\"#feld-kommentar\"", "id=\"feld-kommentar-error\"")
        .contains("Der Text ist zu lang.", "K".repeat(5_001), "value=\"Anna\"")
        .contains("Bänke am Kiliansplatz");

    String rating =
        body(
            asAnna(post("/portal/beteiligung/vorschlag/" + BENCHES.value() + "/bewertung"))
                .param("sterne", "6"),
            400);
    assertThat(rating).contains("href=\"#feld-sterne-1\"");
    verifyNoInteractions(commands, readYourWrites);
    verify(supports, never()).rate(any(), any(), any(), any(), anyInt(), any());
  }

  @Test
  void aSentProposalIsSeenOnItsOwnPageAndTheSameFormTwiceMakesOne() throws Exception {
    String location =
        mvc.perform(
                asAnna(post("/portal/beteiligung/" + LANES.value() + "/vorschlagen"))
                    .param("titel", "Mehr Bänke")
                    .param("text", "Am Neckarufer")
                    .param("name", "Anna B.")
                    .param("formular", FORM_ID))
            .andExpect(status().isSeeOther())
            .andExpect(
                header()
                    .string(
                        "Location",
                        org.hamcrest.Matchers.containsString(
                            "/portal/beteiligung/vorschlag/proposal-")))
            .andReturn()
            .getResponse()
            .getHeader("Location");
    verify(commands).sendAndWait(any(SubmitProposal.class));
    String id = location.substring(location.lastIndexOf('/') + 1);
    when(participation.proposal(id)).thenReturn(Optional.of(BENCHES_VIEW));
    mvc.perform(
            asAnna(post("/portal/beteiligung/" + LANES.value() + "/vorschlagen"))
                .param("titel", "Mehr Bänke")
                .param("text", "Am Neckarufer")
                .param("name", "Anna B.")
                .param("formular", FORM_ID))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", location));
    verify(commands).sendAndWait(any(SubmitProposal.class));
  }
}
