package de.rathaus.api.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.rathaus.application.participation.ActionFieldView;
import de.rathaus.application.participation.AnswerEntry;
import de.rathaus.application.participation.CommentView;
import de.rathaus.application.participation.ConsultationPage;
import de.rathaus.application.participation.ConsultationResults;
import de.rathaus.application.participation.ConsultationView;
import de.rathaus.application.participation.ListProposals;
import de.rathaus.application.participation.ModerationLogEntry;
import de.rathaus.application.participation.ModerationLogPage;
import de.rathaus.application.participation.ModerationState;
import de.rathaus.application.participation.ProposalAnswers;
import de.rathaus.application.participation.ProposalPage;
import de.rathaus.application.participation.ProposalTally;
import de.rathaus.application.participation.ProposalView;
import de.rathaus.application.participation.RatingSummary;
import de.rathaus.application.participation.Supports;
import de.rathaus.application.shared.Page;
import de.rathaus.application.statistics.BacklogFigures;
import de.rathaus.application.statistics.CaseStatistics;
import de.rathaus.application.statistics.MonthFigures;
import de.rathaus.application.statistics.ParticipationFigures;
import de.rathaus.application.statistics.ParticipationStatistics;
import de.rathaus.application.transparency.CheckpointView;
import de.rathaus.application.transparency.Checkpoints;
import de.rathaus.application.transparency.LogKeySet;
import de.rathaus.application.transparency.VerifierKey;
import de.rathaus.domain.participation.ActionFieldCode;
import de.rathaus.domain.participation.AnswerStatus;
import de.rathaus.domain.participation.CommentId;
import de.rathaus.domain.participation.ConsultationContent;
import de.rathaus.domain.participation.ConsultationFormat;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.ConsultationPhase;
import de.rathaus.domain.participation.ModeratorRole;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.participation.SustainabilityGoal;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.LocalizedText;
import java.math.BigDecimal;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The portal's public participation, statistics and transparency pages in a web slice, over read
 * models given here: what each page shows of what the API shows an anonymous caller (a hidden
 * proposal as a stub, hidden comments only by the moderation log's reason), filters refused as a
 * 400 page with the error next to the field, unknown ids as the 404 page, figures and bars written
 * as text, and hostile text kept inert.
 */
@WebMvcTest(
    controllers = {
      PortalParticipationController.class,
      PortalStatisticsController.class,
      PortalTransparencyController.class
    },
    excludeFilters =
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = RestControllerAdvice.class))
@Import({PortalConfiguration.class, PortalPublicPagesTest.Fixed.class})
class PortalPublicPagesTest {

  static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
  static final Instant ROTATION = Instant.parse("2026-03-01T11:00:00Z");
  static final VerifierKey EARLIER;

