package de.rathaus.api.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
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

import de.rathaus.api.audit.AggregateStateController;
import de.rathaus.api.privacy.AccessRecording;
import de.rathaus.api.shared.ReadModelRebuilds;
import de.rathaus.api.transparency.TransparencyController;
import de.rathaus.application.audit.AggregateHistory;
import de.rathaus.application.audit.AuditActor;
import de.rathaus.application.audit.AuditEvent;
import de.rathaus.application.audit.AuditEventPage;
import de.rathaus.application.audit.FindAggregateHistory;
import de.rathaus.application.audit.ListAuditEvents;
import de.rathaus.application.privacy.AccessKind;
import de.rathaus.application.shared.Page;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The auditors' pages' rare answers, in a web slice with the queries, the rebuilds and the API's
 * controllers replaced: an unknown aggregate or read model is the 404 page; a filter value the API
 * would refuse is an error next to its field (400, nothing queried); a page cursor no page made, a
 * rebuild under way already, are said on the page; the data-protection officer's reads are recorded
 * as the API records them, an auditor's are not.
 */
@WebMvcTest(
    controllers = {PortalAuditTrail.class, PortalReadModels.class, PortalVerification.class},
    excludeFilters =
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = RestControllerAdvice.class))
@Import(PortalConfiguration.class)
class PortalAuditPagesTest {

  @Autowired MockMvc mvc;
  @MockitoBean QueryGateway queries;
  @MockitoBean AccessRecording access;
  @MockitoBean AggregateStateController states;
  @MockitoBean TransparencyController transparency;
  @MockitoBean ReadModelRebuilds rebuilds;
  @MockitoBean de.rathaus.api.audit.ProjectionController projections;

  static final RequestPostProcessor UDO = user("udo").authorities(() -> "ROLE_AUDITOR");
  static final RequestPostProcessor ADA = user("ada").authorities(() -> "ROLE_ADMIN");

  static AuditEvent event(long sequence, String type) {
    return new AuditEvent(
        10 + sequence,
        sequence,
        "req-1",
        "ServiceRequest",
        type,
        "de.rathaus.domain.servicerequest." + type,
        "1",
        Instant.parse("2026-05-04T10:00:00Z").plusSeconds(sequence * 60),
        new AuditActor("clara", "CLERK", "buergeramt"),
        "api",
        "corr-1",
        "cause-1",
        Map.of("description", "<script>alert(1)</script>", "name", AuditEvent.PERSONAL));
  }

  private String page(org.springframework.test.web.servlet.ResultActions sent) throws Exception {
    return sent.andReturn().getResponse().getContentAsString();
  }

  @Test
  void anUnknownAggregateIsTheNotFoundPage() throws Exception {
    when(queries.query(
            any(FindAggregateHistory.class),
            any(org.axonframework.messaging.responsetypes.ResponseType.class)))
        .thenReturn(CompletableFuture.completedFuture(new AggregateHistory(List.of())));
    String body =
        page(
            mvc.perform(get("/portal/pruefung/verlauf/unbekannt").with(UDO))
                .andExpect(status().isNotFound()));
    assertThat(body).contains("Seite nicht gefunden");
    verifyNoInteractions(states);
  }

