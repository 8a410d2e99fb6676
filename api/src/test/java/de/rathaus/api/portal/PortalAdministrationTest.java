package de.rathaus.api.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.domain.participation.ModerateProposal;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.participation.ProposalRuleViolation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
    controllers = {PortalModerationController.class, PortalStaffController.class},
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
}