  static {
    try {
      EARLIER = Fixed.verifierKey();
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  static final String HOSTILE = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>";

  @TestConfiguration
  static class Fixed {
    @Bean
    Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    /** The signing key since {@link #ROTATION}, and {@link #EARLIER} that signed before. */
    @Bean
    LogKeySet logKeys() throws Exception {
      return LogKeySet.of(
          List.of(
              new LogKeySet.KeyPeriod(verifierKey(), ROTATION, null),
              new LogKeySet.KeyPeriod(EARLIER, null, ROTATION)));
    }

    static VerifierKey verifierKey() throws Exception {
      byte[] spki =
          KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
      String pem =
          "-----BEGIN PUBLIC KEY-----\n"
              + Base64.getEncoder().encodeToString(spki)
              + "\n-----END PUBLIC KEY-----\n";
      return VerifierKey.fromPem("rathaus.example/log", pem);
    }
  }

  @Autowired MockMvc mvc;
  @MockitoBean PortalCatalogue catalogue;
  @MockitoBean PortalParticipation participation;
  // the citizen's own supports and ratings (PortalTaking): none, for anonymous visitors
  @MockitoBean Supports supports;
  @MockitoBean PortalStatistics statistics;
  @MockitoBean Checkpoints checkpoints;

  static final ConsultationId LANES = ConsultationId.of(UUID.randomUUID());
  static final ConsultationId LAB = ConsultationId.of(UUID.randomUUID());
  static final ProposalId BENCHES = ProposalId.of(UUID.randomUUID());
  static final ProposalId RUDE = ProposalId.of(UUID.randomUUID());
  static final ProposalId SENSORS = ProposalId.of(UUID.randomUUID());
  static final CommentId QUESTION = CommentId.of(UUID.randomUUID());
  static final CommentId REPLY = CommentId.of(UUID.randomUUID());
  static final CommentId INSULT = CommentId.of(UUID.randomUUID());

  static final ActionFieldView MOBILITY =
      new ActionFieldView(
          new ActionFieldCode("mobilitaet"),
          new LocalizedText("Mobilität", "Mobility"),
          new LocalizedText("Wege", "Ways"),
          true,
          0);

  static ConsultationView consultation(ConsultationId id, ConsultationFormat format, String de) {
    return new ConsultationView(
        id,
        new ConsultationContent(
            new LocalizedText(de, null),
            new LocalizedText("Wo fehlen Radwege?", "Where are cycle lanes missing?"),
            new ActionFieldCode("mobilitaet"),
            List.of(SustainabilityGoal.numbered(11).orElseThrow()),
            new DepartmentCode("tiefbauamt"),
            format,
            Instant.parse("2026-06-01T08:00:00Z"),
            Instant.parse("2026-07-01T08:00:00Z"),
            null,
            format == ConsultationFormat.IDEAS ? 2 : null,
            format == ConsultationFormat.IDEAS ? 7 : null),
        ConsultationPhase.OPEN,
        Instant.parse("2026-05-20T08:00:00Z"),
        List.of(
            new ConsultationView.PhaseEntry(
                ConsultationPhase.OPEN, Instant.parse("2026-06-01T08:00:00Z"))),
        null,
        1);
  }

  static ProposalView proposal(
      ProposalId id,
      ConsultationId consultation,
      String title,
      ProposalTally tally,
      List<CommentView> comments,
      ModerationState moderation,
      ProposalAnswers answers) {
    return new ProposalView(
        id,
        consultation,
        new CitizenId("anna"),
        "Anna " + title,
        title,
        "Text zu " + title,
        null,
        Instant.parse("2026-06-02T09:00:00Z"),
        null,
        1,
        tally,
        comments,
        moderation,
        answers);
  }

  static final ProposalView BENCHES_VIEW =
      proposal(
          BENCHES,
          LANES,
          "Bänke am Kiliansplatz",
          new ProposalTally(2, null, 2, 1, List.of()),
          List.of(
              new CommentView(
                  QUESTION,
                  null,
                  new CitizenId("ben"),
                  "Ben",
                  "Auch im Schatten?",
                  Instant.parse("2026-06-03T09:00:00Z"),
                  false),
              new CommentView(
                  REPLY,
                  QUESTION,
                  new CitizenId("anna"),
                  "Anna",
                  "Ja, unter den Linden.",
                  Instant.parse("2026-06-03T10:00:00Z"),
                  false),
              new CommentView(
                  INSULT,
                  null,
                  new CitizenId("ben"),
                  "Ben",
                  "Unsinn, geheimer Text!",
                  Instant.parse("2026-06-03T11:00:00Z"),
                  true)),
          ModerationState.NONE,
          new ProposalAnswers(
              2,
              7,
              Instant.parse("2026-06-04T09:00:00Z"),
              List.of(
                  new AnswerEntry(
                      AnswerStatus.ACCEPTED,
                      "Wir prüfen vier Bänke.",
                      Instant.parse("2026-06-05T09:00:00Z")),
                  new AnswerEntry(
                      AnswerStatus.IN_IMPLEMENTATION,
                      "Vier Bänke im Juni.",
                      Instant.parse("2026-06-08T09:00:00Z")))));

  static final ProposalView RUDE_VIEW =
      proposal(
          RUDE,
          LANES,
          "Geheimer Titel",
          ProposalTally.PROPOSAL,
          List.of(),
          new ModerationState(
              true, "Werbung (Netiquette 3)", Instant.parse("2026-06-04T09:00:00Z")),
          ProposalAnswers.NONE);

  static final ProposalView SENSORS_VIEW =
      proposal(
          SENSORS,
          LAB,
          "Parksensoren Wollhaus",
          new ProposalTally(0, new RatingSummary(3, List.of(0L, 1L, 0L, 0L, 2L)), 3, 2, List.of()),
          List.of(),
          ModerationState.NONE,
          ProposalAnswers.NONE);

  static final ModerationLogEntry INSULT_HIDDEN =
      new ModerationLogEntry(
          "e1",
          LANES,
          BENCHES,
          INSULT,
          ModerationLogEntry.Kind.COMMENT,
          ModerationLogEntry.Action.HIDDEN,
          "Beleidigend (Netiquette 2)",
          ModeratorRole.MODERATOR,
          Instant.parse("2026-06-03T12:00:00Z"),
          1);

  @BeforeEach
  void readModels() {
    when(participation.actionFields()).thenReturn(List.of(MOBILITY));
    ConsultationView lanes = consultation(LANES, ConsultationFormat.IDEAS, "Radwege");
    ConsultationView lab = consultation(LAB, ConsultationFormat.FEEDBACK, "Reallabor Parken");
    when(participation.consultations(any(), any(), any(), anyInt()))
        .thenReturn(new ConsultationPage(List.of(lanes, lab), null));
    when(participation.consultation(LANES.value())).thenReturn(Optional.of(lanes));
    when(participation.consultation(LAB.value())).thenReturn(Optional.of(lab));
    when(participation.proposals(eq(LANES), any(), any(), anyInt()))
        .thenReturn(new ProposalPage(List.of(BENCHES_VIEW, RUDE_VIEW), null));
    when(participation.proposals(eq(LAB), any(), any(), anyInt()))
        .thenReturn(new ProposalPage(List.of(SENSORS_VIEW), null));
    when(participation.proposal(BENCHES.value())).thenReturn(Optional.of(BENCHES_VIEW));
    when(participation.proposal(RUDE.value())).thenReturn(Optional.of(RUDE_VIEW));
    when(participation.proposal(SENSORS.value())).thenReturn(Optional.of(SENSORS_VIEW));
    when(participation.moderationLog(eq(LANES), any(), anyInt()))
        .thenReturn(new ModerationLogPage(List.of(INSULT_HIDDEN), null));
    when(participation.moderationLog(eq(LAB), any(), anyInt()))
        .thenReturn(new ModerationLogPage(List.of(), null));
    when(participation.results(eq(LANES), any()))
        .thenReturn(ConsultationResults.of(LANES, List.of(BENCHES_VIEW, RUDE_VIEW), NOW));
    when(catalogue.services()).thenReturn(List.of());
    when(catalogue.departments()).thenReturn(List.of());
  }

  private String page(String path) throws Exception {
    return mvc.perform(get(path))
        .andExpect(status().isOk())
        .andExpect(
            header().string("Content-Security-Policy", PortalConfiguration.CONTENT_SECURITY_POLICY))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void theConsultationsAreListedWithPhaseFieldAndDatesAndTheNavigationMarksParticipation()
      throws Exception {
    String html = page("/portal/beteiligung");
    assertThat(html).contains("<html lang=\"de\"", "Beteiligungsverfahren", "2 Verfahren");
    assertThat(html).contains("Radwege", "Reallabor Parken", "Offen für Vorschläge", "Mobilität");
    assertThat(html).contains("href=\"/portal/beteiligung/" + LANES.value() + "\"");
    assertThat(html).contains("<time datetime=\"2026-06-01T08:00:00Z\"");
    assertThat(html)
        .contains(
            "href=\"/portal/beteiligung\" aria-current=\"page\"",
            "href=\"/portal/statistik\"",
            "href=\"/portal/transparenz\"");
    assertThat(html).doesNotContain("<script", "style=");
  }

  @Test
  void theFiltersAreSentAsTheApiSendsThemAndStayChosen() throws Exception {
    String html = page("/portal/beteiligung?feld=mobilitaet&phase=voting");
    verify(participation)
        .consultations(
            eq(new ActionFieldCode("mobilitaet")), eq(ConsultationPhase.VOTING), isNull(), eq(50));
    assertThat(html).contains("value=\"mobilitaet\" selected", "value=\"VOTING\" selected");
  }

  @Test
  void anUnknownActionFieldIsA400WithTheErrorNextToItsField() throws Exception {
    String html =
        mvc.perform(get("/portal/beteiligung?feld=%3Cscript%3E"))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("id=\"feld-error\"", "Dieses Handlungsfeld gibt es nicht");
    assertThat(html).contains("aria-describedby=\"feld-error\" aria-invalid=\"true\"");
    assertThat(html).doesNotContain("<script>");
    verify(participation, never()).consultations(any(), any(), any(), anyInt());
  }

  @Test
  void anUnknownPhaseOrADraftIsA400WithTheErrorNextToItsField() throws Exception {
    for (String phase : List.of("bald", "DRAFT")) {
      String html =
          mvc.perform(get("/portal/beteiligung?phase=" + phase))
              .andExpect(status().isBadRequest())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(html).as(phase).contains("id=\"phase-error\"", "aria-invalid=\"true\"");
    }
    verify(participation, never()).consultations(any(), any(), any(), anyInt());
  }

  @Test
  void aCursorNoPageMadeIsA400() throws Exception {
    when(participation.consultations(any(), any(), eq("kaputt"), anyInt()))
        .thenThrow(new Page.InvalidPageRequest("cursor"));
    String html =
        mvc.perform(get("/portal/beteiligung?weiter=kaputt"))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("Diese Seite der Liste gibt es nicht");
  }

  @Test
  void aConsultationShowsItsPhaseDatesDescriptionAndProposalsAHiddenOneAsAStub() throws Exception {
    String html = page("/portal/beteiligung/" + LANES.value());
    assertThat(html).contains("<h1>Radwege</h1>", "Wo fehlen Radwege?", "Offen für Vorschläge");
    assertThat(html).contains("Ab 2 Unterstützungen antwortet die Stadt binnen 7 Tagen.");
    assertThat(html).contains("11 – Nachhaltige Städte und Gemeinden");
    assertThat(html).contains("Bänke am Kiliansplatz", "2 Unterstützungen", "2 Kommentare");
    assertThat(html).contains("Antwort der Stadt</span>: <span>In Umsetzung");
    assertThat(html).contains("Von der Moderation ausgeblendet", "Werbung (Netiquette 3)");
    assertThat(html).doesNotContain("Geheimer Titel", "Text zu Geheimer Titel");
    assertThat(html).contains("/portal/beteiligung/" + LANES.value() + "/ergebnisse");
    verify(participation).proposals(LANES, ListProposals.Order.SUPPORTS, null, 50);
  }

  @Test
  void unknownOrMalformedIdsAnswerThe404Page() throws Exception {
    for (String path :
        List.of(
            "/portal/beteiligung/" + ConsultationId.of(UUID.randomUUID()).value(),
            "/portal/beteiligung/kein-verfahren",
            "/portal/beteiligung/vorschlag/" + ProposalId.of(UUID.randomUUID()).value(),
            "/portal/beteiligung/vorschlag/kein-vorschlag",
            "/portal/beteiligung/kein-verfahren/ergebnisse",
            "/portal/beteiligung/kein-verfahren/moderation")) {
      when(participation.consultation("kein-verfahren")).thenReturn(Optional.empty());
      String html =
          mvc.perform(get(path))
              .andExpect(status().isNotFound())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(html).as(path).contains("Seite nicht gefunden");
    }
  }

  @Test
  void aProposalShowsItsTextAuthorSupportsCommentsAndTheCitysAnswersWithTheirHistory()
      throws Exception {
    String html = page("/portal/beteiligung/vorschlag/" + BENCHES.value());
    assertThat(html).contains("<h1>Bänke am Kiliansplatz</h1>", "Text zu Bänke am Kiliansplatz");
    assertThat(html).contains("Anna Bänke am Kiliansplatz", "class=\"supports\">2<");
    assertThat(html).contains("Auch im Schatten?", "Ja, unter den Linden.", "2 Kommentare");
    assertThat(html).contains("In Umsetzung", "Vier Bänke im Juni.");
    assertThat(html).contains("Verlauf der Antworten", "Angenommen", "Wir prüfen vier Bänke.");
    assertThat(html)
        .as("the hidden comment: what the moderation log tells, never its text")
        .contains(
            "Ein Kommentar wurde von der Moderation ausgeblendet.", "Beleidigend (Netiquette 2)")
        .doesNotContain("Unsinn, geheimer Text!");
  }

  @Test
  void aHiddenProposalIsAStubWithTheModerationsReason() throws Exception {
    String html = page("/portal/beteiligung/vorschlag/" + RUDE.value());
    assertThat(html).contains("<h1>Von der Moderation ausgeblendet</h1>", "Werbung (Netiquette 3)");
    assertThat(html).doesNotContain("Geheimer Titel", "Anna Geheimer");
  }

  @Test
  void aPilotProjectShowsItsRatingAverageCountAndDistributionInText() throws Exception {
    String html = page("/portal/beteiligung/vorschlag/" + SENSORS.value());
    assertThat(html).contains("4 von 5 Sternen", "3 Bewertungen");
    assertThat(html).contains("<caption>Verteilung der Bewertungen (1 bis 5 Sterne)</caption>");
    assertThat(html).contains("<th scope=\"row\">5 Sterne</th>");
    assertThat(html)
        .contains("bar-65", "class=\"bar-value\">2<", "bar-35", "class=\"bar-value\">1<");
    assertThat(html).doesNotContain("Unterstützungen</dt>");
  }

  @Test
  void theResultsShowTheSharesAndTheCitysAnswers() throws Exception {
    String html = page("/portal/beteiligung/" + LANES.value() + "/ergebnisse");
    assertThat(html).contains("<h1>Ergebnisse</h1>", "Zwischenstand");
    assertThat(html).contains("Anteil beantwortet", "100\u00a0%", "Fristgerecht beantwortet");
    assertThat(html).contains("Bänke am Kiliansplatz", "In Umsetzung", "Vier Bänke im Juni.");
    assertThat(html).doesNotContain("Geheimer Titel");
  }

  @Test
  void theModerationLogShowsWhatWhenWhyAndTheRoleNeverTheContent() throws Exception {
    String html = page("/portal/beteiligung/" + LANES.value() + "/moderation");
    assertThat(html)
        .contains("Moderationsprotokoll", "Kommentar zu einem Vorschlag", "ausgeblendet");
    assertThat(html).contains("Beleidigend (Netiquette 2)", "<td>Moderation</td>");
    assertThat(html).doesNotContain("Unsinn, geheimer Text!", "ben");
  }

  @Test
  void hostileTextStaysInertOnEveryPageThatShowsIt() throws Exception {
    ProposalView hostile =
        proposal(
            BENCHES,
            LANES,
            HOSTILE,
            ProposalTally.PROPOSAL,
            List.of(
                new CommentView(
                    QUESTION, null, new CitizenId("ben"), HOSTILE, HOSTILE, NOW, false)),
            ModerationState.NONE,
            ProposalAnswers.NONE);
    when(participation.proposal(BENCHES.value())).thenReturn(Optional.of(hostile));
    when(participation.proposals(eq(LANES), any(), any(), anyInt()))
        .thenReturn(new ProposalPage(List.of(hostile), null));
    when(participation.results(eq(LANES), any()))
        .thenReturn(ConsultationResults.of(LANES, List.of(hostile), NOW));
    for (String path :
        List.of(
            "/portal/beteiligung/vorschlag/" + BENCHES.value(),
            "/portal/beteiligung/" + LANES.value(),
            "/portal/beteiligung/" + LANES.value() + "/ergebnisse")) {
      String html = page(path);
      assertThat(html).as(path).doesNotContain("<script", "<img");
      assertThat(html).as(path).contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img");
    }
  }

  @Test
  void theStatisticsAreTablesWithEveryFigureInTextSuppressedOnesSaidAndTheOpenDataLinked()
      throws Exception {
    when(statistics.services(any(), any()))
        .thenReturn(
            new CaseStatistics(
                List.of(
                    new MonthFigures(
                        "meldebescheinigung",
                        YearMonth.of(2026, 5),
                        12,
                        10,
                        null,
                        new BigDecimal("2.5"),
                        new BigDecimal("6.0"),
                        new BigDecimal("0.900"))),
                List.of(new BacklogFigures("meldebescheinigung", 8, null)),
                YearMonth.of(2026, 5),
                YearMonth.of(2026, 5),
                NOW));
    when(statistics.departments(any(), any()))
        .thenReturn(new CaseStatistics(List.of(), List.of(), null, null, null));
    when(statistics.participation())
        .thenReturn(
            new ParticipationStatistics(
                new ParticipationFigures(
                    null,
                    2,
                    7,
                    1,
                    9,
                    null,
                    new BigDecimal("0.500"),
                    null,
                    5,
                    new BigDecimal("3.40")),
                List.of(
                    new ParticipationFigures(
                        "mobilitaet", 2, 7, 1, 9, null, null, null, null, null)),
                List.of(new ParticipationFigures("11", 2, 7, 1, 9, null, null, null, null, null)),
                NOW,
                NOW));
    String html = page("/portal/statistik");
    assertThat(html).contains("<h1>Statistik</h1>", "aria-current=\"page\"");
    assertThat(html)
        .contains("Mai 2026", "meldebescheinigung", "<td>12</td>", "<td>unterdrückt</td>");
    assertThat(html)
        .contains("bar-100", "class=\"bar-value\">2,5<", "class=\"bar-value\">90\u00a0%<");
    assertThat(html).contains("Insgesamt", "Mobilität", "11 – Nachhaltige Städte und Gemeinden");
    assertThat(html).contains("class=\"bar-value\">50\u00a0%<", "3,4 von 5 (5 Bewertungen)");
    assertThat(html).contains("Noch keine Zahlen.");
    assertThat(html)
        .contains(
            "href=\"/api/v1/open-data\"",
            "href=\"/api/v1/open-data/services-monthly.csv\"",
            "href=\"/api/v1/open-data/participation.csv\"");
  }

  @Test
  void theStatisticsMonthsAreSentAsTheApiSendsThem() throws Exception {
    when(statistics.services(any(), any()))
        .thenReturn(new CaseStatistics(List.of(), List.of(), null, null, null));
    when(statistics.departments(any(), any()))
        .thenReturn(new CaseStatistics(List.of(), List.of(), null, null, null));
    when(statistics.participation())
        .thenReturn(
            new ParticipationStatistics(
                new ParticipationFigures(null, 0, null, 0, null, null, null, null, null, null),
                List.of(),
                List.of(),
                null,
                null));
    String html = page("/portal/statistik?von=2026-01&bis=2026-05");
    verify(statistics).services(YearMonth.of(2026, 1), YearMonth.of(2026, 5));
    verify(statistics).departments(YearMonth.of(2026, 1), YearMonth.of(2026, 5));
    assertThat(html).contains("value=\"2026-01\"", "value=\"2026-05\"");
  }

  @Test
  void aBadMonthOrAnEndBeforeTheStartIsA400WithTheErrorNextToItsFieldAndNothingQueried()
      throws Exception {
    for (String[] bad :
        List.of(
            new String[] {"von=2026-13", "von-error"},
            new String[] {"bis=1999-12", "bis-error"},
            new String[] {"von=%3Cscript%3E", "von-error"},
            new String[] {"von=2026-05&bis=2026-01", "bis-error"})) {
      String html =
          mvc.perform(get("/portal/statistik?" + bad[0]))
              .andExpect(status().isBadRequest())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(html).as(bad[0]).contains("id=\"" + bad[1] + "\"", "aria-invalid=\"true\"");
      assertThat(html).as(bad[0]).doesNotContain("<script>");
    }
    assertThat(
            mvc.perform(get("/portal/statistik?von=2026-05&bis=2026-01"))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("darf nicht vor dem Monat");
    verify(statistics, never()).services(any(), any());
    verify(statistics, never()).participation();
  }

  @Test
  void theTransparencyPageShowsTheLatestCheckpointTheKeyAndTheOfflineCheck() throws Exception {
    when(checkpoints.latest())
        .thenReturn(
            Optional.of(
                new CheckpointView(
                    3,
                    "rathaus.example/log",
                    42,
                    "cm9vdA==",
                    NOW.minus(Duration.ofMinutes(5)),
                    "c2lnbmF0dXJl",
                    "abcd1234",
                    "rathaus.example/log\n42\ncm9vdA==\n\n— rathaus.example/log xyz\n")));
    String html = page("/portal/transparenz");
    assertThat(html).contains("class=\"tree-size\">42<", "cm9vdA==", "c2lnbmF0dXJl", "abcd1234");
    assertThat(html)
        .contains("rathaus.example/log", "-----BEGIN PUBLIC KEY-----", "rathaus.example/log+");
    assertThat(html)
        .contains(
            "java -jar api/target/rathaus.jar verify history.jsonl checkpoint.json log-key.json");
    assertThat(html)
        .contains(
            "href=\"/api/v1/audit/checkpoints/latest\"", "href=\"/.well-known/rathaus-log-key\"");
  }

  @Test
  void theTransparencyPageListsTheEarlierKeysWithTheirPeriods() throws Exception {
    when(checkpoints.latest()).thenReturn(Optional.empty());
    String html = page("/portal/transparenz");
    assertThat(html)
        .contains(
            "Frühere Schlüssel des Protokolls",
            EARLIER.verifierKeyString(),
            EARLIER.keyIdHex(),
            "seit Beginn des Protokolls",
            "datetime=\"" + ROTATION + "\"");
  }

  @Test
  void withoutACheckpointTheTransparencyPageSaysSo() throws Exception {
    when(checkpoints.latest()).thenReturn(Optional.empty());
    assertThat(page("/portal/transparenz")).contains("Es gibt noch keinen signierten Stand.");
  }

  @Test
  void theEnglishPagesMarkGermanOnlyTexts() throws Exception {
    String html =
        mvc.perform(get("/portal/beteiligung/" + LANES.value()).header("Accept-Language", "en"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("<html lang=\"en\"", "Open for proposals", "Where are cycle lanes missing?");
    assertThat(html).contains("<h1 lang=\"de\">Radwege</h1>");
  }
}