  @Test
  void filterValuesTheApiWouldRefuseAreErrorsNextToTheirFieldsAndNothingIsQueried()
      throws Exception {
    String body =
        page(
            mvc.perform(
                    get("/portal/pruefung/ereignisse")
                        .with(UDO)
                        .param("von", "gestern")
                        .param("ab", "-1")
                        .param("typ", "x".repeat(301))
                        .param("akteur", "<script>alert(1)</script>"))
                .andExpect(status().isBadRequest()));
    assertThat(body)
        .contains("Es gibt ein Problem", "href=\"#von\"", "href=\"#ab\"", "href=\"#typ\"")
        .contains("id=\"von-error\"", "aria-describedby=\"von-hint von-error\"")
        .contains("aria-invalid=\"true\"")
        .contains("value=\"gestern\"", "value=\"-1\"")
        .contains("Bitte geben Sie Datum und Uhrzeit an", "Der Wert ist zu lang.")
        .doesNotContain("<script>alert")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    // an end before the start
    String reversed =
        page(
            mvc.perform(
                    get("/portal/pruefung/ereignisse")
                        .with(UDO)
                        .param("von", "2026-05-04T12:00")
                        .param("bis", "2026-05-04T11:00"))
                .andExpect(status().isBadRequest()));
    assertThat(reversed).contains("id=\"bis-error\"", "„Bis“ darf nicht vor „Von“ liegen.");
    verifyNoInteractions(queries);
  }

  @Test
  void aCursorNoPageMadeIsSaidOnThePage() throws Exception {
    when(queries.query(
            any(ListAuditEvents.class),
            any(org.axonframework.messaging.responsetypes.ResponseType.class)))
        .thenReturn(CompletableFuture.failedFuture(new Page.InvalidPageRequest("cursor")));
    String body =
        page(
            mvc.perform(get("/portal/pruefung/ereignisse").with(UDO).param("weiter", "erfunden"))
                .andExpect(status().isBadRequest()));
    assertThat(body).contains("Diese Seite des Prüfpfads gibt es nicht");
  }

  @Test
  void theTrailKeepsItsFiltersOnTheNextPageAndRecordsOnlyTheDataProtectionOfficersReads()
      throws Exception {
    when(queries.query(
            any(ListAuditEvents.class),
            any(org.axonframework.messaging.responsetypes.ResponseType.class)))
        .thenReturn(
            CompletableFuture.completedFuture(
                new AuditEventPage(List.of(event(0, "ServiceRequestSubmitted")), "c42")));
    String body =
        page(
            mvc.perform(get("/portal/pruefung/ereignisse").with(UDO).param("akteur", "clara"))
                .andExpect(status().isOk()));
    assertThat(body)
        .contains("href=\"/portal/pruefung/ereignisse?akteur=clara&amp;weiter=c42\"")
        .contains("href=\"/portal/pruefung/verlauf/req-1\"", "[personal]")
        .doesNotContain("<script>alert");
    verify(access, never()).history(any(), any(), anyList(), any());

    mvc.perform(get("/portal/pruefung/ereignisse").with(ADA)).andExpect(status().isOk());
    verify(access)
        .history(any(), eq("ServiceRequest"), eq(List.of("req-1")), eq(AccessKind.AUDIT_TRAIL));
  }

  @Test
  void aSliderValueThatIsNoEventOrAMomentThatIsNoneIsAnErrorAtItsField() throws Exception {
    when(queries.query(
            any(FindAggregateHistory.class),
            any(org.axonframework.messaging.responsetypes.ResponseType.class)))
        .thenReturn(
            CompletableFuture.completedFuture(
                new AggregateHistory(
                    List.of(event(0, "ServiceRequestSubmitted"), event(1, "CaseAssigned")))));
    String event =
        page(
            mvc.perform(get("/portal/pruefung/verlauf/req-1").with(UDO).param("ereignis", "7"))
                .andExpect(status().isBadRequest()));
    assertThat(event)
        .contains("href=\"#ereignis\"", "id=\"ereignis-error\"", "type=\"range\"")
        .contains("Bitte wählen Sie eines der Ereignisse dieses Vorgangs.")
        .doesNotContain("<script>alert");
    String moment =
        page(
            mvc.perform(
                    get("/portal/pruefung/verlauf/req-1")
                        .with(UDO)
                        .param("zeitpunkt", "1999-01-01T00:00"))
                .andExpect(status().isBadRequest()));
    assertThat(moment).contains("href=\"#zeitpunkt\"", "value=\"1999-01-01T00:00\"");
    verifyNoInteractions(states);
  }

