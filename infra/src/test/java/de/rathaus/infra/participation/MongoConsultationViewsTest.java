package de.rathaus.infra.participation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import de.rathaus.application.participation.ConsultationView;
import de.rathaus.application.participation.ConsultationView.PhaseEntry;
import de.rathaus.application.participation.ListConsultations;
import de.rathaus.application.shared.Page;
import de.rathaus.domain.participation.ActionFieldCode;
import de.rathaus.domain.participation.ConsultationContent;
import de.rathaus.domain.participation.ConsultationFormat;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.ConsultationPhase;
import de.rathaus.domain.participation.SustainabilityGoal;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.LocalizedText;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The consultations' read model on the embedded server: as written, filtered, paged, due. */
class MongoConsultationViewsTest {

  private static final Instant T = Instant.parse("2026-05-01T08:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

  @TempDir Path dataDir;
  private EmbeddedMongoServer server;
  private MongoClient client;
  private MongoDatabase database;
  private MongoConsultationViews views;

  @BeforeEach
  void start() {
    server = EmbeddedMongoServer.start(dataDir);
    client = MongoClients.create(server.connectionString());
    database = client.getDatabase("t");
    views = new MongoConsultationViews(database, JSON);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static ConsultationView view(
      String field,
      ConsultationFormat format,
      ConsultationPhase phase,
      int opensInDays,
      List<SustainabilityGoal> goals) {
    Instant opens = T.plus(Duration.ofDays(opensInDays));
    return new ConsultationView(
        ConsultationId.of(UUID.randomUUID()),
        new ConsultationContent(
            new LocalizedText("Titel " + field, "Title"),
            new LocalizedText("Beschreibung", null),
            new ActionFieldCode(field),
            goals,
            new DepartmentCode("ordnungsamt"),
            format,
            opens,
            opens.plus(Duration.ofDays(10)),
            format == ConsultationFormat.IDEAS ? opens.plus(Duration.ofDays(20)) : null,
            format == ConsultationFormat.IDEAS ? 50 : null,
            format == ConsultationFormat.IDEAS ? 30 : null),
        phase,
        T,
        phase == ConsultationPhase.DRAFT
            ? List.of()
            : List.of(new PhaseEntry(ConsultationPhase.OPEN, opens)),
        phase == ConsultationPhase.RESULTS_PUBLISHED ? new LocalizedText("Ergebnis", null) : null,
        3);
  }

  private List<ConsultationId> ids(ListConsultations query) {
    return views.list(query).items().stream().map(ConsultationView::id).toList();
  }

  @Test
  void aViewReadsBackAsItWasSaved() {
    ConsultationView saved =
        view(
            "mobilitaet",
            ConsultationFormat.IDEAS,
            ConsultationPhase.RESULTS_PUBLISHED,
            1,
            List.of(SustainabilityGoal.CLIMATE_ACTION, SustainabilityGoal.NO_POVERTY));
    views.insert(saved);

    assertThat(views.find(saved.id().value())).contains(saved);
    assertThat(views.find(ConsultationId.of(UUID.randomUUID()).value())).isEmpty();
  }

  @Test
  void theListFiltersByEveryFieldAndHidesDraftsUnlessAsked() {
    ConsultationView draft =
        view("mobilitaet", ConsultationFormat.IDEAS, ConsultationPhase.DRAFT, 4, List.of());
    ConsultationView open =
        view(
            "mobilitaet",
            ConsultationFormat.IDEAS,
            ConsultationPhase.OPEN,
            3,
            List.of(SustainabilityGoal.CLIMATE_ACTION));
    ConsultationView closed =
        view(
            "bildung",
            ConsultationFormat.FEEDBACK,
            ConsultationPhase.CLOSED,
            2,
            List.of(SustainabilityGoal.QUALITY_EDUCATION, SustainabilityGoal.CLIMATE_ACTION));
    List.of(draft, open, closed).forEach(views::insert);

    assertThat(ids(new ListConsultations(null, null, null, null, false, null, 50)))
        .containsExactly(open.id(), closed.id());
    assertThat(ids(new ListConsultations(null, null, null, null, true, null, 50)))
        .containsExactly(draft.id(), open.id(), closed.id());
    assertThat(
            ids(new ListConsultations(null, ConsultationPhase.DRAFT, null, null, false, null, 50)))
        .isEmpty();
    assertThat(
            ids(new ListConsultations(null, ConsultationPhase.DRAFT, null, null, true, null, 50)))
        .containsExactly(draft.id());
    assertThat(
            ids(
                new ListConsultations(
                    new ActionFieldCode("mobilitaet"), null, null, null, false, null, 50)))
        .containsExactly(open.id());
    assertThat(
            ids(
                new ListConsultations(
                    null, null, SustainabilityGoal.CLIMATE_ACTION, null, false, null, 50)))
        .containsExactly(open.id(), closed.id());
    assertThat(
            ids(
                new ListConsultations(
                    null, null, SustainabilityGoal.QUALITY_EDUCATION, null, false, null, 50)))
        .containsExactly(closed.id());
    assertThat(
            ids(
                new ListConsultations(
                    null, null, null, ConsultationFormat.FEEDBACK, false, null, 50)))
        .containsExactly(closed.id());
  }

  @Test
  void theListIsPagedNewestOpeningFirst() {
    List<ConsultationId> expected = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      ConsultationView v =
          view("mobilitaet", ConsultationFormat.FEEDBACK, ConsultationPhase.OPEN, i, List.of());
      views.insert(v);
      expected.add(0, v.id());
    }
    List<ConsultationId> walked = new ArrayList<>();
    String cursor = null;
    do {
      Page<ConsultationView> page =
          views.list(new ListConsultations(null, null, null, null, false, cursor, 3));
      page.items().forEach(v -> walked.add(v.id()));
      cursor = page.next();
    } while (cursor != null);
    assertThat(walked).isEqualTo(expected);
  }

  @Test
  void thePhaseWatchFindsWhatIsDueByItsNextDate() {
    ConsultationView draft =
        view("mobilitaet", ConsultationFormat.IDEAS, ConsultationPhase.DRAFT, 1, List.of());
    ConsultationView closed =
        view("mobilitaet", ConsultationFormat.IDEAS, ConsultationPhase.CLOSED, -30, List.of());
    views.insert(draft);
    views.insert(closed);

    assertThat(views.idsDueBy(draft.content().opensAt().minusSeconds(1))).isEmpty();
    assertThat(views.idsDueBy(draft.content().opensAt())).containsExactly(draft.id());
    ConsultationView opened =
        new ConsultationView(
            draft.id(),
            draft.content(),
            ConsultationPhase.OPEN,
            T,
            List.of(new PhaseEntry(ConsultationPhase.OPEN, draft.content().opensAt())),
            null,
            4);
    assertThat(views.replace(opened, 3)).isTrue();
    assertThat(views.idsDueBy(draft.content().opensAt())).isEmpty();
    assertThat(views.idsDueBy(draft.content().closesAt())).containsExactly(draft.id());
    assertThat(views.replace(opened.atSequence(5), 3))
        .as("only over the record it came from")
        .isFalse();

    views.clear();
    assertThat(views.idsDueBy(T.plus(Duration.ofDays(999)))).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void declaresTheIndexesARealMongoDbNeedsForItsQueries() {
    List<String> issued = new ArrayList<>();
    MongoDatabase recording =
        (MongoDatabase)
            Proxy.newProxyInstance(
                MongoDatabase.class.getClassLoader(),
                new Class<?>[] {MongoDatabase.class},
                (proxy, method, args) -> {
                  Object result = method.invoke(database, args);
                  if (!method.getName().equals("getCollection")) {
                    return result;
                  }
                  MongoCollection<Document> collection = (MongoCollection<Document>) result;
                  return Proxy.newProxyInstance(
                      MongoCollection.class.getClassLoader(),
                      new Class<?>[] {MongoCollection.class},
                      (p, m, a) -> {
                        if (m.getName().equals("createIndexes")) {
                          for (IndexModel model : (List<IndexModel>) a[0]) {
                            issued.add(
                                model.getOptions().getName()
                                    + " "
                                    + model
                                        .getKeys()
                                        .toBsonDocument(Document.class, database.getCodecRegistry())
                                        .toJson());
                          }
                        }
                        return m.invoke(collection, a);
                      });
                });
    new MongoConsultationViews(recording, JSON);

    assertThat(issued)
        .containsExactly(
            "list {\"q.opens\": -1, \"_id\": -1}",
            "by_phase {\"q.phase\": 1, \"q.opens\": -1, \"_id\": -1}",
            "by_action_field {\"q.actionField\": 1, \"q.opens\": -1, \"_id\": -1}",
            "by_goal {\"q.goals\": 1, \"q.opens\": -1, \"_id\": -1}",
            "phase_watch {\"q.due\": 1}");
  }
}