  @Test
  void aRebuildUnderWayAlreadyIsSaidOnTheListAndAnUnknownReadModelIsNotFound() throws Exception {
    when(rebuilds.list())
        .thenReturn(
            List.of(
                new ReadModelRebuilds.Standing(
                    "cases", 1, 2, ReadModelRebuilds.Status.REBUILDING, 40L, 0L)));
    when(rebuilds.progress("cases")).thenReturn(Optional.empty());
    when(rebuilds.rebuild("cases")).thenThrow(mock(ReadModelRebuilds.RebuildRunning.class));
    String body =
        page(
            mvc.perform(post("/portal/pruefung/lesemodelle/cases/neuaufbau").with(csrf()).with(UDO))
                .andExpect(status().isConflict()));
    assertThat(body).contains("Ein Neuaufbau von „cases“ läuft bereits");

    when(rebuilds.rebuild("nichts")).thenThrow(mock(ReadModelRebuilds.UnknownReadModel.class));
    mvc.perform(post("/portal/pruefung/lesemodelle/nichts/neuaufbau").with(csrf()).with(UDO))
        .andExpect(status().isNotFound());
  }

  @Test
  void aRebuildLeadsBackToTheListWhichMayReadTheProgressFromTheEngine() throws Exception {
    when(rebuilds.list())
        .thenReturn(
            List.of(
                new ReadModelRebuilds.Standing(
                    "cases", 1, 2, ReadModelRebuilds.Status.LIVE, 40L, 0L)));
    when(rebuilds.progress("cases")).thenReturn(Optional.empty());
    mvc.perform(post("/portal/pruefung/lesemodelle/cases/neuaufbau").with(csrf()).with(ADA))
        .andExpect(status().isSeeOther())
        .andExpect(
            header()
                .string("Location", "/portal/pruefung/lesemodelle?gestartet=cases#modell-cases"));
    verify(rebuilds).rebuild("cases");
    mvc.perform(get("/portal/pruefung/lesemodelle").with(UDO))
        .andExpect(status().isOk())
        .andExpect(
            header()
                .string(
                    "Content-Security-Policy",
                    org.hamcrest.Matchers.containsString("connect-src 'self'")));
    // the other pages keep the portal's policy
    when(queries.query(
            any(ListAuditEvents.class),
            any(org.axonframework.messaging.responsetypes.ResponseType.class)))
        .thenReturn(CompletableFuture.completedFuture(new AuditEventPage(List.of(), null)));
    mvc.perform(get("/portal/pruefung/ereignisse").with(UDO))
        .andExpect(
            header()
                .string("Content-Security-Policy", PortalConfiguration.CONTENT_SECURITY_POLICY));
  }

  @Test
  void theVerificationIsForAuditorsAndTheOtherPagesForAdministratorsToo() throws Exception {
    mvc.perform(get("/portal/pruefung/pruefen").with(ADA)).andExpect(status().isForbidden());
    mvc.perform(
            get("/portal/pruefung/lesemodelle").with(user("clara").authorities(() -> "ROLE_CLERK")))
        .andExpect(status().isForbidden());
    verifyNoInteractions(transparency);
  }

  @Test
  void thePagesSpeakEnglishWhenAskedTo() throws Exception {
    when(rebuilds.list())
        .thenReturn(
            List.of(
                new ReadModelRebuilds.Standing(
                    "cases", 1, 2, ReadModelRebuilds.Status.LIVE, 40L, 0L)));
    when(rebuilds.progress("cases")).thenReturn(Optional.empty());
    String body =
        page(
            mvc.perform(
                    get("/portal/pruefung/lesemodelle").with(UDO).header("Accept-Language", "en"))
                .andExpect(status().isOk()));
    assertThat(body)
        .contains("lang=\"en\"", "Read models", "Rebuild cases", "live")
        .contains("href=\"/portal/pruefung/ereignisse\"", ">Audit</a>");
  }
}
